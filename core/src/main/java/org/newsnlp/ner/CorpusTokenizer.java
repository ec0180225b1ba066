package org.newsnlp.ner;

import java.util.ArrayList;
import java.util.List;

/**
 * A small rule tokenizer for unlabelled text that cuts words the way CoNLL-2003 does (punctuation split off,
 * {@code 's} and {@code n't} separate, hyphenated words kept whole). Used only to learn word clusters.
 * Stateless and safe to share between threads.
 */
final class CorpusTokenizer {

    private CorpusTokenizer() {
    }

    /** Tokens of one line of text. */
    static List<String> tokenize(String line) {
        List<String> out = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (start < i) {
                split(line.substring(start, i), out);
            }
        }
        return out;
    }

    private static boolean isEdgePunct(char c) {
        return "\"'`([{)]},;:!?.\u201c\u201d\u2018\u2019<>*".indexOf(c) >= 0;
    }

    private static void split(String w, List<String> out) {
        int s = 0;
        int e = w.length();
        List<String> tail = new ArrayList<>(2);
        while (s < e && isEdgePunct(w.charAt(s))) {
            out.add(TokenNormalizer.normalize(w.substring(s, s + 1)));
            s++;
        }
        while (e > s && isEdgePunct(w.charAt(e - 1))) {
            char c = w.charAt(e - 1);
            // keep the dot of abbreviations and initials ("U.S.", "Corp.", "J.")
            if (c == '.' && e - 1 > s && isAbbreviation(w, s, e)) {
                break;
            }
            tail.add(TokenNormalizer.normalize(w.substring(e - 1, e)));
            e--;
        }
        if (s < e) {
            String core = w.substring(s, e);
            String lower = core.toLowerCase(java.util.Locale.ROOT);
            if (lower.endsWith("n't") && core.length() > 3) {
                out.add(core.substring(0, core.length() - 3));
                out.add(core.substring(core.length() - 3));
            } else if ((lower.endsWith("'s") || lower.endsWith("\u2019s")) && core.length() > 2) {
                out.add(core.substring(0, core.length() - 2));
                out.add("'s");
            } else {
                out.add(core);
            }
        }
        for (int k = tail.size() - 1; k >= 0; k--) {
            out.add(tail.get(k));
        }
    }

    private static boolean isAbbreviation(String w, int s, int e) {
        String core = w.substring(s, e - 1);
        if (core.indexOf('.') >= 0) {
            return true;
        }
        return core.length() == 1 && Character.isUpperCase(core.charAt(0))
                || core.length() <= 4 && Character.isUpperCase(core.charAt(0)) && ABBREVIATIONS.contains(core);
    }

    private static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of(
            "Mr", "Mrs", "Ms", "Dr", "St", "Co", "Corp", "Inc", "Ltd", "Jr", "Sr", "Gen", "Col", "Lt", "Sgt",
            "Rep", "Sen", "Gov", "Prof", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
            "Bros", "Mt", "No");
}
