package org.newsnlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsnlp.text.Language;

class NewsAnalyzerTest {

    @Test
    void shortTextIsItsOwnLanguageSample() {
        String text = "A short article about the markets.";
        assertSame(text, NewsAnalyzer.languageSample(text));
    }

    @Test
    void languageSampleEndsAfterAWord() {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 5000) {
            sb.append("Shareholders approved the merger ");
        }
        String text = sb.toString();
        CharSequence sample = NewsAnalyzer.languageSample(text);
        assertTrue(sample.length() >= NewsAnalyzer.LANGUAGE_SAMPLE_CHARS, "sample length " + sample.length());
        assertTrue(sample.length() <= NewsAnalyzer.LANGUAGE_SAMPLE_CHARS + 100, "sample length " + sample.length());
        assertTrue(text.startsWith(sample.toString()));
        assertTrue(Character.isWhitespace(text.charAt(sample.length())), "cut inside a word: " + sample);
    }

    @Test
    void languageSampleOfOneLongWordIsBounded() {
        String text = "x".repeat(3000);
        assertEquals(NewsAnalyzer.LANGUAGE_SAMPLE_CHARS + 100, NewsAnalyzer.languageSample(text).length());
    }

    @Test
    void missingDefaultModelsAreAllReportedByName() {
        // core alone has no newsnlp-models artifact, so the NER and topic models are missing
        NewsNlpException e = assertThrows(NewsNlpException.class,
                () -> NewsAnalyzer.builder().languageIdentifier(t -> Language.UNDETERMINED).build());
        List<String> messages = new ArrayList<>();
        messages.add(e.getMessage());
        for (Throwable s : e.getSuppressed()) {
            messages.add(s.getMessage());
        }
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("default named-entity model: ")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("default topic model: ")), messages.toString());
    }
}
