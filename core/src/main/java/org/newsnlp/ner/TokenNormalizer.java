package org.newsnlp.ner;

/**
 * Maps typographic variants of punctuation to the forms of the CoNLL-2003 training text (curly quotes to
 * straight ones, dashes to {@code -}), so that web text and newswire share features. Stateless.
 */
final class TokenNormalizer {

    private TokenNormalizer() {
    }

    static String normalize(String token) {
        if (token.length() == 1) {
            switch (token.charAt(0)) {
                case '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb':
                    return "\"";
                case '\u2018', '\u2019', '\u201a', '`':
                    return "'";
                case '\u2013', '\u2014', '\u2012', '\u2015':
                    return "-";
                default:
                    return token;
            }
        }
        if (token.equals("``") || token.equals("''")) {
            return "\"";
        }
        if (token.indexOf('\u2019') >= 0) {
            return token.replace('\u2019', '\'');
        }
        return token;
    }
}
