package org.newsnlp.models.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsnlp.entity.EntityRecognizer;
import org.newsnlp.internal.SharedData;
import org.newsnlp.model.DefaultModels;
import org.newsnlp.model.ModelManifest;
import org.newsnlp.ner.ConllReader;
import org.newsnlp.ner.NerEvaluation;
import org.newsnlp.ner.PerceptronEntityRecognizer;

/** The shipped English NER model: it loads from the classpath and meets its dev F1 on CoNLL-2003 testa. */
class ShippedNerModelTest {

    static PerceptronEntityRecognizer ner;

    @BeforeAll
    static void load() {
        ner = PerceptronEntityRecognizer.loadDefault();
    }

    static Path shared(String relative) {
        Optional<Path> p = SharedData.find(relative);
        if (p.isEmpty()) {
            if (SharedData.required()) {
                fail("shared data " + relative + " is missing");
            }
            Assumptions.assumeTrue(false, "shared data " + relative + " not found");
        }
        return p.get();
    }

    @Test
    void manifestDescribesTheModel() {
        ModelManifest m = ner.manifest();
        assertEquals("newsnlp-ner", m.format());
        assertEquals("ner-en", m.name());
        assertEquals(List.of("PER", "ORG", "LOC", "MISC"), m.labels());
        assertTrue(m.command() != null && m.command().contains("ner train"), m.command());
        assertTrue(m.metrics().get("dev.f1") >= 0.92, m.metrics().toString());
    }

    @Test
    void defaultModelsServeTheShippedRecognizer() {
        EntityRecognizer r = DefaultModels.entityRecognizer();
        assertTrue(r instanceof PerceptronEntityRecognizer);
    }

    @Test
    void meetsItsDevF1OnConllTesta() throws IOException {
        NerEvaluation e = ner.evaluate(ConllReader.read(shared("datasets/conll2003/eng.testa.gz")));
        assertTrue(e.overall().f1() >= 0.925, e.report());
        assertTrue(e.byType().get("PER").f1() >= 0.93, e.report());
        assertTrue(e.byType().get("LOC").f1() >= 0.94, e.report());
        assertTrue(e.byType().get("ORG").f1() >= 0.86, e.report());
        assertTrue(e.byType().get("MISC").f1() >= 0.86, e.report());
        assertEquals(ner.manifest().metrics().get("dev.f1"), Math.round(e.overall().f1() * 10000) / 10000.0, 1e-4,
                "the manifest's dev.f1 is what the shipped model scores");
    }
}
