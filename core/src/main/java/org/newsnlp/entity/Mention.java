package org.newsnlp.entity;

import java.util.Objects;

import org.newsnlp.text.Span;

/**
 * One occurrence of a name in a text, with its type.
 *
 * <p>Offsets are half-open UTF-16 offsets into the analysed text (see {@link Span}). Instances are
 * immutable and safe to share between threads.
 *
 * @param text  the covered characters
 * @param start first code unit, inclusive
 * @param end   last code unit, exclusive
 * @param type  the mention's type
 */
public record Mention(String text, int start, int end, EntityType type) {

    public Mention {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
        if (start < 0 || end < start || end - start != text.length()) {
            throw new IllegalArgumentException("mention '" + text + "' does not fit offsets [" + start + ", " + end + ")");
        }
    }

    /** The offsets of this mention. */
    public Span span() {
        return new Span(start, end);
    }

    /** The same mention with another type. */
    public Mention withType(EntityType newType) {
        return new Mention(text, start, end, newType);
    }
}
