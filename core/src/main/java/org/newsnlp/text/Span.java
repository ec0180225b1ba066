package org.newsnlp.text;

/**
 * A half-open range {@code [start, end)} of UTF-16 code units in a text.
 *
 * <p>Every offset newsnlp reports (tokens, sentences, entity mentions) is a span of this kind into
 * {@link org.newsnlp.AnalyzedArticle#text()}, so that {@code text.substring(start, end)} is exactly the
 * covered text.
 *
 * <pre>{@code
 * Span s = new Span(4, 9);
 * s.coveredText("The Times"); // "Times"
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * @param start first code unit, inclusive, {@code >= 0}
 * @param end   last code unit, exclusive, {@code >= start}
 */
public record Span(int start, int end) implements Comparable<Span> {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("span must satisfy 0 <= start <= end, got [" + start + ", " + end + ")");
        }
    }

    /** Number of code units covered. */
    public int length() {
        return end - start;
    }

    /** True when this span and {@code other} share at least one code unit. */
    public boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }

    /** True when {@code other} lies entirely within this span. */
    public boolean contains(Span other) {
        return start <= other.start && other.end <= end;
    }

    /** The text this span covers in {@code text}. */
    public String coveredText(CharSequence text) {
        if (end > text.length()) {
            throw new IllegalArgumentException("span [" + start + ", " + end + ") exceeds text length " + text.length());
        }
        return text.subSequence(start, end).toString();
    }

    @Override
    public int compareTo(Span o) {
        int c = Integer.compare(start, o.start);
        return c != 0 ? c : Integer.compare(end, o.end);
    }
}
