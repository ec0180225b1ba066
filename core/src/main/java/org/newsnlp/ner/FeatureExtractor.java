package org.newsnlp.ner;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.newsnlp.internal.LongIntMap;

/**
 * Turns the sentences of a document into hashed feature ids (bucket indices into a weight table): word,
 * lower case, shape, prefixes and suffixes, neighbours within two tokens, word clusters, gazetteer matches,
 * case statistics of the word in running text and in the same document, the sentence's case style, and, in
 * the second pass, what the first pass said about the same word elsewhere in the document.
 *
 * <p>Headlines in capitals and Title Case lines are first re-cased word by word to their usual spelling (taken
 * from the same document, else from the word clusters' case counts), so a title-case sentence is read like a
 * normal one. Immutable and safe to share between threads; all per-call state is in {@link Doc} and
 * {@link Buffer}.
 */
final class FeatureExtractor {

    static final int KIND_NORMAL = 0;
    static final int KIND_CAPS = 1;
    static final int KIND_TITLE = 2;

    private static final long BOS = 0x5EED0001L;
    private static final long EOS = 0x5EED0002L;
    private static final int PAD = 2;
    /** Roles of a word form in the features of a token: itself, the token before, after, two before, two after. */
    static final int ROLES = 5;
    /**
     * How many of the most frequent clustered forms get precomputed sums: they cover most running text, and
     * more would cost load time and cache space without making tagging faster.
     */
    static final int SUMMED_FORMS = 8_000;

    private final WordClusters clusters;
    private final Gazetteer gazetteer;
    private final Gazetteer found;
    private final int bits;
    private final int labels;
    /** {@link #caseProfile} of each clustered form, so that a known word needs no lookup for it. */
    private final byte[] profiles;

    /**
     * @param gazetteer names of the labelled training data
     * @param found     names the recognizer itself found often and consistently in unlabelled text
     */
    FeatureExtractor(WordClusters clusters, Gazetteer gazetteer, Gazetteer found, int bits, int labels) {
        this.clusters = clusters;
        this.gazetteer = gazetteer;
        this.found = found;
        this.bits = bits;
        this.labels = labels;
        this.profiles = clusters == null ? new byte[0] : new byte[clusters.size()];
        for (int f = 0; f < profiles.length; f++) {
            profiles[f] = (byte) caseProfile(clusters.form(f));
        }
    }

    private FeatureExtractor(FeatureExtractor x, Gazetteer gazetteer, Gazetteer found) {
        this.clusters = x.clusters;
        this.gazetteer = gazetteer;
        this.found = found;
        this.bits = x.bits;
        this.labels = x.labels;
        this.profiles = x.profiles;
    }

    Gazetteer found() {
        return found;
    }

    FeatureExtractor withFound(Gazetteer g) {
        return new FeatureExtractor(this, gazetteer, g);
    }

    int bits() {
        return bits;
    }

    Gazetteer gazetteer() {
        return gazetteer;
    }

    WordClusters clusters() {
        return clusters;
    }

    FeatureExtractor withGazetteer(Gazetteer g) {
        return new FeatureExtractor(this, g, found);
    }

    /** A document ready for feature extraction: tokens normalised and re-cased, sentence kinds. */
    static final class Doc {
        final String[][] norm;
        final int[] kind;
        /** Per-document case counts: lower-case hash -> 10-bit counts of lower, capitalised, all-caps forms. */
        final LongIntMap docCase;
        int[][] stage1; // BIO label ids of the first stage, or null
        LongIntMap wordIds; // lower-case hash -> id, for first-pass label counts
        int[] labelCounts; // [id * labels + label]

        Doc(String[][] norm, int[] kind, LongIntMap docCase) {
            this.norm = norm;
            this.kind = kind;
            this.docCase = docCase;
        }

        int sentences() {
            return norm.length;
        }
    }

    /** Reusable output of {@link #extract}: features of token i are {@code feats[offsets[i] .. offsets[i+1])}. */
    static final class Buffer {
        int[] feats = new int[0];
        int[] offsets = new int[0];
        int n;
        long[] hw = new long[0];
        long[] hl = new long[0];
        long[] hs = new long[0];
        long[] hss = new long[0];
        long[] c0 = new long[0];
        long[] c1 = new long[0];
        long[] c2 = new long[0];
        int[] gaz = new int[0];
        int[] title = new int[0];
        int[] found = new int[0];
        final int[] typeCount = new int[Gazetteer.TYPES];
        long[] gazHashes = new long[0];
        int[] form = new int[0];
        /** {@link #caseProfile} per padded token position. */
        int[] profile = new int[0];
        /** Per token and role, the offset of a precomputed row of {@link #formSums}, or -1; valid if {@link #sums}. */
        int[] roles = new int[0];
        /** The per-form sums referenced by {@link #roles}, or null when every feature is in {@link #feats}. */
        int[] sums;
        int size;

