package org.newsnlp.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsnlp.NewsNlpException;
import org.newsnlp.entity.EntityType;
import org.newsnlp.entity.Mention;
import org.newsnlp.text.Sentence;
import org.newsnlp.text.Token;
import org.newsnlp.text.TokenizedText;

/** Trains a small model on generated sentences and checks the recognizer's behaviour and file format. */
class PerceptronEntityRecognizerTest {

    private static final String[] PEOPLE = {"Anna Berg", "Piet Smit", "Karl Weiss", "Maria Costa", "John Hale",
            "Ivo Novak", "Lena Holm", "Tom Reed", "Sara Lind", "Omar Haddad"};
    private static final String[] PLACES = {"Paris", "Oslo", "Lima", "Kenya", "Peru", "Madrid", "Ghana", "Tokyo"};
    private static final String[] ORGS = {"Acme Corp", "Nordbank", "Volta Motors", "Zenit Bank", "Orion Group"};
    private static final String[][] TEMPLATES = {
            {"PER", "said", "on", "Monday", "."},
            {"The", "talks", "in", "LOC", "ended", "."},
            {"ORG", "shares", "rose", "3", "percent", "."},
            {"PER", "flew", "to", "LOC", "on", "Friday", "."},
            {"Analysts", "at", "ORG", "said", "PER", "would", "leave", "."},
            {"He", "lives", "in", "LOC", "."},
    };

    static PerceptronEntityRecognizer ner;

    static List<ConllDocument> corpus(int docs, long seed) {
        Random r = new Random(seed);
        List<ConllDocument> out = new ArrayList<>();
        int line = 0;
        for (int d = 0; d < docs; d++) {
            List<ConllSentence> sentences = new ArrayList<>();
            for (int s = 0; s < 8; s++) {
                List<String> toks = new ArrayList<>();
                List<String> tags = new ArrayList<>();
                for (String slot : TEMPLATES[r.nextInt(TEMPLATES.length)]) {
                    String[] names = switch (slot) {
                        case "PER" -> PEOPLE;
                        case "LOC" -> PLACES;
                        case "ORG" -> ORGS;
                        default -> null;
                    };
                    if (names == null) {
                        toks.add(slot);
                        tags.add("O");
                        continue;
                    }
                    for (String w : names[r.nextInt(names.length)].split(" ")) {
                        toks.add(w);
                        tags.add("I-" + slot);
                    }
                }
                sentences.add(new ConllSentence(toks, tags, line));
                line += toks.size() + 1;
            }
            out.add(new ConllDocument(sentences));
        }
        return out;
    }

    @BeforeAll
    static void train() {
        NerTrainer.Settings s = new NerTrainer.Settings(4, 3L, 16, 3, true);
        ner = new NerTrainer(s, null).train(corpus(30, 1), corpus(5, 2), m -> { });
    }

    @Test
    void learnsTheGeneratedNames() {
        NerEvaluation e = ner.evaluate(corpus(10, 99));
        assertTrue(e.overall().f1() > 0.95, e.report());
    }

    @Test
    void tagsPreTokenizedSentencesInBio() {
        assertArrayEquals(new String[] {"B-PER", "I-PER", "O", "O", "B-LOC", "O", "O", "O"},
                ner.tag(List.of("Anna", "Berg", "flew", "to", "Oslo", "on", "Friday", ".")));
        assertEquals(List.of(), ner.tagDocument(List.of()));
    }

    @Test
    void mentionsHaveExactOffsets() {
        String text = "Analysts at Nordbank said Karl Weiss would leave.";
        TokenizedText t = whitespaceTokens(text);
        List<Mention> ms = ner.recognize(t);
        assertEquals(List.of(new Mention("Nordbank", 12, 20, EntityType.ORGANIZATION),
                new Mention("Karl Weiss", 26, 36, EntityType.PERSON)), ms);
        for (Mention m : ms) {
            assertEquals(m.text(), text.substring(m.start(), m.end()));
        }
    }

