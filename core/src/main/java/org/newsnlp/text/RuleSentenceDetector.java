package org.newsnlp.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A fast rule-based English {@link SentenceDetector} for news text.
 *
 * <p>A sentence ends at {@code .}, {@code !}, {@code ?} or an ellipsis, plus any closing quotes and brackets,
 * when whitespace and then an upper-case letter, a digit or an opening quote follow. A period after a title
 * ({@code Mr.}, {@code Dr.}), an initial ({@code J.}) or a list number at the start of a sentence never ends
 * one; after another abbreviation ({@code Corp.}, {@code U.S.}) it does only when a common sentence opener
 * follows ({@code The}, {@code He}, ...). Line breaks are not treated specially; {@link TextSegmenter} cuts lines
 * first.
 *
 * <pre>{@code
 * SentenceDetector d = RuleSentenceDetector.english();
 * d.detect("Mr. Shum left the U.S. on Friday. He flew home."); // [0, 33), [34, 47)
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class RuleSentenceDetector implements SentenceDetector {

    private static final RuleSentenceDetector ENGLISH = new RuleSentenceDetector();

    /** Capitalised words that start sentences far more often than they follow an abbreviation. */
    private static final String[] OPENERS = {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "Or", "So", "Yet", "In", "On",
        "At", "As", "For", "If", "When", "While", "After", "Before", "However", "Meanwhile", "This", "That",
        "These", "Those", "There", "His", "Her", "Its", "Their", "Our", "My", "Mr", "Mrs", "Ms", "Dr", "Last",
        "Earlier", "Later", "Now", "Then", "Also", "Shares", "Analysts", "According", "Some", "Many", "Most",
        "What", "Why", "How", "Who", "Where", "Since", "Although", "Despite", "Under", "With", "By", "From",
    };

    private static final String[] OPENER_TABLE = table(OPENERS);

    private RuleSentenceDetector() {
    }

    /** The English detector; it has no model to load, so this is cheap. */
    public static RuleSentenceDetector english() {
        return ENGLISH;
    }

    @Override
    public List<Span> detect(String text) {
        Objects.requireNonNull(text, "text");
        int n = text.length();
        List<Span> out = new ArrayList<>(Math.max(2, n / 120));
        int start = skipSpace(text, 0, n);
        int i = start;
        while (i < n) {
            char c = text.charAt(i);
            if (c != '.' && c != '!' && c != '?' && c != '\u2026') {
                i++;
                continue;
            }
            int e = i + 1;
            while (e < n && isTerminator(text.charAt(e))) {
                e++;
            }
            while (e < n && isCloser(text.charAt(e))) {
                e++;
            }
            if (e < n && !RuleTokenizer.isSeparator(text.charAt(e))) {
                i = e;
                continue;
            }
            int next = skipSpace(text, e, n);
            if (next == n) {
                break;
            }
            if (startsSentence(text, next, n) && !(c == '.' && e == i + 1 && heldByWord(text, start, i, next, n))) {
                out.add(new Span(start, e));
                start = next;
            }
            i = next;
        }
        int end = n;
        while (end > start && RuleTokenizer.isSeparator(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new Span(start, end));
        }
        return out;
    }

    /** True when the next sentence may start at {@code p}: an upper-case letter, digit or opening mark. */
    private static boolean startsSentence(String text, int p, int n) {
        int i = p;
        while (i < n && i < p + 3 && isOpener(text.charAt(i))) {
            i++;
        }
        if (i == n) {
            return false;
        }
        char c = text.charAt(i);
        return Character.isUpperCase(c) || Character.isDigit(c) || Character.isTitleCase(c)
                || (i > p && Character.isLetter(c)) || c == '\u2022' || c == '-' || c == '\u2013' || c == '\u2014';
    }

    /**
     * True when the single period at {@code dot} belongs to the word before it (title, initial, list number,
     * or an abbreviation not followed by a sentence opener), so that no sentence ends there.
     */
    private static boolean heldByWord(String text, int sentenceStart, int dot, int next, int n) {
        int w = dot;
        while (w > sentenceStart && !RuleTokenizer.isSeparator(text.charAt(w - 1))) {
            w--;
        }
        while (w < dot && isOpener(text.charAt(w))) {
            w++;
        }
        int len = dot - w;
        if (len == 0) {
            return false;
        }
        if (RuleTokenizer.Abbreviations.isTitle(text, w, dot)) {
            return true;
        }
        if (len == 1 && Character.isUpperCase(text.charAt(w))) {
            return true;
        }
        if (w == sentenceStart && len <= 3 && allDigits(text, w, dot)) {
            return true;
        }
        if ((len == 2 || len == 3) && text.regionMatches(true, w, "no", 0, 2) && Character.isDigit(text.charAt(next))) {
            return true;
        }
        if (RuleTokenizer.Abbreviations.contains(text, w, dot) || RuleTokenizer.dottedAcronym(text, w, dot)) {
            return !isOpenerWord(text, next, n);
        }
        return false;
    }

    private static boolean isOpenerWord(String text, int p, int n) {
        int q = p;
        while (q < n && Character.isLetter(text.charAt(q))) {
            q++;
        }
        int len = q - p;
        if (len == 0 || len > 9) {
            return false;
        }
        int h = hash(text, p, q) & (OPENER_TABLE.length - 1);
        while (OPENER_TABLE[h] != null) {
            String s = OPENER_TABLE[h];
            if (s.length() == len && text.regionMatches(p, s, 0, len)) {
                return true;
            }
            h = (h + 1) & (OPENER_TABLE.length - 1);
        }
        return false;
    }

    private static String[] table(String[] words) {
        String[] t = new String[256];
        for (String s : words) {
            int h = hash(s, 0, s.length()) & (t.length - 1);
            while (t[h] != null) {
                h = (h + 1) & (t.length - 1);
            }
            t[h] = s;
        }
        return t;
    }

    private static int hash(CharSequence s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + s.charAt(i);
        }
        return h ^ (h >>> 7);
    }

    private static boolean allDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int skipSpace(String text, int i, int n) {
        while (i < n && RuleTokenizer.isSeparator(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\u2026';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' || c == '\u201d' || c == '\u2019'
                || c == '\u00bb';
    }

    private static boolean isOpener(char c) {
        return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' || c == '\u201c' || c == '\u2018'
                || c == '\u00ab' || c == '`';
    }
}
