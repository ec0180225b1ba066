package org.newsnlp.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ExtractionMetricsTest {

    private static final double EPS = 1e-9;

    @Test
    void identicalTextsScoreOne() {
        String t = "The council met on Monday. It approved the budget.\nThe vote was close.";
        assertEquals(1.0, ExtractionMetrics.rougeLSum(t, t).f1(), EPS);
        ExtractionMetrics.ShingleCounts c = ExtractionMetrics.shingles(t, t);
        assertEquals(1.0, c.tp(), EPS);
    }

    @Test
    void shinglesAreWordFourGramsWithCaseKept() {
        // truth: a b c d e -> shingles (a b c d), (b c d e); prediction (a b c d) -> one shared shingle
        ExtractionMetrics.ShingleCounts c = ExtractionMetrics.shingles("a b c d", "a b c d e");
        assertEquals(1.0 / 2, c.tp(), EPS);
        assertEquals(0.0, c.fp(), EPS);
        assertEquals(1.0 / 2, c.fn(), EPS);
        // case matters
        ExtractionMetrics.ShingleCounts upper = ExtractionMetrics.shingles("A b c d", "a b c d");
        assertEquals(0.0, upper.tp(), EPS);
        // one to three tokens form one shingle; punctuation is not a token
        ExtractionMetrics.ShingleCounts shortText = ExtractionMetrics.shingles("Hello, world!", "Hello world");
        assertEquals(1.0, shortText.tp(), EPS);
    }

    @Test
    void shingleAggregationAveragesPrecisionAndRecallOverTheirOwnPages() {
        List<ExtractionMetrics.ShingleCounts> pages = List.of(
                ExtractionMetrics.shingles("a b c d e", "a b c d e"),     // P 1, R 1
                ExtractionMetrics.shingles("", "a b c d e"),              // no prediction: recall 0, no precision
                ExtractionMetrics.shingles("a b c d x y z", "a b c d e")); // tp 1, fp 3, fn 1: P 0.25, R 0.5
        ExtractionMetrics.Summary s = ExtractionMetrics.aggregateShingles(pages);
        assertEquals((1 + 0.25) / 2, s.precision(), EPS);
        assertEquals((1 + 0 + 0.5) / 3, s.recall(), EPS);
        double p = (1 + 0.25) / 2;
        double r = 0.5;
        assertEquals(2 * p * r / (p + r), s.f1(), EPS);
    }

    @Test
    void rougeLSumCountsUnionLcsHitsOncePerToken() {
        // truth has 4 tokens, prediction 6; LCS hits: "the cat sat" (3) -> P 3/6, R 3/4
        ExtractionMetrics.Score s = ExtractionMetrics.rougeLSum("the cat really sat down there", "the cat sat quietly");
        assertEquals(0.5, s.precision(), EPS);
        assertEquals(0.75, s.recall(), EPS);
        // repeated text in the prediction cannot score twice
        ExtractionMetrics.Score twice = ExtractionMetrics.rougeLSum("a b c.\na b c.", "a b c.");
        assertEquals(1.0, twice.recall(), EPS);
        assertEquals(0.5, twice.precision(), EPS);
    }

    @Test
    void rougeLSumEdgeCasesFollowTheBenchmark() {
        assertEquals(1.0, ExtractionMetrics.rougeLSum("", "").f1(), EPS);
        assertEquals(0.0, ExtractionMetrics.rougeLSum("", "some truth").f1(), EPS);
        ExtractionMetrics.Score noTruth = ExtractionMetrics.rougeLSum("some text", "");
        assertEquals(1.0, noTruth.recall(), EPS);
        assertEquals(0.0, noTruth.f1(), EPS);
    }

    @Test
    void summariesReportMeanAndMedian() {
        ExtractionMetrics.Summary s = ExtractionMetrics.aggregate(List.of(
                new ExtractionMetrics.Score(1, 1, 1), new ExtractionMetrics.Score(0.5, 0.5, 0.5),
                new ExtractionMetrics.Score(0, 0, 0)));
        assertEquals(0.5, s.f1(), EPS);
        assertEquals(0.5, s.medianF1(), EPS);
        assertEquals(3, s.pages());
    }
}
