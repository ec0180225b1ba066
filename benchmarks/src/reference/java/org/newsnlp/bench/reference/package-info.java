/**
 * Reference benchmarks against Stanford CoreNLP (GPL), built only with the {@code reference} Maven profile so
 * that the default build never links CoreNLP.
 */
package org.newsnlp.bench.reference;