        void ensure(int tokens) {
            int cap = tokens + 2 * PAD + 1;
            if (feats.length < tokens * 48) { // add() grows it for the rare token with more features
                feats = new int[Math.max(tokens * 48, feats.length * 2)];
            }
            if (hw.length < cap) {
                int c = Math.max(cap, hw.length * 2);
                hw = new long[c];
                hl = new long[c];
                hs = new long[c];
                hss = new long[c];
                c0 = new long[c];
                c1 = new long[c];
                c2 = new long[c];
                gaz = new int[c];
                title = new int[c];
                found = new int[c];
                gazHashes = new long[c];
                form = new int[c];
                profile = new int[c];
                offsets = new int[c];
                roles = new int[c * ROLES];
            }
        }

        void add(long h, int mask) {
            if (size == feats.length) {
                feats = Arrays.copyOf(feats, Math.max(256, size * 2));
            }
            feats[size++] = (int) (h >>> 1) & mask;
        }
    }

    // ------------------------------------------------------------------ document preparation

    Doc prepare(List<String[]> sentences) {
        int ns = sentences.size();
        String[][] norm = new String[ns][];
        int[] kind = new int[ns];
        int total = 0;
        for (String[] t : sentences) {
            total += t.length;
        }
        LongIntMap docCase = new LongIntMap(Math.max(8, total));
        LongIntMap docForm = new LongIntMap(Math.max(8, total / 4)); // lower hash -> (sentence << 16 | token)
        for (int s = 0; s < ns; s++) {
            String[] raw = sentences.get(s);
            String[] t = new String[raw.length];
            for (int i = 0; i < raw.length; i++) {
                t[i] = TokenNormalizer.normalize(raw[i]);
            }
            norm[s] = t;
            kind[s] = kindOf(t);
            if (kind[s] == KIND_NORMAL) {
                for (int i = 1; i < t.length; i++) {
                    String w = t[i];
                    if (w.isEmpty() || !Character.isLetter(w.charAt(0)) || WordClusters.isSentenceBreak(t[i - 1])) {
                        continue;
                    }
                    long lk = Hashing.lower(w);
                    int unit = caseUnit(w);
                    int v = docCase.get(lk, 0);
                    if (((v / unit) & 1023) < 1023) {
                        docCase.put(lk, v + unit);
                    }
                    if (unit != 1 && docForm.get(lk, -1) < 0 && i < 0xFFFF) {
                        docForm.put(lk, (s << 16) | i);
                    }
                }
            }
        }
        for (int s = 0; s < ns; s++) {
            if (kind[s] != KIND_NORMAL) {
                String[] t = norm[s];
                for (int i = 0; i < t.length; i++) {
                    t[i] = recase(t[i], kind[s], docCase, docForm, norm);
                }
            }
        }
        return new Doc(norm, kind, docCase);
    }

    /** Counter unit of a form in the per-document case counts: lower case, capitalised, all capitals. */
    private static int caseUnit(String w) {
        return Character.isUpperCase(w.charAt(0)) ? (isAllUpper(w) ? 1 << 20 : 1 << 10) : 1;
    }

    /** Whether the token at {@code i} was counted in the document's case counts. */
    private static boolean countsForCase(String[] t, int i, int kind) {
        return kind == KIND_NORMAL && i > 0 && !t[i].isEmpty() && Character.isLetter(t[i].charAt(0))
                && !WordClusters.isSentenceBreak(t[i - 1]);
    }

    /** Case evidence bits from the counts: 1 lower case, 2 capitalised, 4 all capitals. */
    private static int caseBits(int v) {
        return ((v & 1023) > 0 ? 1 : 0) | (((v >>> 10) & 1023) > 0 ? 2 : 0) | (((v >>> 20) & 1023) > 0 ? 4 : 0);
    }

