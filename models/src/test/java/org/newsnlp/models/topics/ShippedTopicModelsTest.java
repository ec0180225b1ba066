package org.newsnlp.models.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsnlp.internal.SharedData;
import org.newsnlp.model.DefaultModels;
import org.newsnlp.model.ModelManifest;
import org.newsnlp.topic.LabeledDocument;
import org.newsnlp.topic.TopicClassifier;
import org.newsnlp.topic.TopicDataset;
import org.newsnlp.topic.TopicEvaluation;
import org.newsnlp.topic.TopicModel;
import org.newsnlp.topic.TopicPrediction;

class ShippedTopicModelsTest {

    static TopicModel bbc;
    static TopicModel reuters;

    @BeforeAll
    static void load() {
        bbc = TopicModel.loadShipped("news-bbc5");
        reuters = TopicModel.loadShipped("reuters-econ90");
    }

    @Test
    void manifestsDescribeTheModels() throws IOException {
        for (TopicModel m : List.of(bbc, reuters)) {
            String resource = TopicModel.SHIPPED_ROOT + m.name() + "/manifest.json";
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
                ModelManifest side = ModelManifest.read(in, resource);
                assertEquals(m.manifest(), side);
            }
            assertEquals(TopicModel.FORMAT, m.manifest().format());
            assertFalse(m.manifest().trainingData().isEmpty());
            assertTrue(m.manifest().command().startsWith("newsnlp topics train"), m.manifest().command());
            assertTrue(getClass().getClassLoader().getResource(TopicModel.SHIPPED_ROOT + m.name() + "/MODEL_CARD.md")
                    != null, "model card of " + m.name());
        }
        assertEquals(List.of("business", "entertainment", "politics", "sport", "tech"), bbc.labels());
        assertFalse(bbc.multiLabel());
        assertEquals(90, reuters.labels().size());
        assertTrue(reuters.multiLabel());
        assertTrue(bbc.manifest().metrics().get("cv.accuracy") > 0.97);
        assertTrue(reuters.manifest().metrics().get("test.microF1") > 0.87);
    }

    @Test
    void defaultTopicClassifierIsNewsBbc5() {
        TopicClassifier c = DefaultModels.topicClassifier();
        TopicPrediction p = c.classify("Late winner", "The midfielder scored in stoppage time as the home side won "
                + "the league match and moved up to third in the table.");
        assertEquals("sport", p.best().label());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Quarterly profit jumps | The company said quarterly profits rose 12% as sales grew, and shares climbed on "
                    + "the stock market after analysts raised forecasts. | business",
            "New album tops charts | The singer's new album went straight to number one, and the band will tour in "
                    + "the summer before the film of their story opens in cinemas. | entertainment",
            "Minister faces vote | The prime minister faces a vote in parliament on the bill, with opposition MPs "
                    + "and the party's own backbenchers threatening to rebel before the election. | politics",
            "Champions held to draw | The striker missed a penalty as the champions were held to a draw, and the "
                    + "coach said the team must improve before the cup final. | sport",
            "Faster chips for phones | The firm unveiled a new mobile phone chip that makes software run faster and "
                    + "lets users download games and music over broadband networks. | tech",
    })
    void newsBbc5TellsTheFiveTopicsApart(String title, String text, String expected) {
        assertEquals(expected, bbc.classify(title, text).best().label());
    }

    @Test
    void reutersEcon90PredictsLabelSets() {
        TopicPrediction earn = reuters.classify("ACME CORP 4TH QTR NET", "Shr 45 cts vs 38 cts. Net 12.5 mln dlrs vs "
                + "10.1 mln. Revs 210.3 mln vs 190.2 mln. Qtly dividend eight cts vs seven cts.");
        assertTrue(earn.labels().contains("earn"), earn.labels().toString());
        TopicPrediction crude = reuters.classify("OPEC AGREES OUTPUT CUT", "OPEC oil ministers agreed to cut crude "
                + "oil production to support prices, delegates said, and the price of crude rose in New York.");
        assertTrue(crude.labels().contains("crude"), crude.labels().toString());
        assertEquals(90, crude.topics().size());
    }

    @Test
    void sharedModelGivesIdenticalResultsOnManyThreads() throws Exception {
        String[] texts = {"Shares fell as the bank cut its profit forecast.", "The team won the cup final.",
                "The new software update fixes a security flaw in the browser.", "MPs debated the budget."};
        List<TopicPrediction> expected = new ArrayList<>();
        for (String t : texts) {
            expected.add(bbc.classify("", t));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<TopicPrediction>>> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                futures.add(pool.submit(() -> {
                    List<TopicPrediction> out = new ArrayList<>();
                    for (int r = 0; r < 50; r++) {
                        out.clear();
                        for (String t : texts) {
                            out.add(bbc.classify("", t));
                        }
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
    void newsBbc5OnAgNewsWithMappedClasses() throws IOException {
        Optional<Path> ag = SharedData.find("datasets/ag_news/test.csv.gz");
        if (ag.isEmpty()) {
            if (SharedData.required()) {
                fail("missing shared data datasets/ag_news/test.csv.gz");
            }
            Assumptions.assumeTrue(false, "AG News not found");
        }
        Map<String, String> map = Map.of("1", "politics", "2", "sport", "3", "business", "4", "tech");
        List<LabeledDocument> docs = new ArrayList<>();
        for (LabeledDocument d : TopicDataset.read(ag.get(), TopicDataset.Options.DEFAULT)) {
            docs.add(d.withLabels(List.of(map.get(d.label()))));
        }
        TopicEvaluation e = TopicEvaluation.evaluate(bbc, docs);
        assertEquals(7600, e.documents());
        assertTrue(e.accuracy() >= 0.65, "AG News accuracy " + e.accuracy());
    }
}
