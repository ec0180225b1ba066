package org.newsnlp.models.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsnlp.NewsNlpException;
import org.newsnlp.entity.Entity;
import org.newsnlp.entity.EntityRecognizer;
import org.newsnlp.entity.EntityType;
import org.newsnlp.entity.Mention;
import org.newsnlp.extract.ExtractedArticle;
import org.newsnlp.extract.JsoupArticleExtractor;
import org.newsnlp.internal.SharedData;
import org.newsnlp.model.DefaultModels;
import org.newsnlp.text.TextSegmenter;
import org.newsnlp.text.TokenizedText;

/** The default recognizer and resolver on the shared example page (a scraped news article about AI chips). */
class ExamplePageEntitiesTest {

    private static String text;
    private static List<Entity> entities;

    @BeforeAll
    static void analyse() throws IOException {
        Optional<Path> page = SharedData.find("examples/scraped-news-page.txt");
        if (page.isEmpty()) {
            if (SharedData.required()) {
                fail("CI=true but examples/scraped-news-page.txt was not found in the shared folder");
            }
            Assumptions.assumeTrue(false, "shared example page not found");
        }
        EntityRecognizer recognizer;
        try {
            recognizer = DefaultModels.entityRecognizer();
        } catch (NewsNlpException e) {
            Assumptions.assumeTrue(false, "default NER model not on the classpath: " + e.getMessage());
            return;
        }
        ExtractedArticle article = new JsoupArticleExtractor().fromText(Files.readString(page.get()));
        text = article.text();
        TokenizedText t = TextSegmenter.english().segment(text);
        entities = DefaultModels.entityResolver().resolve(t, article.title(), recognizer.recognize(t));
    }

    private static Set<String> names(EntityType type) {
        return entities.stream().filter(e -> e.type() == type).map(Entity::name).collect(Collectors.toSet());
    }

    @Test
    void findsTheCountriesWithTheirCodes() {
        Set<String> codes = entities.stream().filter(e -> e.type() == EntityType.COUNTRY).map(Entity::code)
                .collect(Collectors.toSet());
        assertTrue(codes.containsAll(Set.of("CN", "US")), codes.toString());
    }

    @Test
    void findsTheCompaniesIncludingThoseTheTaggerMissed() {
        Set<String> companies = names(EntityType.COMPANY);
        assertTrue(companies.containsAll(Set.of("Microsoft", "DeepSeek", "OpenAI", "Google")), companies.toString());
        assertTrue(names(EntityType.ORGANIZATION).contains("Hong Kong University of Science and Technology"));
    }

    @Test
    void groupsHarryShumIntoOnePerson() {
        List<Entity> shum = entities.stream()
                .filter(e -> e.type() == EntityType.PERSON && e.name().contains("Shum")).toList();
        assertEquals(1, shum.size(), shum.toString());
        assertTrue(shum.get(0).mentions().size() >= 4, shum.get(0).mentions().toString());
        assertTrue(shum.get(0).name().startsWith("Harry Shum"), shum.get(0).name());
    }

    @Test
    void mentionsPointIntoTheTextAndEntitiesAreSortedBySalience() {
        double last = 1.0;
        for (Entity e : entities) {
            assertTrue(e.salience() <= last);
            last = e.salience();
            for (Mention m : e.mentions()) {
                assertEquals(text.substring(m.start(), m.end()), m.text());
                assertTrue(!m.text().endsWith("'s"), m.text());
            }
        }
        assertEquals("CN", entities.get(0).code(), "China leads the article: " + entities.get(0));
    }
}
