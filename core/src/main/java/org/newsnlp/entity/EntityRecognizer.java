package org.newsnlp.entity;

import java.util.List;

import org.newsnlp.text.TokenizedText;

/**
 * Finds and types the names in a tokenized text (named-entity recognition).
 *
 * <p>Mentions are emitted with the CoNLL classes ({@link EntityType#PERSON}, {@link EntityType#ORGANIZATION},
 * {@link EntityType#LOCATION}, {@link EntityType#MISC}), each aligned to token boundaries, in text order and
 * not overlapping. Implementations are immutable and safe to share between threads.
 */
public interface EntityRecognizer {

    /** The mentions in {@code text}, in order. */
    List<Mention> recognize(TokenizedText text);
}
