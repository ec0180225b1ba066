package org.newsnlp.text;

import java.util.Objects;

/**
 * An identified language.
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * @param code       ISO 639-1 code where one exists ({@code "en"}), otherwise ISO 639-3; {@code "und"} when unknown
 * @param confidence confidence in {@code [0, 1]}
 */
public record Language(String code, double confidence) {

    /** The unknown language. */
    public static final Language UNDETERMINED = new Language("und", 0.0);

    public Language {
        Objects.requireNonNull(code, "code");
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
        }
    }

    /** True for English. */
    public boolean isEnglish() {
        return "en".equals(code);
    }
}
