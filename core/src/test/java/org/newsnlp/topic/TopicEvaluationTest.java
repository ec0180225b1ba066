package org.newsnlp.topic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TopicEvaluationTest {

    @Test
    void singleLabelMetricsMatchHandComputedValues() {
        List<List<String>> gold = List.of(List.of("a"), List.of("a"), List.of("b"), List.of("b"), List.of("c"));
        List<List<String>> pred = List.of(List.of("a"), List.of("b"), List.of("b"), List.of("b"), List.of("a"));
        TopicEvaluation e = TopicEvaluation.of(List.of("a", "b", "c"), gold, pred, false);
        assertEquals(0.6, e.accuracy(), 1e-12);
        // a: P 1/2 R 1/2 F 1/2; b: P 2/3 R 1 F 0.8; c: 0
        assertEquals((0.5 + 0.8 + 0) / 3, e.macroF1(), 1e-12);
        assertEquals(0.6, e.microF1(), 1e-12);
        assertArrayEquals(new int[] {1, 1, 0}, e.confusion()[0]);
        assertArrayEquals(new int[] {1, 0, 0}, e.confusion()[2]);
        assertEquals(2, e.perLabel().get(1).support());
        assertEquals(3, e.perLabel().get(1).predicted());
    }

    @Test
    void goldLabelsUnknownToTheModelCountAsErrors() {
        TopicEvaluation e = TopicEvaluation.of(List.of("a", "b"), List.of(List.of("z"), List.of("a")),
                List.of(List.of("a"), List.of("a")), false);
        assertEquals(0.5, e.accuracy(), 1e-12);
        assertEquals(List.of("a", "b", "z"), e.labels());
    }

    @Test
    void multiLabelMetricsPoolDecisions() {
        List<List<String>> gold = List.of(List.of("a", "b"), List.of("b"), List.of("c"));
        List<List<String>> pred = List.of(List.of("a"), List.of("b", "c"), List.of("c"));
        TopicEvaluation e = TopicEvaluation.of(List.of("a", "b", "c"), gold, pred, true);
        // tp 3 (a, b, c), fp 1 (c in doc 2), fn 1 (b in doc 1)
        assertEquals(6.0 / 8.0, e.microF1(), 1e-12);
        assertEquals(1.0 / 3.0, e.accuracy(), 1e-12);
        assertEquals(0, e.confusion().length);
    }

    @Test
    void crossValidationReportsMeanAndSpread() {
        TopicCrossValidation cv = TopicCrossValidation.run(
                TopicTrainer.builder().features(TopicFeatureConfig.DEFAULT.withHashBits(14)).build(),
                TopicTestData.singleLabel(30, 5), 3, 1);
        assertEquals(3, cv.folds().size());
        assertTrue(cv.meanAccuracy() > 0.85, "accuracy " + cv.meanAccuracy());
        assertEquals(90, cv.pooled().documents());
        Map<String, Object> m = cv.toMap();
        assertEquals(cv.meanAccuracy(), (Double) m.get("accuracy"), 1e-12);
        assertEquals(3, ((List<?>) m.get("foldAccuracy")).size());
    }

    @Test
    void htmlReportIsSelfContained() {
        TopicEvaluation e = TopicEvaluation.of(List.of("a", "b<script>"), List.of(List.of("a"), List.of("b<script>")),
                List.of(List.of("a"), List.of("a")), false);
        String html = TopicReport.html(e, "Report & test", Map.of("model", "m"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<svg") && html.contains("Confusion matrix"));
        assertFalse(html.contains("<script"), "labels must be escaped");
        assertFalse(html.contains("src=") || html.contains("href=") || html.contains("@import"));
        assertTrue(html.contains("Report &amp; test"));
        String json = TopicReport.json(e, Map.of("model", "m"));
        assertTrue(json.contains("\"accuracy\" : 0.5"), json);
    }

    @Test
    void comparisonTrainsEveryLearnerOnTheSameSplit() {
        List<List<LabeledDocument>> split = TopicComparison.split(TopicTestData.singleLabel(40, 8), 0.25, 3);
        assertEquals(30, split.get(1).size());
        List<TopicComparison.Row> rows = TopicComparison.run(
                TopicTrainer.builder().features(TopicFeatureConfig.DEFAULT.withHashBits(14)).build(),
                split.get(0), split.get(1), List.of(TopicComparison.Learner.values()));
        assertEquals(3, rows.size());
        for (TopicComparison.Row r : rows) {
            assertTrue(r.accuracy() > 0.7, r.toString());
            assertTrue(r.docsPerSecond() > 0);
        }
        assertTrue(TopicComparison.table(rows).contains("OpenNLP naive Bayes"));
    }
}
