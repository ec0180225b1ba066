package org.newsnlp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RuleSentenceDetectorTest {

    private static final SentenceDetector DETECTOR = RuleSentenceDetector.english();

    /** Input text, then the expected sentences separated by {@code |}. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("He left. She stayed.", "He left.|She stayed."),
                Arguments.of("Mr. Shum spoke to Dr. Lee on Friday. He left.", "Mr. Shum spoke to Dr. Lee on Friday.|He left."),
                Arguments.of("Shares in Acme Corp. rose. The firm said so.", "Shares in Acme Corp. rose.|The firm said so."),
                Arguments.of("He moved to the U.S. The move was a success.", "He moved to the U.S.|The move was a success."),
                Arguments.of("The U.S. Senate voted.", "The U.S. Senate voted."),
                Arguments.of("J. R. R. Tolkien wrote it.", "J. R. R. Tolkien wrote it."),
                Arguments.of("\"We won.\" Then they left.", "\"We won.\"|Then they left."),
                Arguments.of("Did it work? Yes! It did.", "Did it work?|Yes!|It did."),
                Arguments.of("It rose 3.5% to $1.13bn. Profits fell.", "It rose 3.5% to $1.13bn.|Profits fell."),
                Arguments.of("He paused... and went on.", "He paused... and went on."),
                Arguments.of("He paused... Then he went on.", "He paused...|Then he went on."),
                Arguments.of("See www.bbc.co.uk for more.", "See www.bbc.co.uk for more."),
                Arguments.of("He said (in 2004.) It stood.", "He said (in 2004.)|It stood."),
                Arguments.of("1. Carl Lewis won.", "1. Carl Lewis won."),
                Arguments.of("He was ranked No. 1 last year.", "He was ranked No. 1 last year."),
                Arguments.of("It ended in 2004. 2005 was better.", "It ended in 2004.|2005 was better."),
                Arguments.of("e.g. this one", "e.g. this one"),
                Arguments.of("  Leading and trailing spaces.  ", "Leading and trailing spaces."),
                Arguments.of("No final period", "No final period"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void splitsNewsSentences(String input, String expected) {
        assertEquals(Arrays.asList(expected.split("\\|")), texts(input, DETECTOR.detect(input)), input);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void givesTheSameSentencesUnderTheTurkishLocale(String input, String expected) {
        Locale saved = Locale.getDefault();
        Locale.setDefault(new Locale("tr", "TR"));
        try {
            assertEquals(Arrays.asList(expected.split("\\|")), texts(input, DETECTOR.detect(input)), input);
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void givesNoSentenceForBlankText() {
        assertTrue(DETECTOR.detect("").isEmpty());
        assertTrue(DETECTOR.detect(" \u00a0 ").isEmpty());
    }

    @Test
    void segmentsWithTheRuleTokenizerInsideSentences() {
        TextSegmenter seg = new TextSegmenter(DETECTOR, RuleTokenizer.english());
        String text = "Mr. Shum's start-up rose.\n\nIt's in the U.S. now. Shares fell";
        TokenizedText t = seg.segment(text);
        assertEquals(3, t.sentences().size());
        assertEquals(List.of("Mr.", "Shum", "'s", "start-up", "rose", "."),
                t.tokensOf(t.sentences().get(0)).stream().map(Token::text).toList());
        RuleTokenizerTest.assertOffsets(text, t.tokens());
    }

    @Test
    void givesIdenticalResultsFromManyThreads() throws Exception {
        String text = cases().map(a -> (String) a.get()[0]).reduce((x, y) -> x + " " + y).orElseThrow();
        List<Span> expected = DETECTOR.detect(text);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Span>>> futures = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                futures.add(pool.submit(() -> DETECTOR.detect(text)));
            }
            for (Future<List<Span>> f : futures) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> texts(String text, List<Span> spans) {
        List<String> out = new ArrayList<>();
        for (Span s : spans) {
            out.add(s.coveredText(text));
        }
        return out;
    }
}
