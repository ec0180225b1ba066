package org.newsnlp.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsnlp.NewsNlpException;

class EntityEvaluationTest {

    private static Entity entity(EntityType type, String name, String code, String... forms) {
        List<Mention> ms = new java.util.ArrayList<>();
        int at = 0;
        for (String f : forms) {
            ms.add(new Mention(f, at, at + f.length(), type));
            at += f.length() + 1;
        }
        return new Entity(type, name, code, 0.5, ms);
    }

    @Test
    void normalisesCaseDotsDashesAndPossessives() {
        assertEquals("jp industries", EntityEvaluation.normalise("J.P. Industries"));
        assertEquals("borg warner", EntityEvaluation.normalise("Borg-Warner"));
        assertEquals("microsoft", EntityEvaluation.normalise("Microsoft’s"));
        assertEquals("guardian", EntityEvaluation.normalise("The  Guardian"));
    }

    @Test
    void scoresDocumentLevelMatchesByAnySurfaceForm() throws IOException {
        String gold = "{\"source\":\"bbc\",\"id\":\"tech/001\",\"people\":[[\"Harry Shum\",\"Shum\"],[\"Ann Lee\"]],"
                + "\"companies\":[[\"Microsoft\"]],\"countries\":[\"CN\",\"US\"]}\n";
        List<EntityEvaluation.GoldDocument> g = EntityEvaluation.readGold(
                new ByteArrayInputStream(gold.getBytes(StandardCharsets.UTF_8)), "gold");
        List<Entity> predicted = List.of(
                entity(EntityType.PERSON, "Mr Shum", null, "Shum"),
                entity(EntityType.PERSON, "Bob Stone", null, "Bob Stone"),
                entity(EntityType.COMPANY, "Microsoft Corp.", null, "Microsoft Corp.", "Microsoft"),
                entity(EntityType.COUNTRY, "China", "CN", "Chinese"),
                entity(EntityType.ORGANIZATION, "Reuters", null, "Reuters"));
        EntityEvaluation.Result r = EntityEvaluation.score(g, Map.of("bbc:tech/001", predicted));
        EntityEvaluation.Scores p = r.scores(EntityType.PERSON);
        assertEquals(0.5, p.precision(), 1e-9);
        assertEquals(0.5, p.recall(), 1e-9);
        assertEquals(1.0, r.scores(EntityType.COMPANY).f1(), 1e-9);
        EntityEvaluation.Scores c = r.scores(EntityType.COUNTRY);
        assertEquals(1.0, c.precision(), 1e-9);
        assertEquals(0.5, c.recall(), 1e-9);
        assertTrue(r.errors().stream().anyMatch(e -> e.missed().contains("US")));
    }

    @Test
    void rejectsBadGoldRecordsNamingTheLine() {
        String bad = "{\"source\":\"bbc\",\"id\":\"a\",\"countries\":[\"USA\"]}\n";
        NewsNlpException e = assertThrows(NewsNlpException.class, () -> EntityEvaluation.readGold(
                new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)), "gold.jsonl"));
        assertTrue(e.getMessage().contains("gold.jsonl line 1"), e.getMessage());
    }

    @Test
    void unwrapsReutersLines() {
        assertEquals("Trade between the U.S. and Japan grew.\n\nIt said more.",
                EntityEvaluation.unwrapReuters("Trade between the\nU.S. and Japan grew.\n    It said more.\n Reuter\n"));
    }
}
