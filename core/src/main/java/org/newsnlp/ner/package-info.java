/**
 * Named-entity recognition for the CoNLL-2003 classes (PER, ORG, LOC, MISC): an averaged structured
 * perceptron over hashed features with Viterbi decoding, its trainer, word clusters learned from unlabelled
 * text, a CoNLL reader and a conlleval-equivalent evaluation.
 *
 * <pre>{@code
 * PerceptronEntityRecognizer ner = PerceptronEntityRecognizer.loadDefault();
 * List<Mention> mentions = ner.recognize(TextSegmenter.english().segment(text));
 * }</pre>
 */
package org.newsnlp.ner;
