package org.newsnlp.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A fast rule-based English {@link Tokenizer} following news (Penn Treebank / CoNLL-2003) conventions.
 *
 * <ul>
 *   <li>punctuation, brackets and quotes (straight, curly, {@code `} and {@code '} used as quotes) are split off;
 *   <li>the clitics {@code 's 're 've 'll 'd 'm n't} are split: {@code Microsoft's} gives {@code Microsoft 's},
 *       {@code don't} gives {@code do n't};
 *   <li>abbreviations keep their period ({@code U.S.}, {@code Mr.}, {@code Corp.}, {@code e.g.}, initials);
 *   <li>numbers stay whole ({@code 10,000}, {@code 3.5}, {@code 2024-25}, {@code .500}, {@code +44}); a currency
 *       sign is split from its amount but a country prefix stays on it ({@code US$ 50});
 *   <li>hyphenated words ({@code start-up}), URLs, e-mail addresses, hashtags and mentions stay whole;
 *   <li>dashes ({@code --}, en and em dashes) and ellipses are tokens of their own.
 * </ul>
 *
 * <pre>{@code
 * Tokenizer t = RuleTokenizer.english();
 * t.tokenize("Microsoft's U.S. unit hired 10,000 staff."); // Microsoft, 's, U.S., unit, hired, 10,000, staff, .
 * }</pre>
 *
 * <p>It works on {@code char}s and offsets without regular expressions and creates one {@code String} per
 * emitted token. Instances are immutable and safe to share between threads.
 */
public final class RuleTokenizer implements Tokenizer {

    private static final RuleTokenizer ENGLISH = new RuleTokenizer();

    private RuleTokenizer() {
    }

    /** The English tokenizer; it has no model to load, so this is cheap. */
    public static RuleTokenizer english() {
        return ENGLISH;
    }

    @Override
    public List<Token> tokenize(String text, int start, int end) {
        Objects.requireNonNull(text, "text");
        Objects.checkFromToIndex(start, end, text.length());
        List<Token> out = new ArrayList<>(Math.max(8, (end - start) / 5));
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (isSeparator(c)) {
                i++;
                continue;
            }
            int chunkEnd = i + 1;
            while (chunkEnd < end && !isSeparator(text.charAt(chunkEnd))) {
                chunkEnd++;
            }
            chunk(text, i, chunkEnd, out, out.isEmpty());
            i = chunkEnd;
        }
        return out;
    }

    /** Splits one whitespace-free chunk {@code [a, b)}. */
    private static void chunk(String text, int a, int b, List<Token> out, boolean first) {
        if (b - a == 1) {
            char c = text.charAt(a);
            if (!isFormat(c)) {
                emit(text, a, b, out);
            }
            return;
        }
        if (webLike(text, a, b)) {
            web(text, a, b, out);
            return;
        }
        int p = a;
        while (p < b) {
            char c = text.charAt(p);
            if (startsWord(text, p, a, b)) {
                p = word(text, p, b, out, first && out.isEmpty(), p == a);
                continue;
            }
            int q = p + 1;
            switch (c) {
                case '.', '-', '`', '*', '=', '_', '~', '!', '?' -> q = run(text, p, b, c);
                case '\'', '\u2019' -> q = apostrophe(text, p, a, b);
                case '\u2013', '\u2014', '\u2015', '\u2012' -> q = dashRun(text, p, b);
                default -> {
                    if (Character.isHighSurrogate(c) && q < b && Character.isLowSurrogate(text.charAt(q))) {
                        q++;
                    }
                    if (isFormat(c)) {
                        p = q;
                        continue;
                    }
                }
            }
            emit(text, p, q, out);
            p = q;
        }
    }

    /**
     * Scans a word starting at {@code p}, emits it (and a split-off clitic) and returns where it ends.
     *
     * @param firstOfRegion true when nothing was emitted before in this region (list markers like {@code 1.})
     * @param chunkStart    true when the word starts its whitespace-delimited chunk
     */
    private static int word(String text, int p, int b, List<Token> out, boolean firstOfRegion, boolean chunkStart) {
        int q = p;
        char c0 = text.charAt(q);
        if (c0 == '#' || c0 == '@' || c0 == '+' || c0 == '-' || c0 == '.') {
            q++;
        }
        q = scan(text, p, q, b);
        if (q < b && text.charAt(q) == '.' && (q + 1 == b || text.charAt(q + 1) != '.')
                && keepsPeriod(text, p, q, b, firstOfRegion && chunkStart)) {
            q++;
            if (q + 1 < b && text.charAt(q) == '-' && isAlnum(text.charAt(q + 1))) {
                q = scan(text, p, q + 1, b); // U.S.-led
            }
            emit(text, p, q, out);
            return q;
        }
        int split = cliticStart(text, p, q);
        if (split > p) {
            emit(text, p, split, out);
            emit(text, split, q, out);
        } else {
            emit(text, p, q, out);
        }
        return q;
    }

    /** Extends the word {@code [p, q)} over word characters and joiners; returns its end. */
    private static int scan(String text, int p, int q, int b) {
        while (q < b) {
            char ch = text.charAt(q);
            if (isWordChar(ch)) {
                q++;
            } else if (Character.isHighSurrogate(ch) && q + 1 < b && Character.isLetterOrDigit(text.codePointAt(q))) {
                q += 2;
            } else if (ch == '$' && q > p && q - p <= 3 && allUpper(text, p, q)) {
                return q + 1;
            } else if (q > p && q + 1 < b && joins(text, ch, q)) {
                q++;
            } else if (ch == '-' && q > p && q + 1 == b && isAlnum(text.charAt(q - 1))) {
                return q + 1;
            } else if (ch == '+' && q > p && q - p <= 4 && allUpper(text, p, q)) {
                int r = run(text, q, b, '+'); // credit ratings and names: AA+, BBB+, C++
                return r < b && isAlnum(text.charAt(r)) ? q : r;
            } else {
                return q;
            }
        }
        return q;
    }

    /** True when {@code ch} at {@code q} glues the characters on both sides into one word. */
    private static boolean joins(String text, char ch, int q) {
        char before = text.charAt(q - 1);
        char after = text.charAt(q + 1);
        switch (ch) {
            case '.':
                return isAlnum(before) && isAlnum(after);
            case ',':
            case ':':
                return isDigit(before) && isDigit(after);
            case '-':
            case '\u2010':
            case '\u2011':
            case '_':
            case '/':
            case '&':
            case '@':
            case '\u00b7':
                return isAlnum(before) && isAlnum(after);
            case '\'':
            case '\u2019':
                return isLetter(before) && isLetter(after) || isDigit(before) && (after == 's' || after == 'S');
            case '\u00ad':
            case '\u200d':
                return isWordChar(before) && isWordChar(after);
            default:
                return false;
        }
    }

    /** True when a word starts at {@code p}: a word character, or a sign that belongs to one. */
    private static boolean startsWord(String text, int p, int a, int b) {
        char c = text.charAt(p);
        if (isWordChar(c)) {
            return true;
        }
        if (Character.isHighSurrogate(c) && p + 1 < b) {
            return Character.isLetterOrDigit(text.codePointAt(p));
        }
        if (p + 1 >= b) {
            return false;
        }
        char next = text.charAt(p + 1);
        switch (c) {
            case '#':
            case '@':
                return isAlnum(next) && (p == a || !isAlnum(text.charAt(p - 1)));
            case '+':
            case '-':
            case '.':
                return isDigit(next) && (p == a || !isAlnum(text.charAt(p - 1)));
            default:
                return false;
        }
    }

    /**
     * Decides whether the period right after the word {@code [p, q)} belongs to it: abbreviations, initials,
     * dotted acronyms, and a list number ({@code 1.}) that opens its region.
     */
    private static boolean keepsPeriod(String text, int p, int q, int b, boolean listPosition) {
        int len = q - p;
        char c = text.charAt(p);
        if (len == 1 && Character.isUpperCase(c)) {
            return true;
        }
        if (dottedAcronym(text, p, q)) {
            return true;
        }
        if (Abbreviations.contains(text, p, q)) {
            return true;
        }
        if ((len == 2 && (c == 'N' || c == 'n') && text.charAt(p + 1) == 'o')
                || (len == 3 && (c == 'N' || c == 'n') && text.charAt(p + 1) == 'o' && text.charAt(p + 2) == 's')) {
            return nextIsDigit(text, q + 1);
        }
        if (listPosition && q + 1 == b && len <= 3 && allDigits(text, p, q)) {
            return true;
        }
        return false;
    }

    /** Letters and dots alternating, each letter group at most two long: {@code U.S}, {@code e.g}, {@code Ph.D}. */
    static boolean dottedAcronym(CharSequence text, int p, int q) {
        int group = 0;
        boolean dot = false;
        for (int i = p; i < q; i++) {
            char ch = text.charAt(i);
            if (ch == '.') {
                if (group == 0) {
                    return false;
                }
                group = 0;
                dot = true;
            } else if (Character.isLetter(ch)) {
                if (++group > 2) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return dot && group > 0;
    }

    private static boolean nextIsDigit(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i < text.length() && i > from && isDigit(text.charAt(i));
    }

    /** Where the clitic at the end of word {@code [p, q)} starts, or {@code p} when there is none. */
    private static int cliticStart(String text, int p, int q) {
        int len = q - p;
        if (len < 2) {
            return p;
        }
        // n't: "don't" -> do n't, "can't" -> ca n't
        if (len >= 4 && isApostrophe(text.charAt(q - 2))) {
            char n = text.charAt(q - 3);
            char t = text.charAt(q - 1);
            if ((n == 'n' || n == 'N') && (t == 't' || t == 'T')) {
                return q - 3;
            }
        }
        for (int k = q - 2; k > p && k >= q - 3; k--) {
            if (isApostrophe(text.charAt(k)) && isClitic(text, k + 1, q)) {
                return k;
            }
        }
        return p;
    }

    /** True for {@code s re ve ll d m} in either case ({@code [from, to)} after an apostrophe). */
    private static boolean isClitic(CharSequence text, int from, int to) {
        int len = to - from;
        char a = Character.toLowerCase(text.charAt(from));
        if (len == 1) {
            return a == 's' || a == 'd' || a == 'm';
        }
        if (len == 2) {
            char b = Character.toLowerCase(text.charAt(from + 1));
            return a == 'r' && b == 'e' || a == 'v' && b == 'e' || a == 'l' && b == 'l';
        }
        return false;
    }

    /** An apostrophe at {@code p}: a clitic written apart ({@code 's}), a year ({@code '90s}), or a quote. */
    private static int apostrophe(String text, int p, int a, int b) {
        int q = p + 1;
        while (q < b && isLetter(text.charAt(q))) {
            q++;
        }
        if (q > p + 1 && (q == b || !isWordChar(text.charAt(q))) && isClitic(text, p + 1, q)
                && (p == a || !isLetter(text.charAt(p - 1)))) {
            return q;
        }
        if (q == p + 1 && q + 1 < b && isDigit(text.charAt(q)) && isDigit(text.charAt(q + 1))) {
            int r = q + 2;
            if (r < b && text.charAt(r) == 's') {
                r++;
            }
            if (r == b || !isWordChar(text.charAt(r))) {
                return r;
            }
        }
        return run(text, p, b, text.charAt(p));
    }

    private static int run(String text, int p, int b, char c) {
        int q = p + 1;
        while (q < b && text.charAt(q) == c) {
            q++;
        }
        return q;
    }

    private static int dashRun(String text, int p, int b) {
        int q = p + 1;
        while (q < b) {
            char c = text.charAt(q);
            if (c != '\u2013' && c != '\u2014' && c != '\u2015' && c != '\u2012') {
                break;
            }
            q++;
        }
        return q;
    }

    /** True when the chunk holds a URL or an e-mail address. */
    private static boolean webLike(String text, int a, int b) {
        int at = -1;
        for (int i = a; i + 2 < b; i++) {
            char c = text.charAt(i);
            if (c == ':' && text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/' && i > a && isLetter(text.charAt(i - 1))) {
                return true;
            }
            if (c == '@' && i > a && isAlnum(text.charAt(i - 1)) && at < 0) {
                at = i;
            }
            if ((c == 'w' || c == 'W') && text.regionMatches(true, i, "www.", 0, 4) && (i == a || !isAlnum(text.charAt(i - 1)))
                    && i + 4 < b && isAlnum(text.charAt(i + 4))) {
                return true;
            }
        }
        if (at > 0) {
            for (int i = at + 2; i + 1 < b; i++) {
                if (text.charAt(i) == '.' && isAlnum(text.charAt(i - 1)) && isLetter(text.charAt(i + 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Emits a URL or e-mail chunk: opening and trailing punctuation split off, the address whole. */
    private static void web(String text, int a, int b, List<Token> out) {
        int p = a;
        while (p < b && isOpener(text.charAt(p))) {
            emit(text, p, p + 1, out);
            p++;
        }
        boolean hasParen = text.indexOf('(', p) >= 0 && text.indexOf('(', p) < b;
        int q = b;
        while (q > p) {
            char c = text.charAt(q - 1);
            if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"' || c == '\''
                    || c == '\u201d' || c == '\u2019' || c == ']' || c == '}' || c == '>' || (c == ')' && !hasParen)) {
                q--;
            } else {
                break;
            }
        }
        if (q > p) {
            emit(text, p, q, out);
        }
        for (int i = q; i < b; i++) {
            int j = i + 1;
            if (text.charAt(i) == '.') {
                j = run(text, i, b, '.');
            }
            emit(text, i, j, out);
            i = j - 1;
        }
    }

    private static boolean isOpener(char c) {
        return c == '(' || c == '[' || c == '{' || c == '<' || c == '"' || c == '\'' || c == '\u201c' || c == '\u2018';
    }

    private static void emit(String text, int a, int b, List<Token> out) {
        out.add(new Token(text.substring(a, b), a, b));
    }

    private static boolean allUpper(String text, int p, int q) {
        for (int i = p; i < q; i++) {
            char c = text.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }

    private static boolean allDigits(String text, int p, int q) {
        for (int i = p; i < q; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }

    /** Whitespace, including no-break and other Unicode spaces. */
    static boolean isSeparator(char c) {
        if (c <= ' ') {
            return true;
        }
        return c >= 0x80 && (Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    private static boolean isFormat(char c) {
        return c >= 0x80 && Character.getType(c) == Character.FORMAT;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9' || c >= 0x80 && Character.isDigit(c);
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 && Character.isLetter(c);
    }

    private static boolean isAlnum(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c >= 0x80 && Character.isLetterOrDigit(c);
    }

    /** Letters, digits and combining marks. */
    private static boolean isWordChar(char c) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
    }

    /**
     * English abbreviations that keep their period, looked up by char range without creating strings.
     * Case matters ({@code Wash.} is an abbreviation, {@code wash.} is not). The table is built once and never
     * changes.
     */
    static final class Abbreviations {

        /** Titles before a name: never end a sentence. */
        private static final String[] TITLES = {
            "Mr", "Mrs", "Ms", "Messrs", "Mme", "Mlle", "Dr", "Prof", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs",
            "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Cpl", "Pte", "Cmdr", "Cdr", "Adm", "Brig", "Rev",
            "Hon", "Pres", "Supt", "Insp", "Det", "Fr", "Sra", "Srta", "Atty", "Gens", "Mt", "Ft",
            "Pvt", "Amb", "Dep", "Asst", "Assoc", "Lieut", "Rt", "Sec",
        };

        /** Other abbreviations: may end a sentence. */
        private static final String[] OTHERS = {
            "Jr", "Sr", "Inc", "Corp", "Ltd", "Co", "Cos", "Bros", "Plc", "Pty", "Bhd", "Mfg", "Intl", "Assn", "Dept",
            "Univ", "Ave", "Blvd", "Rd", "St", "Ste", "Sq", "Hwy", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
            "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri",
            "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky",
            "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Penn",
            "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wisc", "Wyo", "Vol", "Vols", "Fig", "Figs", "Est", "Approx",
            "vs", "etc", "al", "approx", "cf", "esp", "incl", "misc", "viz", "ca", "vol", "vols", "pp", "fig",
            "figs", "est", "dept", "govt", "mins", "hrs", "yr", "yrs", "wk", "wks", "mo", "mos", "v",
        };

        private static final int MASK = 511;
        private static final char[][] TABLE = new char[MASK + 1][];
        private static final boolean[] TITLE = new boolean[MASK + 1];

        static {
            for (String s : TITLES) {
                put(s, true);
            }
            for (String s : OTHERS) {
                put(s, false);
            }
        }

        private Abbreviations() {
        }

        private static void put(String s, boolean title) {
            int h = hash(s, 0, s.length()) & MASK;
            while (TABLE[h] != null) {
                if (new String(TABLE[h]).equals(s)) {
                    return;
                }
                h = (h + 1) & MASK;
            }
            TABLE[h] = s.toCharArray();
            TITLE[h] = title;
        }

        private static int hash(CharSequence text, int from, int to) {
            int h = 0;
            for (int i = from; i < to; i++) {
                h = 31 * h + text.charAt(i);
            }
            return h ^ (h >>> 9);
        }

        private static int slot(CharSequence text, int from, int to) {
            int len = to - from;
            if (len <= 0 || len > 6) {
                return -1;
            }
            int h = hash(text, from, to) & MASK;
            while (TABLE[h] != null) {
                char[] e = TABLE[h];
                if (e.length == len) {
                    int i = 0;
                    while (i < len && e[i] == text.charAt(from + i)) {
                        i++;
                    }
                    if (i == len) {
                        return h;
                    }
                }
                h = (h + 1) & MASK;
            }
            return -1;
        }

        /** True when {@code text[from, to)} is a known abbreviation (without its period). */
        static boolean contains(CharSequence text, int from, int to) {
            return slot(text, from, to) >= 0;
        }

        /** True when {@code text[from, to)} is a title such as {@code Mr} or {@code Dr}. */
        static boolean isTitle(CharSequence text, int from, int to) {
            int s = slot(text, from, to);
            return s >= 0 && TITLE[s];
        }
    }
}