    @Test
    void joinsHyphenatedWordsAndSplitsPossessives() {
        String text = "Heung-yeung met China's envoy and isn't here";
        TokenizedText t = new TokenizedText(text, List.of(
                new Token("Heung", 0, 5), new Token("-", 5, 6), new Token("yeung", 6, 11), new Token("met", 12, 15),
                new Token("China's", 16, 23), new Token("envoy", 24, 29), new Token("and", 30, 33),
                new Token("isn't", 34, 39), new Token("here", 40, 44)), List.of(new Sentence(0, 44, 0, 9)));
        PerceptronEntityRecognizer.WordPieces p = PerceptronEntityRecognizer.WordPieces.of(text, t.tokens());
        assertEquals(List.of("Heung-yeung", "met", "China", "'s", "envoy", "and", "is", "n't", "here"),
                Arrays.asList(p.words));
        assertArrayEquals(new int[] {0, 11, 12, 15, 16, 21, 21, 23, 24, 29, 30, 33, 34, 36, 36, 39, 40, 44}, p.spans);
    }

    @Test
    void keepsSpacedHyphensApart() {
        String text = "Oslo - Lima";
        PerceptronEntityRecognizer.WordPieces p = PerceptronEntityRecognizer.WordPieces.of(text, List.of(
                new Token("Oslo", 0, 4), new Token("-", 5, 6), new Token("Lima", 7, 11)));
        assertEquals(List.of("Oslo", "-", "Lima"), Arrays.asList(p.words));
    }

    @Test
    void savedModelLoadsAndTagsIdentically(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("ner.bin.gz");
        ner.save(f);
        PerceptronEntityRecognizer back = PerceptronEntityRecognizer.load(f);
        for (ConllDocument d : corpus(5, 7)) {
            List<List<String>> s = new ArrayList<>();
            d.sentences().forEach(x -> s.add(x.tokens()));
            List<String[]> a = ner.tagDocument(s);
            List<String[]> b = back.tagDocument(s);
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(a.get(i), b.get(i));
            }
        }
        assertEquals(ner.manifest().metrics(), back.manifest().metrics());
        assertEquals("newsnlp-ner", back.manifest().format());
    }

    @Test
    void wrongFilesFailNamingTheFile(@TempDir Path dir) throws IOException {
        Path plain = dir.resolve("plain.txt");
        Files.writeString(plain, "not a model");
        assertNamesSource(() -> PerceptronEntityRecognizer.load(plain), "plain.txt");

        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream o = new GZIPOutputStream(gz)) {
            o.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        }
        assertNamesSource(() -> PerceptronEntityRecognizer.load(new ByteArrayInputStream(gz.toByteArray()), "junk.gz"),
                "junk.gz");

        ByteArrayOutputStream ok = new ByteArrayOutputStream();
        ner.write(ok);
        byte[] bytes = ok.toByteArray();
        byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);
        assertNamesSource(() -> PerceptronEntityRecognizer.load(new ByteArrayInputStream(truncated), "cut.bin.gz"),
                "cut.bin.gz");
        assertNamesSource(() -> PerceptronEntityRecognizer.load(dir.resolve("missing.bin.gz")), "missing.bin.gz");
    }

    private static void assertNamesSource(org.junit.jupiter.api.function.Executable e, String name) {
        NewsNlpException ex = assertThrows(NewsNlpException.class, e);
        assertTrue(ex.getMessage().contains(name), ex.getMessage());
    }

    @Test
    void oneInstanceGivesTheSameResultsOnManyThreads() throws Exception {
        List<ConllDocument> docs = corpus(20, 11);
        List<List<List<String>>> inputs = new ArrayList<>();
        for (ConllDocument d : docs) {
            List<List<String>> s = new ArrayList<>();
            d.sentences().forEach(x -> s.add(x.tokens()));
            inputs.add(s);
        }
        List<String> expected = new ArrayList<>();
        for (List<List<String>> in : inputs) {
            expected.add(flatten(ner.tagDocument(in)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> fs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                fs.add(pool.submit(() -> {
                    List<String> got = new ArrayList<>();
                    for (List<List<String>> in : inputs) {
                        got.add(flatten(ner.tagDocument(in)));
                    }
                    return got;
                }));
            }
            for (Future<List<String>> f : fs) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    private static String flatten(List<String[]> tags) {
        StringBuilder b = new StringBuilder();
        tags.forEach(a -> b.append(String.join(" ", a)).append('|'));
        return b.toString();
    }

    static TokenizedText whitespaceTokens(String text) {
        List<Token> toks = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == ' ') {
                i++;
                continue;
            }
            int j = i;
            while (j < text.length() && text.charAt(j) != ' ' && text.charAt(j) != '.') {
                j++;
            }
            if (j == i) {
                j++;
            }
            toks.add(new Token(text.substring(i, j), i, j));
            i = j;
        }
        return new TokenizedText(text, toks, List.of(new Sentence(0, text.length(), 0, toks.size())));
    }
}
