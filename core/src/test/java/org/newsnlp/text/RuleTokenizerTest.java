package org.newsnlp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

class RuleTokenizerTest {

    private static final Tokenizer TOKENIZER = RuleTokenizer.english();

    /** Input text, then the expected tokens separated by single spaces (no expected token holds a space). */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("Microsoft's head of AI", "Microsoft 's head of AI"),
                Arguments.of("It's clear they don't, can't and won't.", "It 's clear they do n't , ca n't and wo n't ."),
                Arguments.of("I'm sure we've said they're here and I'd go; we'll see.",
                        "I 'm sure we 've said they 're here and I 'd go ; we 'll see ."),
                Arguments.of("THE FIRM'S SHARES", "THE FIRM 'S SHARES"),
                Arguments.of("the analysts' view", "the analysts ' view"),
                Arguments.of("It was, he said, 'clearly' wrong.", "It was , he said , ' clearly ' wrong ."),
                Arguments.of("\u201cWe won,\u201d she said.", "\u201c We won , \u201d she said ."),
                Arguments.of("\u2018Quoted\u2019 and Microsoft\u2019s", "\u2018 Quoted \u2019 and Microsoft \u2019s"),
                Arguments.of("He said \"no\".", "He said \" no \" ."),
                Arguments.of("The U.S. and the U.K. met.", "The U.S. and the U.K. met ."),
                Arguments.of("Mr. Smith and Mrs. Jones of Acme Corp. arrived", "Mr. Smith and Mrs. Jones of Acme Corp. arrived"),
                Arguments.of("apples, e.g. pears, i.e., fruit", "apples , e.g. pears , i.e. , fruit"),
                Arguments.of("at 9 a.m. on Jan. 5", "at 9 a.m. on Jan. 5"),
                Arguments.of("J. R. R. Tolkien", "J. R. R. Tolkien"),
                Arguments.of("the U.S.-led coalition", "the U.S.-led coalition"),
                Arguments.of("Acme Inc.'s profit", "Acme Inc. 's profit"),
                Arguments.of("He ranked No. 1 in the US.", "He ranked No. 1 in the US ."),
                Arguments.of("He said no.", "He said no ."),
                Arguments.of("1. Carl Lewis", "1. Carl Lewis"),
                Arguments.of("in 2004. Then", "in 2004 . Then"),
                Arguments.of("10,000 people paid 3.5% more", "10,000 people paid 3.5 % more"),
                Arguments.of("It cost US$50 or $1.13bn (\u00a3600m).", "It cost US$ 50 or $ 1.13bn ( \u00a3 600m ) ."),
                Arguments.of("C$ and HK$", "C$ and HK$"),
                Arguments.of("69 per cent in 2024-25", "69 per cent in 2024-25"),
                Arguments.of("scores of 6-4 7-6 on 1996-08-22", "scores of 6-4 7-6 on 1996-08-22"),
                Arguments.of("a .500 average, +44 code, -5C", "a .500 average , +44 code , -5C"),
                Arguments.of("at 10:30, 1:45.27 and 1/2", "at 10:30 , 1:45.27 and 1/2"),
                Arguments.of("a start-up in Heung-yeung", "a start-up in Heung-yeung"),
                Arguments.of("pre- and post-war", "pre- and post-war"),
                Arguments.of("AT&T and S&P 500 & more", "AT&T and S&P 500 & more"),
                Arguments.of("O'Neill's and O'Brien", "O'Neill 's and O'Brien"),
                Arguments.of("the '90s and the 1980's", "the '90s and the 1980 's"),
                Arguments.of("see https://www.bbc.co.uk/news/world-123?a=1&b=2.", "see https://www.bbc.co.uk/news/world-123?a=1&b=2 ."),
                Arguments.of("(www.example.com)", "( www.example.com )"),
                Arguments.of("mail press@acme.com, or @acme and #BBCNews", "mail press@acme.com , or @acme and #BBCNews"),
                Arguments.of("it rose\u2014sharply\u2013then fell -- again", "it rose \u2014 sharply \u2013 then fell -- again"),
                Arguments.of("wait... what\u2026 now", "wait ... what \u2026 now"),
                Arguments.of("Really?! Yes!", "Really ? ! Yes !"),
                Arguments.of("[a] {b} <c>", "[ a ] { b } < c >"),
                Arguments.of("one;two:three", "one ; two : three"),
                Arguments.of("Yahoo.com and Plus.net", "Yahoo.com and Plus.net"),
                Arguments.of("caf\u00e9 na\u00efve Z\u00fcrich \u0130stanbul", "caf\u00e9 na\u00efve Z\u00fcrich \u0130stanbul"),
                Arguments.of("news\u00a0paper\u2009thin", "news paper thin"),
                Arguments.of("zero\u200bwidth", "zero width"),
                Arguments.of("n't", "n't"),
                Arguments.of("'s", "'s"),
                Arguments.of("'", "'"),
                Arguments.of("---", "---"),
                Arguments.of("Calif. and N.J.", "Calif. and N.J."),
                Arguments.of("rated AA+ (BBB+), 2+2 and C++", "rated AA+ ( BBB+ ) , 2 + 2 and C++"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void splitsNewsTextLikeThePennTreebank(String input, String expected) {
        List<Token> tokens = TOKENIZER.tokenize(input);
        assertEquals(Arrays.asList(expected.split(" ")), texts(tokens), input);
        assertOffsets(input, tokens);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void givesTheSameTokensUnderTheTurkishLocale(String input, String expected) {
        Locale saved = Locale.getDefault();
        Locale.setDefault(new Locale("tr", "TR"));
        try {
            assertEquals(Arrays.asList(expected.split(" ")), texts(TOKENIZER.tokenize(input)), input);
            assertEquals(List.of("TITLE", "'S", "ISTANBUL", "Inc."), texts(TOKENIZER.tokenize("TITLE'S ISTANBUL Inc.")));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void reportsOffsetsIntoTheWholeTextForARegion() {
        String text = "Skip this. Mr. Shum's start-up, DeepSeek. Skip that.";
        int start = text.indexOf("Mr.");
        int end = text.indexOf(" Skip that");
        List<Token> tokens = TOKENIZER.tokenize(text, start, end);
        assertEquals(List.of("Mr.", "Shum", "'s", "start-up", ",", "DeepSeek", "."), texts(tokens));
        assertEquals(start, tokens.get(0).start());
        assertEquals(end, tokens.get(tokens.size() - 1).end());
        assertOffsets(text, tokens);
    }

    @Test
    void cutsAWordAtTheRegionEnd() {
        String text = "Microsoft";
        assertEquals(List.of("Micro"), texts(TOKENIZER.tokenize(text, 0, 5)));
    }

    @Test
    void givesNoTokensForBlankText() {
        assertTrue(TOKENIZER.tokenize("").isEmpty());
        assertTrue(TOKENIZER.tokenize(" \t\n\u00a0\u2003").isEmpty());
    }

    @Test
    void rejectsARegionOutsideTheText() {
        assertThrows(IndexOutOfBoundsException.class, () -> TOKENIZER.tokenize("abc", 1, 4));
        assertThrows(NullPointerException.class, () -> TOKENIZER.tokenize(null, 0, 0));
    }

    @Test
    void keepsOffsetsExactOnOddInput() {
        StringBuilder sb = new StringBuilder();
        String alphabet = "aZ9.,'\u2019\"-\u2014$%&@#/:;()+*=!? \u00a0\n\t\u200b\ud83d\ude00\ud835\udc00\u0301\u00ad\u2026`";
        long seed = 42;
        for (int i = 0; i < 20_000; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            sb.append(alphabet.charAt((int) ((seed >>> 33) % alphabet.length())));
        }
        String text = sb.toString();
        List<Token> tokens = TOKENIZER.tokenize(text);
        assertOffsets(text, tokens);
        for (Token t : tokens) {
            for (int i = 0; i < t.text().length(); i++) {
                assertTrue(!RuleTokenizer.isSeparator(t.text().charAt(i)), "token holds whitespace: " + t);
            }
        }
    }

    @Test
    void neverSplitsASurrogatePair() {
        String text = "Great \ud83d\ude00news \ud835\udc00bc";
        List<Token> tokens = TOKENIZER.tokenize(text);
        assertEquals(List.of("Great", "\ud83d\ude00", "news", "\ud835\udc00bc"), texts(tokens));
    }

    @Test
    void givesIdenticalResultsFromManyThreads() throws Exception {
        String text = cases().map(a -> (String) a.get()[0]).reduce((x, y) -> x + " " + y).orElseThrow();
        List<Token> expected = TOKENIZER.tokenize(text);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Token>>> futures = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                futures.add(pool.submit(() -> TOKENIZER.tokenize(text)));
            }
            for (Future<List<Token>> f : futures) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static void assertOffsets(String text, List<Token> tokens) {
        int last = 0;
        for (Token t : tokens) {
            assertEquals(text.substring(t.start(), t.end()), t.text(), "offsets of " + t);
            assertTrue(t.start() >= last, "tokens out of order or overlapping at " + t);
            assertTrue(t.end() > t.start(), "empty token " + t);
            last = t.end();
        }
    }

    private static List<String> texts(List<Token> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            out.add(t.text());
        }
        return out;
    }
}
