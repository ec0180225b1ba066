package org.newsnlp.topic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.newsnlp.NewsNlpException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicModelTest {

    static List<LabeledDocument> train;
    static List<LabeledDocument> test;
    static TopicModel model;

    @BeforeAll
    static void trainSmallModel() {
        train = TopicTestData.singleLabel(40, 1);
        test = TopicTestData.singleLabel(20, 2);
        model = TopicTrainer.builder().name("tiny").features(TopicFeatureConfig.DEFAULT.withHashBits(14)).build()
                .train(train);
    }

    @Test
    void learnsSeparableTopics() {
        TopicEvaluation e = TopicEvaluation.evaluate(model, test);
        assertTrue(e.accuracy() > 0.9, "accuracy " + e.accuracy());
        assertEquals(List.of("business", "sport", "tech"), model.labels());
    }

    @Test
    void singleLabelScoresAreSortedProbabilities() {
        TopicPrediction p = model.classify("Cup final", "The striker scored a goal for the team.");
        assertEquals("sport", p.best().label());
        assertEquals(List.of("sport"), p.labels());
        double sum = p.topics().stream().mapToDouble(Topic::score).sum();
        assertEquals(1.0, sum, 1e-6);
    }

    @Test
    void trainingIsDeterministicWhateverTheThreadCount() {
        TopicTrainer.Builder b = TopicTrainer.builder().features(TopicFeatureConfig.DEFAULT.withHashBits(14)).seed(7);
        LinearTopicClassifier one = b.threads(1).build().trainClassifier(train);
        LinearTopicClassifier two = b.threads(2).build().trainClassifier(train);
        assertArrayEquals(one.weights, two.weights);
        assertArrayEquals(one.calibration, two.calibration);
    }

    @Test
    void differentSeedsStillAgreeOnClearCases() {
        LinearTopicClassifier other = TopicTrainer.builder().features(TopicFeatureConfig.DEFAULT.withHashBits(14))
                .seed(99).build().trainClassifier(train);
        assertEquals("business", other.classify("", "Bank shares and profit growth lifted the market").best().label());
    }

    @Test
    void saveAndLoadKeepPredictions(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tiny.bin.gz");
        model.save(file);
        TopicModel back = TopicModel.load(file);
        assertEquals(model.manifest(), back.manifest());
        for (LabeledDocument d : test) {
            TopicPrediction a = model.classify(d.title(), d.text());
            TopicPrediction b = back.classify(d.title(), d.text());
            assertEquals(a.labels(), b.labels());
            assertEquals(a.best().score(), b.best().score(), 1e-3);
        }
    }

    @Test
    void modelsWithoutWordOptionsAreWrittenInFormatVersionOne(@TempDir Path dir) throws IOException {
        TopicModel old = TopicTrainer.builder().name("tiny-v1")
                .features(TopicFeatureConfig.DEFAULT.withHashBits(14).withCasedWords(false).withStemPlurals(false))
                .build().train(train);
        assertEquals(1, old.manifest().formatVersion());
        assertEquals(1, writtenVersion(old));
        assertEquals(2, writtenVersion(model));
        Path file = dir.resolve("v1.bin.gz");
        old.save(file);
        TopicModel back = TopicModel.load(file);
        assertEquals(old.classifier().features(), back.classifier().features());
        for (LabeledDocument d : test) {
            assertArrayEquals(old.classifier().scores(d.title(), d.text()), back.classifier().scores(d.title(), d.text()),
                    1e-3);
        }
        assertTrue(!back.classifier().features().casedWords() && !back.classifier().features().stemPlurals());
    }

    @Test
    void unknownWordOptionsAreACorruptFile() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.save(out);
        byte[] raw;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            raw = in.readAllBytes();
        }
        int manifestLength = new DataInputStream(new ByteArrayInputStream(raw, 8, 4)).readInt();
        int options = 12 + manifestLength + 5 + 1 + 4;
        assertEquals(3, raw[options]);
        raw[options] = (byte) 0x83;
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bad)) {
            gz.write(raw);
        }
        NewsNlpException e = assertThrows(NewsNlpException.class,
                () -> TopicModel.load(new ByteArrayInputStream(bad.toByteArray()), "odd.bin.gz"));
        assertTrue(e.getMessage().contains("odd.bin.gz") && e.getMessage().contains("word options"), e.getMessage());
    }

    @Test
    void naiveBayesInterpolationMustBeAWeight() {
        assertThrows(IllegalArgumentException.class, () -> TopicTrainer.builder().nbInterpolation(1.5));
        assertThrows(IllegalArgumentException.class, () -> TopicTrainer.builder().nbInterpolation(-0.1));
        assertThrows(IllegalArgumentException.class, () -> TopicTrainer.builder().nbInterpolation(Double.NaN));
    }

    @Test
    void wordOptionsSurviveSaveAndLoad() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.save(out);
        TopicModel back = TopicModel.load(new ByteArrayInputStream(out.toByteArray()), "tiny.bin.gz");
        assertTrue(back.classifier().features().casedWords() && back.classifier().features().stemPlurals());
        assertEquals(model.classifier().features(), back.classifier().features());
    }

    private static int writtenVersion(TopicModel m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.save(out);
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(out.toByteArray())))) {
            assertEquals(0x4E4E5450, in.readInt());
            return in.readInt();
        }
    }

    @Test
    void multiLabelModelPredictsSetsOverThresholds(@TempDir Path dir) throws IOException {
        TopicModel m = TopicTrainer.builder().multiLabel(true).features(TopicFeatureConfig.DEFAULT.withHashBits(14))
                .build().train(TopicTestData.multiLabel(400, 3));
        assertTrue(m.multiLabel());
        TopicEvaluation e = TopicEvaluation.evaluate(m, TopicTestData.multiLabel(200, 4));
        assertTrue(e.microF1() > 0.8, "micro-F1 " + e.microF1());
        Path file = dir.resolve("multi.bin.gz");
        m.save(file);
        TopicModel back = TopicModel.load(file);
        assertTrue(back.multiLabel());
        TopicPrediction p = back.classify("", "shares market profit bank investors and the striker scored a goal in the cup match");
        assertTrue(p.labels().contains("business") && p.labels().contains("sport"), p.toString());
    }

    @Test
    void notAModelFileFailsNamingIt(@TempDir Path dir) throws IOException {
        Path junk = dir.resolve("junk.bin");
        Files.writeString(junk, "hello, not a model");
        NewsNlpException e = assertThrows(NewsNlpException.class, () -> TopicModel.load(junk));
        assertTrue(e.getMessage().contains("junk.bin") && e.getMessage().contains("not a newsnlp topic model"),
                e.getMessage());

        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        }
        NewsNlpException magic = assertThrows(NewsNlpException.class,
                () -> TopicModel.load(new ByteArrayInputStream(gz.toByteArray()), "other.gz"));
        assertTrue(magic.getMessage().contains("other.gz") && magic.getMessage().contains("magic"), magic.getMessage());
    }

    @Test
    void truncatedModelFailsNamingIt() throws IOException {
        ByteArrayOutputStream full = new ByteArrayOutputStream();
        model.save(full);
        byte[] bytes = full.toByteArray();
        byte[] cut = Arrays.copyOf(bytes, bytes.length / 2);
        NewsNlpException e = assertThrows(NewsNlpException.class,
                () -> TopicModel.load(new ByteArrayInputStream(cut), "cut.bin.gz"));
        assertTrue(e.getMessage().contains("cut.bin.gz"), e.getMessage());
    }

    @Test
    void unknownShippedModelIsAClearError() {
        NewsNlpException e = assertThrows(NewsNlpException.class, () -> TopicModel.loadShipped("no-such-model"));
        assertTrue(e.getMessage().contains("no-such-model"), e.getMessage());
    }

    @Test
    void oneInstanceGivesIdenticalResultsOnManyThreads() throws Exception {
        List<TopicPrediction> expected = new ArrayList<>();
        for (LabeledDocument d : test) {
            expected.add(model.classify(d.title(), d.text()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<TopicPrediction>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    List<TopicPrediction> out = new ArrayList<>();
                    for (LabeledDocument d : test) {
                        out.add(model.classify(d.title(), d.text()));
                    }
                    return out;
                }));
            }
            for (Future<List<TopicPrediction>> f : futures) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void singleLabelTrainingRejectsDocumentsWithoutExactlyOneLabel() {
        List<LabeledDocument> docs = new ArrayList<>(train);
        docs.add(new LabeledDocument("odd", "", "text", List.of("a", "b")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TopicTrainer.builder().build().train(docs));
        assertTrue(e.getMessage().contains("'odd'"), e.getMessage());
    }

    @Test
    void leadIsTheOpeningParagraphs() {
        String text = "First paragraph is here and it is long enough to count as a lead of the article, "
                + "with more words to pass two hundred characters in total, which takes a while to write out, "
                + "so here are a few more of them.\n\n"
                + "Second paragraph.\n\n" + "Third paragraph ".repeat(40);
        String lead = TopicTrainer.lead(text);
        assertTrue(lead.startsWith("First paragraph") && !lead.contains("Second"), lead);
        assertEquals(null, TopicTrainer.lead("Short text."));
    }
}
