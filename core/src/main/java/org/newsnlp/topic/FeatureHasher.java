package org.newsnlp.topic;

import java.util.Arrays;

/**
 * Turns text into sorted hash buckets with raw counts, without building strings for tokens.
 *
 * <p>Immutable and safe to share between threads; every call works on its own buffers.
 */
final class FeatureHasher {

    /** A document's distinct buckets, ascending, with their counts. */
    record Counts(int[] buckets, int[] counts) {
        int size() {
            return buckets.length;
        }
    }

    private static final int WORD_SEED = 0x2f1b7a3d;
    private static final int BIGRAM_SEED = 0x5bd1e995;
    private static final int TRIGRAM_SEED = 0x1b873593;
    private static final int CHAR_SEED = 0x68e31da4;
    private static final int CASED_SEED = 0x3c6ef372;

    private final TopicFeatureConfig config;
    private final int mask;

    FeatureHasher(TopicFeatureConfig config) {
        this.config = config;
        this.mask = (1 << config.hashBits()) - 1;
    }

    TopicFeatureConfig config() {
        return config;
    }

    /**
     * Counts the features of a title and a body; the title's last word and the body's first do not pair, and
     * only the body's capitalised words also count as written.
     */
    Counts count(CharSequence title, CharSequence text) {
        State s = new State(Math.max(64, (title.length() + text.length()) / 2));
        // titles are often in title case, where a capital letter says nothing about the word
        scan(title, s, false);
        s.prev1 = 0;
        s.prev2 = 0;
        s.words = 0;
        scan(text, s, true);
        return s.finish();
    }

    private final class State {
        int[] out;
        int n;
        int prev1;
        int prev2;
        int words;
        char[] word = new char[64];

        State(int capacity) {
            out = new int[capacity];
        }

        void add(int hash) {
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = hash & mask;
        }

        Counts finish() {
            if (n == 0) {
                return new Counts(new int[0], new int[0]);
            }
            Arrays.sort(out, 0, n);
            int distinct = 1;
            for (int i = 1; i < n; i++) {
                if (out[i] != out[i - 1]) {
                    distinct++;
                }
            }
            int[] b = new int[distinct];
            int[] c = new int[distinct];
            int k = 0;
            b[0] = out[0];
            c[0] = 1;
            for (int i = 1; i < n; i++) {
                if (out[i] == out[i - 1]) {
                    c[k]++;
                } else {
                    k++;
                    b[k] = out[i];
                    c[k] = 1;
                }
            }
            return new Counts(b, c);
        }
    }

    private void scan(CharSequence t, State s, boolean asWritten) {
        int len = t.length();
        int i = 0;
        while (i < len) {
            char c = t.charAt(i);
            if (!isWordChar(c)) {
                i++;
                continue;
            }
            int start = i;
            int wl = 0;
            int h = WORD_SEED;
            int cased = CASED_SEED;
            boolean capital = Character.isUpperCase(c);
            while (i < len && isWordChar(c = t.charAt(i))) {
                char lc = Character.toLowerCase(c);
                if (wl == s.word.length) {
                    s.word = Arrays.copyOf(s.word, wl * 2);
                }
                s.word[wl++] = lc;
                h = (h ^ lc) * 0x01000193;
                cased = (cased ^ c) * 0x01000193;
                i++;
            }
            if (i - start < config.minTokenLength()) {
                continue;
            }
            if (config.stemPlurals()) {
                int stemmed = stemPlural(s.word, wl);
                if (stemmed != wl) {
                    wl = stemmed;
                    h = WORD_SEED;
                    for (int p = 0; p < wl; p++) {
                        h = (h ^ s.word[p]) * 0x01000193;
                    }
                }
            }
            h = mix(h ^ wl);
            s.add(h);
            if (capital && asWritten && config.casedWords()) {
                s.add(mix(cased ^ (i - start)));
            }
            if (config.maxWordNgram() >= 2 && s.words >= 1) {
                s.add(mix(s.prev1 * 31 + h + BIGRAM_SEED));
                if (config.maxWordNgram() >= 3 && s.words >= 2) {
                    s.add(mix((s.prev2 * 31 + s.prev1) * 31 + h + TRIGRAM_SEED));
                }
            }
            s.prev2 = s.prev1;
            s.prev1 = h;
            s.words++;
            if (config.charNgrams()) {
                charNgrams(s, wl);
            }
        }
    }

    private void charNgrams(State s, int wl) {
        // the word padded with a space on both sides: positions -1 and wl are the padding
        int padded = wl + 2;
        for (int n = config.minCharNgram(); n <= config.maxCharNgram(); n++) {
            if (n > padded) {
                break;
            }
            for (int st = 0; st + n <= padded; st++) {
                int h = CHAR_SEED + n;
                for (int p = st; p < st + n; p++) {
                    int ch = (p == 0 || p == padded - 1) ? ' ' : s.word[p - 1];
                    h = (h ^ ch) * 0x01000193;
                }
                s.add(mix(h));
            }
        }
    }

    /**
     * The length of a lower-cased word without its English plural ending, rewriting {@code ies} to {@code y}
     * in place: {@code companies -> company}, {@code shares -> share}; words shorter than four letters and
     * words ending in {@code ss}, {@code us} or {@code is} keep their length.
     */
    static int stemPlural(char[] w, int len) {
        if (len < 4 || w[len - 1] != 's') {
            return len;
        }
        char before = w[len - 2];
        if (before == 'e' && w[len - 3] == 'i' && len > 4) {
            w[len - 3] = 'y';
            return len - 2;
        }
        if (before == 's' || before == 'u' || before == 'i') {
            return len;
        }
        return len - 1;
    }

    static boolean isWordChar(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        }
        return Character.isLetterOrDigit(c);
    }

    /** Murmur3's finaliser: spreads the bits so that masking keeps a good hash. */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
