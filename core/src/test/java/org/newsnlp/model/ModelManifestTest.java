package org.newsnlp.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsnlp.NewsNlpException;

class ModelManifestTest {

    private final ModelManifest manifest = new ModelManifest("newsnlp-topic", 1, "news-bbc5", "1.0", "en",
            List.of("business", "sport"), List.of("BBC News"), Map.of("cv.accuracy", 0.98), "newsnlp topics train",
            null);

    @Test
    void roundTripsThroughJson() {
        assertEquals(manifest, ModelManifest.parse(manifest.toJson(), "m.json"));
    }

    @Test
    void wrongFormatNamesFileAndExpectedFormat() {
        NewsNlpException e = assertThrows(NewsNlpException.class,
                () -> manifest.requireFormat("newsnlp-ner", 1, "ner.model"));
        assertTrue(e.getMessage().contains("ner.model") && e.getMessage().contains("newsnlp-ner"), e.getMessage());
    }

    @Test
    void newerFormatVersionIsRejected() {
        assertThrows(NewsNlpException.class, () -> manifest.requireFormat("newsnlp-topic", 0, "m"));
    }

    @Test
    void garbageIsReportedAsNotAManifest() {
        NewsNlpException e = assertThrows(NewsNlpException.class, () -> ModelManifest.parse("{not json", "x.json"));
        assertTrue(e.getMessage().startsWith("x.json"), e.getMessage());
    }
}
