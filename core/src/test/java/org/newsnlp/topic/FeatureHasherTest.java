package org.newsnlp.topic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeatureHasherTest {

    private static int total(FeatureHasher.Counts c) {
        int t = 0;
        for (int v : c.counts()) {
            t += v;
        }
        return t;
    }

    @Test
    void countsUnigramsAndBigramsOfWordCharacters() {
        TopicFeatureConfig bigrams = TopicFeatureConfig.DEFAULT.withMaxWordNgram(2);
        FeatureHasher h = new FeatureHasher(bigrams.withCasedWords(false));
        // 4 words -> 4 unigrams + 3 bigrams
        assertEquals(7, total(h.count("", "Shares rose, sharply: today!")));
        // and the capitalised word once more as written
        assertEquals(8, total(new FeatureHasher(bigrams).count("", "Shares rose, sharply: today!")));
        assertEquals(4, total(new FeatureHasher(TopicFeatureConfig.DEFAULT.withMaxWordNgram(1)).count("", "a b c d")));
    }

    @Test
    void titleAndBodyDoNotFormABigram() {
        FeatureHasher h = new FeatureHasher(TopicFeatureConfig.DEFAULT.withMaxWordNgram(2));
        assertEquals(2 + 2, total(h.count("alpha", "beta gamma")));
        assertEquals(3 + 2, total(h.count("", "alpha beta gamma")));
    }

    @Test
    void foldsCaseIndependentlyOfTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            TopicFeatureConfig folded = TopicFeatureConfig.DEFAULT.withCasedWords(false);
            FeatureHasher.Counts upper = new FeatureHasher(folded).count("", "INDIA ISTANBUL");
            FeatureHasher.Counts casedTurkish = new FeatureHasher(TopicFeatureConfig.DEFAULT).count("", "INDIA ISTANBUL");
            Locale.setDefault(Locale.ROOT);
            FeatureHasher.Counts lower = new FeatureHasher(folded).count("", "india istanbul");
            FeatureHasher.Counts casedRoot = new FeatureHasher(TopicFeatureConfig.DEFAULT).count("", "INDIA ISTANBUL");
            assertArrayEquals(lower.buckets(), upper.buckets());
            assertArrayEquals(casedRoot.buckets(), casedTurkish.buckets());
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void bucketsAreSortedDistinctAndInRange() {
        TopicFeatureConfig f = TopicFeatureConfig.DEFAULT.withHashBits(12).withCharNgrams(3, 5);
        FeatureHasher.Counts c = new FeatureHasher(f).count("Title here", "some text with some repeated text, text");
        for (int i = 0; i < c.size(); i++) {
            int b = c.buckets()[i];
            assertEquals(true, b >= 0 && b < 1 << 12);
            if (i > 0) {
                assertEquals(true, b > c.buckets()[i - 1]);
            }
        }
        assertNotEquals(0, c.size());
    }

    @Test
    void characterNgramsArePaddedWords() {
        TopicFeatureConfig f = TopicFeatureConfig.DEFAULT.withMaxWordNgram(1).withCharNgrams(3, 3);
        // " ab " has 2 trigrams, plus the word itself
        assertEquals(3, total(new FeatureHasher(f).count("", "ab")));
    }

    @Test
    void shortWordsAreSkipped() {
        TopicFeatureConfig f = TopicFeatureConfig.DEFAULT.withMaxWordNgram(1).withMinTokenLength(3);
        assertEquals(1, total(new FeatureHasher(f).count("", "a an the")));
    }

    @Test
    void capitalisedWordsAlsoCountAsWritten() {
        TopicFeatureConfig f = TopicFeatureConfig.DEFAULT.withMaxWordNgram(1);
        FeatureHasher h = new FeatureHasher(f);
        FeatureHasher.Counts name = h.count("", "Brown");
        FeatureHasher.Counts word = h.count("", "brown");
        assertEquals(2, name.size());
        assertEquals(1, word.size());
        assertTrue(Arrays.binarySearch(name.buckets(), word.buckets()[0]) >= 0, "shares the lower-cased feature");
        assertArrayEquals(word.buckets(), new FeatureHasher(f.withCasedWords(false)).count("", "Brown").buckets());
        // not in the title, which is often in title case
        assertArrayEquals(word.buckets(), h.count("Brown", "").buckets());
        // as written: BROWN and Brown differ
        assertNotEquals(Arrays.toString(name.buckets()), Arrays.toString(h.count("", "BROWN").buckets()));
    }

    @ParameterizedTest
    @CsvSource({"companies,company", "shares,share", "sales,sale", "ties,tie", "boss,boss", "virus,virus",
            "crisis,crisis", "its,its", "us,us", "analyst,analyst"})
    void pluralEndingsAreRemoved(String word, String stem) {
        char[] w = word.toCharArray();
        assertEquals(stem, new String(w, 0, FeatureHasher.stemPlural(w, w.length)));
    }

    @Test
    void stemmedPluralsShareTheSingularsFeature() {
        FeatureHasher h = new FeatureHasher(TopicFeatureConfig.DEFAULT.withMaxWordNgram(1));
        assertArrayEquals(h.count("", "company").buckets(), h.count("", "companies").buckets());
        FeatureHasher plain = new FeatureHasher(TopicFeatureConfig.DEFAULT.withMaxWordNgram(1).withStemPlurals(false));
        assertNotEquals(plain.count("", "company").buckets()[0], plain.count("", "companies").buckets()[0]);
    }

    @Test
    void rejectsInvalidConfigurations() {
        assertThrows(IllegalArgumentException.class, () -> TopicFeatureConfig.DEFAULT.withHashBits(30));
        assertThrows(IllegalArgumentException.class, () -> TopicFeatureConfig.DEFAULT.withCharNgrams(0, 3));
        assertThrows(IllegalArgumentException.class, () -> TopicFeatureConfig.DEFAULT.withCharNgrams(5, 3));
        assertThrows(IllegalArgumentException.class, () -> TopicFeatureConfig.DEFAULT.withMaxWordNgram(0));
    }
}
