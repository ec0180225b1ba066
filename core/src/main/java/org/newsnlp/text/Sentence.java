package org.newsnlp.text;

/**
 * One sentence: its character offsets and the range of tokens it holds.
 *
 * <p>Tokens are referred to by index into the token list of the same {@link TokenizedText}:
 * {@code tokens.subList(firstToken, firstToken + tokenCount)}. Instances are immutable and safe to share
 * between threads.
 *
 * @param start      first code unit, inclusive
 * @param end        last code unit, exclusive
 * @param firstToken index of the first token
 * @param tokenCount number of tokens
 */
public record Sentence(int start, int end, int firstToken, int tokenCount) {

    public Sentence {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("sentence must satisfy 0 <= start <= end, got [" + start + ", " + end + ")");
        }
        if (firstToken < 0 || tokenCount < 0) {
            throw new IllegalArgumentException("bad token range " + firstToken + "+" + tokenCount);
        }
    }

    /** The offsets of this sentence. */
    public Span span() {
        return new Span(start, end);
    }

    /** Index one past the last token of this sentence. */
    public int endToken() {
        return firstToken + tokenCount;
    }
}
