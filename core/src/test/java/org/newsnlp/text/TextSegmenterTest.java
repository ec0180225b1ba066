package org.newsnlp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TextSegmenterTest {

    private static TextSegmenter segmenter;

    @BeforeAll
    static void load() {
        segmenter = TextSegmenter.english();
    }

    static void assertOffsetsExact(TokenizedText t) {
        int prevEnd = 0;
        for (Token tok : t.tokens()) {
            assertEquals(tok.text(), t.text().substring(tok.start(), tok.end()));
            assertTrue(tok.start() >= prevEnd, "tokens overlap or go backwards at " + tok);
            prevEnd = tok.end();
        }
        int next = 0;
        for (Sentence s : t.sentences()) {
            assertEquals(next, s.firstToken(), "sentences must cover tokens in order");
            for (Token tok : t.tokensOf(s)) {
                assertTrue(s.start() <= tok.start() && tok.end() <= s.end(), tok + " outside " + s);
            }
            next = s.endToken();
        }
        assertEquals(t.tokens().size(), next);
    }

    @Test
    void lineBreaksAlwaysEndSentences() {
        TokenizedText t = segmenter.segment("China catching up with US in algorithms\n\nShum said so on Friday. He left.");
        assertEquals(3, t.sentences().size());
        assertEquals("China catching up with US in algorithms",
                t.sentences().get(0).span().coveredText(t.text()));
        assertOffsetsExact(t);
    }

    @Test
    void splitsPunctuationAndKeepsOffsets() {
        String text = "Shum – the Microsoft head of AI and research until 2020 – suggested it, he said.";
        TokenizedText t = segmenter.segment(text);
        List<String> words = t.tokens().stream().map(Token::text).toList();
        assertTrue(words.contains("Microsoft"), words.toString());
        assertTrue(words.contains("2020"), words.toString());
        assertEquals(".", words.get(words.size() - 1));
        assertOffsetsExact(t);
    }

    @Test
    void defaultSegmenterSplitsPossessivesAsNewsTokensDo() {
        TokenizedText t = TextSegmenter.fast().segment("Shum – Microsoft's head of AI until 2020 – said so.");
        List<String> words = t.tokens().stream().map(Token::text).toList();
        assertEquals(List.of("Shum", "–", "Microsoft", "'s", "head", "of", "AI", "until", "2020", "–", "said", "so", "."),
                words);
        assertOffsetsExact(t);
    }

    @Test
    void oddInputGivesEmptyOrValidLayers() {
        assertEquals(0, segmenter.segment("").tokens().size());
        assertEquals(0, segmenter.segment("\n\n   \n").sentences().size());
        assertOffsetsExact(segmenter.segment("\u0000\uFFFF \uD83D\uDE00 emoji\r\nline two\t."));
    }

    @Test
    void sameResultUnderTurkishLocale() {
        String text = "ISTANBUL, Turkey — Istanbul's mayor met the IMF in Izmir. Il est là.";
        TokenizedText expected = segmenter.segment(text);
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals(expected, segmenter.segment(text));
        } finally {
            Locale.setDefault(saved);
        }
    }
}
