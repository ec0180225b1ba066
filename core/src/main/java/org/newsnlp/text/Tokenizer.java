package org.newsnlp.text;

import java.util.List;

/**
 * Splits a region of text into tokens with exact offsets.
 *
 * <p>Implementations are immutable and safe to share between threads.
 */
public interface Tokenizer {

    /**
     * Tokenizes {@code text[start, end)}.
     *
     * @return tokens in order, with offsets into {@code text} (not into the region)
     */
    List<Token> tokenize(String text, int start, int end);

    /** Tokenizes all of {@code text}. */
    default List<Token> tokenize(String text) {
        return tokenize(text, 0, text.length());
    }
}
