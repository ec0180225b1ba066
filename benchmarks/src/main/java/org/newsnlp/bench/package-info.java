/**
 * JMH benchmarks of newsnlp, per stage and end to end, on real news articles ({@link org.newsnlp.bench.Corpus}).
 * Methods named {@code newsnlp...} measure newsnlp; the others in the same class measure a reference library
 * on the same inputs, so that {@code newsnlp bench} can print ratios from one run.
 */
package org.newsnlp.bench;
