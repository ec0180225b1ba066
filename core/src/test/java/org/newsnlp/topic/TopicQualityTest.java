package org.newsnlp.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.newsnlp.internal.SharedData;

/**
 * Quality gates of the learner on the public benchmarks in the shared data folder (thresholds a little
 * below the measured values in docs/topics.md).
 */
class TopicQualityTest {

    static Path data(String relative) {
        Optional<Path> p = SharedData.find("datasets/" + relative);
        if (p.isEmpty()) {
            if (SharedData.required()) {
                fail("missing shared data datasets/" + relative);
            }
            Assumptions.assumeTrue(false, "shared data datasets/" + relative + " not found");
        }
        return p.get();
    }

    @Test
    void bbcNewsFiveFoldCrossValidationAccuracy() throws IOException {
        List<LabeledDocument> docs = TopicDataset.read(data("bbc_news/bbc_news.jsonl.gz"), TopicDataset.Options.DEFAULT);
        assertEquals(2225, docs.size());
        // the defaults; calibration does not change the best label of a single-label model
        TopicCrossValidation cv = TopicCrossValidation.run(TopicTrainer.builder().calibrationFolds(0).build(), docs, 5, 42);
        assertTrue(cv.meanAccuracy() >= 0.985, "BBC 5-fold accuracy " + cv.meanAccuracy());
        // the settings of the shipped news-bbc5 model
        TopicTrainer shipped = TopicTrainer.builder().features(TopicFeatureConfig.DEFAULT.withCasedWords(false))
                .leadSamples(true).calibrationFolds(0).build();
        TopicCrossValidation lead = TopicCrossValidation.run(shipped, docs, 5, 42);
        assertTrue(lead.meanAccuracy() >= 0.984, "BBC 5-fold accuracy, news-bbc5 settings " + lead.meanAccuracy());
    }

    @Test
    void twentyNewsgroupsBydateTestAccuracy() throws IOException {
        List<LabeledDocument> train = TopicDataset.read(data("20newsgroups_bydate/train.jsonl.gz"),
                TopicDataset.Options.DEFAULT);
        List<LabeledDocument> test = TopicDataset.read(data("20newsgroups_bydate/test.jsonl.gz"),
                TopicDataset.Options.DEFAULT);
        // calibration does not change the best label: skip its held-out training to keep the test fast
        LinearTopicClassifier c = TopicTrainer.builder().calibrationFolds(0).build().trainClassifier(train);
        TopicEvaluation e = TopicEvaluation.evaluate(c, test);
        assertEquals(7532, e.documents());
        assertTrue(e.accuracy() >= 0.875, "20 Newsgroups accuracy " + e.accuracy());
    }

    @Test
    void reutersModApteNinetyLabelMicroF1() throws IOException {
        Set<String> cats = TopicDataset.readLabelSet(data("reuters21578_modapte/categories90.tsv"));
        assertEquals(90, cats.size());
        List<LabeledDocument> train = restrict(TopicDataset.read(data("reuters21578_modapte/train.jsonl.gz"),
                TopicDataset.Options.DEFAULT), cats);
        List<LabeledDocument> test = restrict(TopicDataset.read(data("reuters21578_modapte/test.jsonl.gz"),
                TopicDataset.Options.DEFAULT), cats);
        assertEquals(3019, test.size());
        // the documented Reuters settings (docs/topics.md)
        LinearTopicClassifier c = TopicTrainer.builder().multiLabel(true)
                .features(TopicFeatureConfig.DEFAULT.withHashBits(18).withMinDocFreq(3)).build().trainClassifier(train);
        TopicEvaluation e = TopicEvaluation.evaluate(c, test);
        assertTrue(e.microF1() >= 0.885, "Reuters micro-F1 " + e.microF1());
    }

    /** ModApte convention: keep the 90 categories, drop documents left with none of them. */
    static List<LabeledDocument> restrict(List<LabeledDocument> docs, Set<String> cats) {
        List<LabeledDocument> out = new ArrayList<>();
        for (LabeledDocument d : docs) {
            List<String> l = d.labels().stream().filter(cats::contains).toList();
            if (!l.isEmpty()) {
                out.add(d.withLabels(l));
            }
        }
        return out;
    }
}
