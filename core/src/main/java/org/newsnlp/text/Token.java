package org.newsnlp.text;

import java.util.Objects;

/**
 * One token of a text: its characters and its {@link Span} offsets.
 *
 * <p>{@code text.substring(start, end).equals(token.text())} always holds for the text it was cut from.
 * Instances are immutable and safe to share between threads.
 *
 * @param text  the token's characters
 * @param start first code unit, inclusive
 * @param end   last code unit, exclusive
 */
public record Token(String text, int start, int end) {

    public Token {
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start || end - start != text.length()) {
            throw new IllegalArgumentException("token '" + text + "' does not fit offsets [" + start + ", " + end + ")");
        }
    }

    /** The offsets of this token. */
    public Span span() {
        return new Span(start, end);
    }
}
