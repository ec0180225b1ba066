package org.newsnlp.topic;

/**
 * How a {@link TopicModel} turns a document into features: hashed word n-grams and optional character
 * n-grams, weighted by (sublinear) TF-IDF and L2-normalised.
 *
 * <p>Words are maximal runs of letters, digits and {@code _}, lower-cased with {@link java.util.Locale#ROOT}
 * rules; words shorter than {@code minTokenLength} are skipped. With {@code stemPlurals}, an English plural
 * ending is removed from words of four letters or more before hashing ({@code companies -> company},
 * {@code shares -> share}; words ending in {@code ss}, {@code us} or {@code is} are kept). With
 * {@code casedWords}, a word of the body written with a capital first letter is also counted as written,
 * unstemmed, as a feature of its own, so that names ({@code Brown}, {@code Apple}) are told apart from common
 * words while still sharing the lower-cased feature (not in the title, which is often in title case). Character n-grams are taken inside each word padded with one
 * space on both sides.
 *
 * <pre>{@code
 * TopicFeatureConfig f = TopicFeatureConfig.DEFAULT.withCharNgrams(3, 5);
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * @param hashBits       log2 of the number of hash buckets, 10..24
 * @param maxWordNgram   1 for unigrams, 2 for unigrams and bigrams, up to 3
 * @param minCharNgram   smallest character n-gram, or 0 for none
 * @param maxCharNgram   largest character n-gram, or 0 for none
 * @param minTokenLength shortest word kept, 1..10
 * @param sublinearTf    weight term frequency as {@code 1 + ln(tf)} instead of {@code tf}
 * @param minDocFreq     buckets seen in fewer training documents are dropped
 * @param casedWords     also count each capitalised word of the body as written
 * @param stemPlurals    remove English plural endings before hashing words
 */
public record TopicFeatureConfig(int hashBits, int maxWordNgram, int minCharNgram, int maxCharNgram,
                                 int minTokenLength, boolean sublinearTf, int minDocFreq, boolean casedWords,
                                 boolean stemPlurals) {

    /**
     * Word unigrams, 2^20 buckets, sublinear TF-IDF, words of any length, capitalised words also as written,
     * plural endings removed.
     */
    public static final TopicFeatureConfig DEFAULT = new TopicFeatureConfig(20, 1, 0, 0, 1, true, 1, true, true);

    public TopicFeatureConfig {
        if (hashBits < 10 || hashBits > 24) {
            throw new IllegalArgumentException("hashBits must be in 10..24, got " + hashBits);
        }
        if (maxWordNgram < 1 || maxWordNgram > 3) {
            throw new IllegalArgumentException("maxWordNgram must be in 1..3, got " + maxWordNgram);
        }
        if (minCharNgram == 0 ^ maxCharNgram == 0) {
            throw new IllegalArgumentException("minCharNgram and maxCharNgram must both be 0 or both positive, got "
                    + minCharNgram + ".." + maxCharNgram);
        }
        if (minCharNgram < 0 || maxCharNgram > 8 || minCharNgram > maxCharNgram) {
            throw new IllegalArgumentException("character n-gram range must be within 1..8, got "
                    + minCharNgram + ".." + maxCharNgram);
        }
        if (minTokenLength < 1 || minTokenLength > 10) {
            throw new IllegalArgumentException("minTokenLength must be in 1..10, got " + minTokenLength);
        }
        if (minDocFreq < 1) {
            throw new IllegalArgumentException("minDocFreq must be at least 1, got " + minDocFreq);
        }
    }

    /** A copy with another number of hash buckets (2^bits). */
    public TopicFeatureConfig withHashBits(int bits) {
        return new TopicFeatureConfig(bits, maxWordNgram, minCharNgram, maxCharNgram, minTokenLength, sublinearTf,
                minDocFreq, casedWords, stemPlurals);
    }

    /** A copy with word n-grams up to {@code n}. */
    public TopicFeatureConfig withMaxWordNgram(int n) {
        return new TopicFeatureConfig(hashBits, n, minCharNgram, maxCharNgram, minTokenLength, sublinearTf,
                minDocFreq, casedWords, stemPlurals);
    }

    /** A copy with character n-grams of {@code min..max} characters, or none for {@code 0, 0}. */
    public TopicFeatureConfig withCharNgrams(int min, int max) {
        return new TopicFeatureConfig(hashBits, maxWordNgram, min, max, minTokenLength, sublinearTf, minDocFreq,
                casedWords, stemPlurals);
    }

    /** A copy with another shortest word length. */
    public TopicFeatureConfig withMinTokenLength(int n) {
        return new TopicFeatureConfig(hashBits, maxWordNgram, minCharNgram, maxCharNgram, n, sublinearTf,
                minDocFreq, casedWords, stemPlurals);
    }

    /** A copy with sublinear TF on or off. */
    public TopicFeatureConfig withSublinearTf(boolean on) {
        return new TopicFeatureConfig(hashBits, maxWordNgram, minCharNgram, maxCharNgram, minTokenLength, on,
                minDocFreq, casedWords, stemPlurals);
    }

    /** A copy with another minimum document frequency. */
    public TopicFeatureConfig withMinDocFreq(int n) {
        return new TopicFeatureConfig(hashBits, maxWordNgram, minCharNgram, maxCharNgram, minTokenLength, sublinearTf,
                n, casedWords, stemPlurals);
    }

    /** A copy with capitalised words also counted as written, or not. */
    public TopicFeatureConfig withCasedWords(boolean on) {
        return new TopicFeatureConfig(hashBits, maxWordNgram, minCharNgram, maxCharNgram, minTokenLength, sublinearTf,
                minDocFreq, on, stemPlurals);
    }

    /** A copy with English plural endings removed before hashing, or not. */
    public TopicFeatureConfig withStemPlurals(boolean on) {
        return new TopicFeatureConfig(hashBits, maxWordNgram, minCharNgram, maxCharNgram, minTokenLength, sublinearTf,
                minDocFreq, casedWords, on);
    }

    /** True when character n-grams are on. */
    public boolean charNgrams() {
        return maxCharNgram > 0;
    }
}
