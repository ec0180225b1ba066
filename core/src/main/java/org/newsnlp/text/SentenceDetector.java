package org.newsnlp.text;

import java.util.List;

/**
 * Finds sentence boundaries in a text.
 *
 * <p>Implementations are immutable and safe to share between threads.
 */
public interface SentenceDetector {

    /** Sentence spans of {@code text} in order, trimmed of surrounding whitespace. */
    List<Span> detect(String text);
}
