package org.newsnlp.text;

/**
 * Identifies the language of a text.
 *
 * <p>Implementations are immutable and safe to share between threads.
 */
public interface LanguageIdentifier {

    /** The most likely language of {@code text}, or {@link Language#UNDETERMINED} for too little text. */
    Language identify(CharSequence text);
}