    private String recase(String w, int kind, LongIntMap docCase, LongIntMap docForm,
                          String[][] norm) {
        if (w.isEmpty() || !Character.isLetter(w.charAt(0))) {
            return w;
        }
        if (kind == KIND_TITLE && !Character.isUpperCase(w.charAt(0))) {
            return w;
        }
        long lk = Hashing.lower(w);
        int dc = caseBits(docCase.get(lk, 0));
        if (dc != 0) {
            if ((dc & 1) != 0 && (dc & 6) == 0) {
                return w.toLowerCase(Locale.ROOT);
            }
            if ((dc & 1) == 0) {
                int at = docForm.get(lk, -1);
                if (at >= 0) {
                    return norm[at >>> 16][at & 0xFFFF];
                }
            }
        }
        if (clusters != null) {
            int u = clusters.usualFormIndex(w);
            if (u >= 0 && clusters.midCount(u) >= 2) {
                String usual = clusters.form(u);
                if (kind == KIND_TITLE && isAllUpper(w) && w.length() > 1 && !isAllUpper(usual)) {
                    return w; // an acronym inside a title-case line stays as written
                }
                return usual;
            }
        }
        return w;
    }

    static boolean isAllUpper(String w) {
        boolean letter = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letter |= Character.isLetter(c);
        }
        return letter;
    }

    private static final LongIntMap SMALL_WORDS = new LongIntMap(32);

    static {
        for (String w : new String[] {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "with",
                "by", "from", "vs", "as", "is", "but", "nor", "via", "into", "over", "up", "off"}) {
            SMALL_WORDS.put(Hashing.chars(w), 1);
        }
    }

    private static boolean hasUpperInside(String w) {
        for (int k = 1; k < w.length(); k++) {
            if (Character.isUpperCase(w.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    int kindOf(String[] t) {
        int alpha = 0;
        int upperOnly = 0;
        int capital = 0;
        int unusualCapital = 0;
        int longUpper = 0;
        for (int i = 0; i < t.length; i++) {
            String w = t[i];
            boolean hasLetter = false;
            boolean hasLower = false;
            int letters = 0;
            for (int k = 0; k < w.length(); k++) {
                char c = w.charAt(k);
                if (Character.isLetter(c)) {
                    hasLetter = true;
                    letters++;
                    if (Character.isLowerCase(c)) {
                        hasLower = true;
                    }
                }
            }
            if (!hasLetter) {
                continue;
            }
            alpha++;
            if (!hasLower) {
                upperOnly++;
                if (letters > 1) {
                    longUpper++;
                }
            }
            boolean cap = Character.isUpperCase(w.charAt(0));
            if (cap) {
                capital++;
                if (i > 0 && clusters != null) {
                    int u = clusters.usualFormIndex(w);
                    if (u >= 0 && Character.isLowerCase(clusters.form(u).charAt(0)) && clusters.midCount(u) >= 5) {
                        unusualCapital++;
                    }
                }
            } else if (hasUpperInside(w) || SMALL_WORDS.get(Hashing.chars(w), 0) != 0) {
                capital++; // small words may stay lower case in a title; "iPhone" counts as capitalised
            }
        }
        if (alpha > 0 && upperOnly == alpha && longUpper > 0 && (alpha >= 2 || t.length <= 3)) {
            return KIND_CAPS;
        }
        if (alpha >= 3 && capital == alpha && unusualCapital >= 1 && upperOnly < alpha) {
            return KIND_TITLE;
        }
        return KIND_NORMAL;
    }

    // ------------------------------------------------------------------ shapes

    static long shape(String w, boolean collapse, int max) {
        long h = 0xcbf29ce484222325L;
        char prev = 0;
        int len = 0;
        for (int i = 0; i < w.length() && len < max; i++) {
            char c = w.charAt(i);
            char s;
            if (Character.isUpperCase(c)) {
                s = 'X';
            } else if (Character.isLowerCase(c)) {
                s = 'x';
            } else if (Character.isDigit(c)) {
                s = 'd';
            } else if (Character.isLetter(c)) {
                s = 'l';
            } else {
                s = c;
            }
            if (collapse && s == prev) {
                continue;
            }
            h = (h ^ s) * 0x100000001b3L;
            prev = s;
            len++;
        }
        return Hashing.fmix(h);
    }

    /** 0 unknown, 1 usually lower case, 2 usually capitalised, 3 usually all capitals, 4 other. */
    int caseProfile(String w) {
        if (clusters == null || w.isEmpty() || !Character.isLetter(w.charAt(0))) {
            return 0;
        }
        int u = clusters.usualFormIndex(w);
        if (u < 0 || clusters.midCount(u) == 0) {
            return 0;
        }
        String f = clusters.form(u);
        if (Character.isLowerCase(f.charAt(0))) {
            return 1;
        }
        if (isAllUpper(f)) {
            return f.length() > 1 ? 3 : 2;
        }
        return Character.isUpperCase(f.charAt(0)) ? 2 : 4;
    }

    // ------------------------------------------------------------------ features

    private static long t(int template) {
        return 0x1000L + template * 0x9E3779B97F4A7C15L;
    }

    /** Extracts the token features of sentence {@code s} into {@code b}, every feature listed. */
    void extract(Doc doc, int s, Buffer b) {
        extract(doc, s, b, null);
    }

    /**
     * Extracts the token features of sentence {@code s} into {@code b}. With {@code sums} from
     * {@link #formSums}, the features that depend on a single known word form are not listed but referenced
     * through {@link Buffer#roles}; the scores come out the same, with fewer reads of the weight table.
     */
    void extract(Doc doc, int s, Buffer b, int[] sums) {
        String[] w = doc.norm[s];
        int n = w.length;
        int kind = doc.kind[s];
        b.ensure(n);
        b.n = n;
        b.size = 0;
        b.sums = sums;
        int mask = (1 << bits) - 1;
        for (int i = 0; i < n; i++) {
            b.gazHashes[i] = Hashing.chars(w[i]);
        }
        gazetteer.match(w, b.gazHashes, b.gaz);
        found.match(w, b.gazHashes, b.found);
        // padded arrays: index i + PAD
        for (int k = 0; k < PAD; k++) {
            setBoundary(b, k, BOS);
            setBoundary(b, n + PAD + k, EOS);
            b.form[k] = -1;
            b.form[n + PAD + k] = -1;
        }
        for (int i = 0; i < n; i++) {
            String tok = w[i];
            int p = i + PAD;
            b.hw[p] = b.gazHashes[i];
            b.hl[p] = Hashing.lower(tok);
            b.hs[p] = shape(tok, true, 12);
            b.hss[p] = shape(tok, true, 4);
            int wi = clusters == null ? -1 : clusters.indexOf(tok);
            boolean exact = wi >= 0 && clusters.form(wi).equals(tok);
            b.profile[p] = exact ? profiles[wi] : caseProfile(tok);
            b.form[p] = sums != null && exact && wi * ROLES * labels < sums.length ? wi : -1;
            if (wi < 0 && clusters != null && Character.isUpperCase(tok.charAt(0)) && kind != KIND_NORMAL) {
                wi = clusters.usualFormIndex(tok);
            }
            b.c0[p] = wi < 0 ? -1 : clusters.clusterOf(wi, 0);
            b.c1[p] = wi < 0 ? -1 : clusters.clusterOf(wi, 1);
            b.c2[p] = wi < 0 ? -1 : clusters.clusterOf(wi, 2);
        }
        long kindH = kind == KIND_CAPS ? 1 : 0; // a re-cased title reads like a normal sentence
        for (int i = 0; i < n; i++) {
            b.title[i + PAD] = isTitle(w[i]) ? 1 : 0;
        }
        for (int i = 0; i < n; i++) {
            b.offsets[i] = b.size;
            int p = i + PAD;
            String tok = w[i];
            long s0 = b.hs[p];
            boolean initial = i == 0 || (i == 1 && isQuote(w[0]));
            long ini = initial ? 1 : 0;
            if (sums == null) { // every feature listed, in the order training has always used
                b.add(t(1), mask);
                b.add(Hashing.mix(t(2), b.hw[p]), mask);
                b.add(Hashing.mix(t(3), b.hl[p]), mask);
                b.add(Hashing.mix(t(4), b.hl[p - 1]), mask);
                b.add(Hashing.mix(t(5), b.hl[p + 1]), mask);
                b.add(Hashing.mix(t(6), b.hl[p - 2]), mask);
                b.add(Hashing.mix(t(7), b.hl[p + 2]), mask);
                b.add(Hashing.mix(t(8), b.hl[p - 1], b.hl[p]), mask);
                b.add(Hashing.mix(t(9), b.hl[p], b.hl[p + 1]), mask);
                b.add(Hashing.mix(t(10), s0), mask);
                b.add(Hashing.mix(t(11), b.hs[p - 1]), mask);
                b.add(Hashing.mix(t(12), b.hs[p + 1]), mask);
                b.add(Hashing.mix(t(13), b.hs[p - 1], s0), mask);
                b.add(Hashing.mix(t(14), s0, b.hs[p + 1]), mask);
                b.add(Hashing.mix(t(15), b.hs[p - 1], s0, b.hs[p + 1]), mask);
                b.add(Hashing.mix(t(16), b.hss[p - 2]), mask);
                b.add(Hashing.mix(t(17), b.hss[p + 2]), mask);
                int len = tok.length();
                for (int k = 1; k <= 4 && k <= len; k++) {
                    b.add(Hashing.mix(t(17 + k), Hashing.chars(tok, 0, k)), mask);
                    b.add(Hashing.mix(t(21 + k), Hashing.lower(tok, len - k, len)), mask);
                }
                b.add(Hashing.mix(t(26), ini, s0), mask);
                if (initial) {
                    b.add(Hashing.mix(t(27), b.hl[p]), mask);
                }
                b.add(Hashing.mix(t(28), Math.min(len, 12)), mask);
                b.add(Hashing.mix(t(29), b.c0[p]), mask);
                b.add(Hashing.mix(t(30), b.c1[p]), mask);
                b.add(Hashing.mix(t(31), b.c2[p]), mask);
                b.add(Hashing.mix(t(32), b.c0[p - 1]), mask);
                b.add(Hashing.mix(t(33), b.c0[p + 1]), mask);
                b.add(Hashing.mix(t(34), b.c1[p - 1]), mask);
                b.add(Hashing.mix(t(35), b.c1[p + 1]), mask);
                b.add(Hashing.mix(t(36), b.c2[p - 2]), mask);
                b.add(Hashing.mix(t(37), b.c2[p + 2]), mask);
                b.add(Hashing.mix(t(38), b.c1[p], s0), mask);
                b.add(Hashing.mix(t(52), b.c1[p], b.c1[p + 1]), mask);
            } else {
                int r = i * ROLES;
                if (b.form[p] >= 0 && kindH == 0) {
                    b.roles[r] = (b.form[p] * ROLES) * labels;
                } else {
                    b.roles[r] = -1;
                    addOwn(tok, b.hw[p], b.hl[p], s0, b.c0[p], b.c1[p], b.c2[p], b.title[p], b.profile[p], b, mask);
                    b.add(Hashing.mix(t(47), kindH, b.hl[p]), mask);
                    b.add(Hashing.mix(t(48), kindH, s0), mask);
                }
                if (b.form[p - 1] >= 0) {
                    b.roles[r + 1] = (b.form[p - 1] * ROLES + 1) * labels;
                } else {
                    b.roles[r + 1] = -1;
                    addLeft(b.hl[p - 1], b.hs[p - 1], b.c0[p - 1], b.c1[p - 1], b, mask);
                }
                if (b.form[p + 1] >= 0) {
                    b.roles[r + 2] = (b.form[p + 1] * ROLES + 2) * labels;
                } else {
                    b.roles[r + 2] = -1;
                    addRight(b.hl[p + 1], b.hs[p + 1], b.c0[p + 1], b.c1[p + 1], b, mask);
                }
                if (b.form[p - 2] >= 0) {
                    b.roles[r + 3] = (b.form[p - 2] * ROLES + 3) * labels;
                } else {
                    b.roles[r + 3] = -1;
                    addLeft2(b.hl[p - 2], b.hss[p - 2], b.c2[p - 2], b, mask);
                }
                if (b.form[p + 2] >= 0) {
                    b.roles[r + 4] = (b.form[p + 2] * ROLES + 4) * labels;
                } else {
                    b.roles[r + 4] = -1;
                    addRight2(b.hl[p + 2], b.hss[p + 2], b.c2[p + 2], b, mask);
                }
                b.add(Hashing.mix(t(8), b.hl[p - 1], b.hl[p]), mask);
                b.add(Hashing.mix(t(9), b.hl[p], b.hl[p + 1]), mask);
                b.add(Hashing.mix(t(13), b.hs[p - 1], s0), mask);
                b.add(Hashing.mix(t(14), s0, b.hs[p + 1]), mask);
                b.add(Hashing.mix(t(15), b.hs[p - 1], s0, b.hs[p + 1]), mask);
                b.add(Hashing.mix(t(26), ini, s0), mask);
                if (initial) {
                    b.add(Hashing.mix(t(27), b.hl[p]), mask);
                }
                b.add(Hashing.mix(t(52), b.c1[p], b.c1[p + 1]), mask);
            }
            b.add(Hashing.mix(t(53), b.c1[p - 1], b.c1[p]), mask);
            int g = b.gaz[i];
            int gPrev = i > 0 ? b.gaz[i - 1] : 0;
            int gNext = i + 1 < n ? b.gaz[i + 1] : 0;
            for (int bit = 0; bit < Gazetteer.TYPES * Gazetteer.BITS_PER_TYPE; bit++) {
                if ((g & (1 << bit)) != 0) {
                    b.add(Hashing.mix(t(39), bit), mask);
                }
                if ((gPrev & (1 << bit)) != 0) {
                    b.add(Hashing.mix(t(40), bit), mask);
                }
                if ((gNext & (1 << bit)) != 0) {
                    b.add(Hashing.mix(t(41), bit), mask);
                }
            }
            b.add(Hashing.mix(t(42), g, s0), mask);
            int fg = b.found[i];
            if (fg != 0) {
                for (int bit = 0; bit < Gazetteer.TYPES * Gazetteer.BITS_PER_TYPE; bit++) {
                    if ((fg & (1 << bit)) != 0) {
                        b.add(Hashing.mix(t(70), bit), mask);
                    }
                }
                b.add(Hashing.mix(t(71), fg, s0), mask);
            }
            if (i > 0 && b.found[i - 1] != 0) {
                b.add(Hashing.mix(t(72), b.found[i - 1]), mask);
            }
            if (i + 1 < n && b.found[i + 1] != 0) {
                b.add(Hashing.mix(t(73), b.found[i + 1]), mask);
            }
            int profile = b.profile[p];
            b.add(Hashing.mix(t(43), profile, ini), mask);
            if (sums == null) {
                b.add(Hashing.mix(t(44), profile, s0), mask);
            }
            int dcv = doc.docCase.get(b.hl[p], 0);
            if (countsForCase(w, i, kind)) {
                dcv -= caseUnit(tok); // evidence from the other occurrences only
            }
            int dc = caseBits(dcv);
            b.add(Hashing.mix(t(45), dc, ini), mask);
            b.add(Hashing.mix(t(46), dc, s0, kindH), mask);
            if (sums == null) {
                b.add(Hashing.mix(t(47), kindH, b.hl[p]), mask);
                b.add(Hashing.mix(t(48), kindH, s0), mask);
            }
            b.add(Hashing.mix(t(50), b.hl[p - 1], s0), mask);
            b.add(Hashing.mix(t(51), s0, b.hl[p + 1]), mask);
            b.add(Hashing.mix(t(54), b.hl[p - 2], b.hl[p - 1]), mask);
            b.add(Hashing.mix(t(55), b.hl[p + 1], b.hl[p + 2]), mask);
            if (sums == null) {
                b.add(Hashing.mix(t(56), b.title[p], s0), mask);
            }
            b.add(Hashing.mix(t(57), b.title[p - 1], s0), mask);
            b.add(Hashing.mix(t(58), b.title[p - 2], b.title[p - 1]), mask);
        }
        b.offsets[n] = b.size;
    }

    /**
     * Features of a token that depend on its own form only; {@code title} is {@link #isTitle} as 0 or 1.
     */
    private static void addOwn(String tok, long hw, long hl, long s0, long c0, long c1, long c2, int title,
                               int profile, Buffer b, int mask) {
        b.add(t(1), mask);
        b.add(Hashing.mix(t(2), hw), mask);
        b.add(Hashing.mix(t(3), hl), mask);
        b.add(Hashing.mix(t(10), s0), mask);
        int len = tok.length();
        for (int k = 1; k <= 4 && k <= len; k++) {
            b.add(Hashing.mix(t(17 + k), Hashing.chars(tok, 0, k)), mask);
            b.add(Hashing.mix(t(21 + k), Hashing.lower(tok, len - k, len)), mask);
        }
        b.add(Hashing.mix(t(28), Math.min(len, 12)), mask);
        b.add(Hashing.mix(t(29), c0), mask);
        b.add(Hashing.mix(t(30), c1), mask);
        b.add(Hashing.mix(t(31), c2), mask);
        b.add(Hashing.mix(t(38), c1, s0), mask);
        b.add(Hashing.mix(t(44), profile, s0), mask);
        b.add(Hashing.mix(t(56), title, s0), mask);
    }

    /** Features of a token that depend on the form of the token before it only. */
    private static void addLeft(long hl, long hs, long c0, long c1, Buffer b, int mask) {
        b.add(Hashing.mix(t(4), hl), mask);
        b.add(Hashing.mix(t(11), hs), mask);
        b.add(Hashing.mix(t(32), c0), mask);
        b.add(Hashing.mix(t(34), c1), mask);
    }

    /** Features of a token that depend on the form of the token after it only. */
    private static void addRight(long hl, long hs, long c0, long c1, Buffer b, int mask) {
        b.add(Hashing.mix(t(5), hl), mask);
        b.add(Hashing.mix(t(12), hs), mask);
        b.add(Hashing.mix(t(33), c0), mask);
        b.add(Hashing.mix(t(35), c1), mask);
    }

    /** Features of a token that depend on the form two tokens before it only. */
    private static void addLeft2(long hl, long hss, long c2, Buffer b, int mask) {
        b.add(Hashing.mix(t(6), hl), mask);
        b.add(Hashing.mix(t(16), hss), mask);
        b.add(Hashing.mix(t(36), c2), mask);
    }

    /** Features of a token that depend on the form two tokens after it only. */
    private static void addRight2(long hl, long hss, long c2, Buffer b, int mask) {
        b.add(Hashing.mix(t(7), hl), mask);
        b.add(Hashing.mix(t(17), hss), mask);
        b.add(Hashing.mix(t(37), c2), mask);
    }

    /**
     * For each of the {@link #SUMMED_FORMS} most frequent clustered word forms, the summed quantised weights of its single-form features in each of the
     * {@link #ROLES} roles (the token itself in a sentence not in capitals, the token before, after, two before,
     * two after), as
     * {@code [(form * ROLES + role) * labels + label]}; null without word clusters. Exact: the sums are
     * integers, so a tagger that adds them gets the same scores as one that adds the features one by one.
     */
    int[] formSums(WeightRows w) {
        if (clusters == null) {
            return null;
        }
        int forms = Math.min(clusters.size(), SUMMED_FORMS);
        int mask = (1 << bits) - 1;
        if ((long) forms * ROLES * labels > Integer.MAX_VALUE || w.labels() != labels || w.bits() != bits) {
            return null;
        }
        int[] sums = new int[forms * ROLES * labels];
        Buffer b = new Buffer();
        b.feats = new int[64];
        for (int f = 0; f < forms; f++) {
            String tok = clusters.form(f);
            if (tok.isEmpty()) {
                continue;
            }
            long hl = Hashing.lower(tok);
            long hs = shape(tok, true, 12);
            long hss = shape(tok, true, 4);
            long c0 = clusters.clusterOf(f, 0);
            long c1 = clusters.clusterOf(f, 1);
            long c2 = clusters.clusterOf(f, 2);
            for (int role = 0; role < ROLES; role++) {
                b.size = 0;
                switch (role) {
                    case 0 -> {
                        addOwn(tok, Hashing.chars(tok), hl, hs, c0, c1, c2, isTitle(tok) ? 1 : 0, profiles[f], b, mask);
                        b.add(Hashing.mix(t(47), 0L, hl), mask); // a sentence not in capitals
                        b.add(Hashing.mix(t(48), 0L, hs), mask);
                    }
                    case 1 -> addLeft(hl, hs, c0, c1, b, mask);
                    case 2 -> addRight(hl, hs, c0, c1, b, mask);
                    case 3 -> addLeft2(hl, hss, c2, b, mask);
                    default -> addRight2(hl, hss, c2, b, mask);
                }
                int o = (f * ROLES + role) * labels;
                short[] values = w.values();
                for (int k = 0; k < b.size; k++) {
                    int row = w.offset(b.feats[k]);
                    if (row < 0) {
                        continue;
                    }
                    for (int l = 0; l < labels; l++) {
                        sums[o + l] += values[row + l];
                    }
                }
            }
        }
        return sums;
    }

    private static final java.util.Set<String> TITLES = java.util.Set.of(
            "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "president",
            "vice-president", "chairman", "chairwoman", "chair", "ceo", "cfo", "coo", "cto", "founder",
            "co-founder", "minister", "premier", "chancellor", "secretary", "senator", "sen", "rep", "gov",
            "governor", "mayor", "judge", "justice", "general", "gen", "col", "colonel", "captain", "capt", "lt",
            "sgt", "king", "queen", "prince", "princess", "pope", "rev", "reverend", "sheikh", "spokesman",
            "spokeswoman", "spokesperson", "director", "executive", "head", "boss", "coach", "manager", "striker",
            "analyst", "economist", "commissioner", "ambassador", "envoy", "leader", "chief", "presenter",
            "actor", "actress", "singer", "writer", "author", "scientist", "researcher", "st", "saint");

    private static final java.util.Set<String> HONORIFICS = java.util.Set.of(
            "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "rev", "sen", "gov", "gen",
            "col", "capt", "lt", "sgt", "mme", "mlle", "herr", "frau", "messrs");

    /** True for a courtesy title that CoNLL-2003 leaves outside person names ("Mr", "Dr."). */
    static boolean isHonorific(String w) {
        int n = w.length();
        if (n < 2 || n > 6 || !Character.isUpperCase(w.charAt(0))) {
            return false;
        }
        String lower = w.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".")) {
            lower = lower.substring(0, n - 1);
        }
        return HONORIFICS.contains(lower);
    }

    private static final LongIntMap TITLE_HASHES = new LongIntMap(TITLES.size());

    static {
        for (String t : TITLES) {
            TITLE_HASHES.put(Hashing.chars(t), 1);
        }
    }

    static boolean isTitle(String w) {
        int n = w.length();
        if (n < 2 || n > 16 || !Character.isLetter(w.charAt(0))) {
            return false;
        }
        int end = w.charAt(n - 1) == '.' ? n - 1 : n;
        return TITLE_HASHES.get(Hashing.lower(w, 0, end), 0) != 0;
    }

    private static boolean isQuote(String w) {
        return w.equals("\"") || w.equals("'") || w.equals("(");
    }

    private static void setBoundary(Buffer b, int p, long h) {
        b.hw[p] = h;
        b.title[p] = 0;
        b.hl[p] = h;
        b.hs[p] = h;
        b.hss[p] = h;
        b.c0[p] = h;
        b.c1[p] = h;
        b.c2[p] = h;
    }

    /**
     * Extracts the document features of sentence {@code s} into {@code b}: what the first pass said
     * about this token and about the same word elsewhere in the document. Needs {@link #countStage1}.
     */
    void extractDocument(Doc doc, int s, Buffer b) {
        String[] w = doc.norm[s];
        int n = w.length;
        b.ensure(n);
        b.n = n;
        b.size = 0;
        b.sums = null;
        int mask = (1 << bits) - 1;
        for (int i = 0; i < n; i++) {
            b.offsets[i] = b.size;
            addStage2(doc, s, i, Hashing.lower(w[i]), shape(w[i], true, 12), b, mask);
        }
        b.offsets[n] = b.size;
    }

    /** Counts the first pass's labels per lower-case word over the document. */
    void countStage1(Doc doc) {
        LongIntMap ids = null;
        int next = 0;
        int total = 0;
        for (String[] t : doc.norm) {
            total += t.length;
        }
        ids = new LongIntMap(Math.max(8, total));
        int[] counts = new int[Math.max(1, total) * labels];
        for (int s = 0; s < doc.norm.length; s++) {
            String[] t = doc.norm[s];
            for (int i = 0; i < t.length; i++) {
                long lk = Hashing.lower(t[i]);
                int id = ids.get(lk, -1);
                if (id < 0) {
                    id = next++;
                    ids.put(lk, id);
                }
                counts[id * labels + doc.stage1[s][i]]++;
            }
        }
        doc.wordIds = ids;
        doc.labelCounts = counts;
    }

    private void addStage2(Doc doc, int s, int i, long hl, long s0, Buffer b, int mask) {
        int own = doc.stage1[s][i];
        b.add(Hashing.mix(t(60), own), mask);
        b.add(Hashing.mix(t(61), own, s0), mask);
        int prev = i > 0 ? doc.stage1[s][i - 1] : -1;
        int next = i + 1 < doc.stage1[s].length ? doc.stage1[s][i + 1] : -1;
        b.add(Hashing.mix(t(62), prev, own, next), mask);
        int id = doc.wordIds.get(hl, -1);
        int base = id * labels;
        int others = 0;
        int[] typeCount = b.typeCount;
        Arrays.fill(typeCount, 0);
        int bestLabel = -1;
        int bestLabelCount = 0;
        for (int l = 0; l < labels; l++) {
            int c = doc.labelCounts[base + l] - (l == own ? 1 : 0);
            others += c;
            if (l > 0) {
                typeCount[(l - 1) / 2] += c;
                if (c > bestLabelCount) {
                    bestLabelCount = c;
                    bestLabel = l;
                }
            }
        }
        if (others == 0) {
            b.add(t(63), mask);
            return;
        }
        int entity = 0;
        int bestType = -1;
        for (int ty = 0; ty < Gazetteer.TYPES; ty++) {
            entity += typeCount[ty];
            if (typeCount[ty] > 0 && (bestType < 0 || typeCount[ty] > typeCount[bestType])) {
                bestType = ty;
            }
        }
        if (entity == 0) {
            b.add(Hashing.mix(t(64), s0), mask);
            return;
        }
        long share = entity * 2 >= others ? (entity == others ? 2 : 1) : 0;
        b.add(Hashing.mix(t(65), bestType, share), mask);
        b.add(Hashing.mix(t(66), bestType, s0), mask);
        b.add(Hashing.mix(t(67), bestLabel), mask);
        b.add(Hashing.mix(t(68), bestType, own), mask);
    }
}
