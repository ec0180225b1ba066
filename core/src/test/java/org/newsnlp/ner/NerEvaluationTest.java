package org.newsnlp.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class NerEvaluationTest {

    @Test
    void countsOnlyExactEntitiesAsCorrect() {
        NerEvaluation e = NerEvaluation.accumulator()
                // gold: [EU]ORG rejects [German]MISC ; prediction: [EU rejects]ORG [German]MISC
                .add(List.of("I-ORG", "O", "I-MISC"), List.of("B-ORG", "I-ORG", "B-MISC"))
                // gold: [Peter Blackburn]PER ; prediction: same, in BIO
                .add(List.of("I-PER", "I-PER"), List.of("B-PER", "I-PER"))
                .result();
        assertEquals(3, e.overall().gold());
        assertEquals(3, e.overall().guessed());
        assertEquals(2, e.overall().correct());
        assertEquals(2.0 / 3, e.overall().f1(), 1e-9);
        assertEquals(0.0, e.byType().get("ORG").f1(), 1e-9);
        assertEquals(1.0, e.byType().get("PER").f1(), 1e-9);
        assertEquals(1.0, e.byType().get("MISC").precision(), 1e-9);
        assertEquals(4.0 / 5, e.tokenAccuracy(), 1e-9);
        assertTrue(e.report().contains("FB1:  66.67"), e.report());
    }

    @Test
    void typeMismatchIsAnErrorOnBothSides() {
        NerEvaluation e = NerEvaluation.accumulator().add(List.of("I-LOC"), List.of("B-ORG")).result();
        assertEquals(0, e.overall().correct());
        assertEquals(1, e.byType().get("LOC").gold());
        assertEquals(1, e.byType().get("ORG").guessed());
        assertEquals(0.0, e.overall().f1());
    }

    @Test
    void rejectsSentencesOfDifferentLengths() {
        assertThrows(IllegalArgumentException.class,
                () -> NerEvaluation.accumulator().add(List.of("O"), List.of("O", "O")));
    }

    @Test
    void metricsAreNamedForTheManifest() {
        NerEvaluation e = NerEvaluation.accumulator().add(List.of("I-PER"), List.of("I-PER")).result();
        assertEquals(1.0, e.metrics("dev.").get("dev.f1"));
        assertEquals(1.0, e.metrics("dev.").get("dev.PER.f1"));
    }
}
