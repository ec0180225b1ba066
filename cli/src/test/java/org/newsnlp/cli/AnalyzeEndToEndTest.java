package org.newsnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsnlp.AnalyzedArticle;
import org.newsnlp.NewsAnalyzer;
import org.newsnlp.entity.Entity;
import org.newsnlp.entity.EntityType;
import org.newsnlp.entity.Mention;
import org.newsnlp.internal.SharedData;
import org.newsnlp.text.Token;

/** The whole default pipeline on real pages: the shared scraped example and the page the repo ships. */
class AnalyzeEndToEndTest {

    private static NewsAnalyzer analyzer;
    private static String scraped;

    @BeforeAll
    static void load() throws IOException {
        analyzer = NewsAnalyzer.withDefaultModels();
        Optional<Path> p = SharedData.find("examples/scraped-news-page.txt");
        if (p.isEmpty()) {
            if (SharedData.required()) {
                fail("../shared/examples/scraped-news-page.txt is missing (CI=true requires it)");
            }
            return;
        }
        scraped = Files.readString(p.get(), StandardCharsets.UTF_8);
    }

    private static Set<String> names(AnalyzedArticle a, EntityType type) {
        return a.entities(type).stream().map(Entity::name).collect(Collectors.toSet());
    }

    private static Set<String> codes(AnalyzedArticle a) {
        return a.entities(EntityType.COUNTRY).stream().map(Entity::code).collect(Collectors.toSet());
    }

    static void assertOffsetsValid(AnalyzedArticle a) {
        String text = a.text();
        for (Token t : a.tokens()) {
            assertEquals(t.text(), text.substring(t.start(), t.end()));
        }
        for (Entity e : a.entities()) {
            for (Mention m : e.mentions()) {
                assertEquals(m.text(), text.substring(m.start(), m.end()), "mention of " + e.name());
            }
        }
        for (int i = 1; i < a.entities().size(); i++) {
            assertTrue(a.entities().get(i - 1).salience() >= a.entities().get(i).salience(), "sorted by salience");
        }
    }

    @Test
    void findsTheLeadArticlesPeopleCompaniesCountriesAndTopic() {
        Assumptions.assumeTrue(scraped != null, "shared example missing");
        AnalyzedArticle a = analyzer.analyzeText(scraped);
        assertEquals("China catching up with US in algorithms despite chip gap, says former Microsoft AI head",
                a.title());
        assertEquals("en", a.language().code());
        assertTrue(names(a, EntityType.PERSON).contains("Harry Shum Heung-yeung"), names(a, EntityType.PERSON).toString());
        Set<String> companies = names(a, EntityType.COMPANY);
        assertTrue(companies.containsAll(List.of("Microsoft", "DeepSeek", "OpenAI", "Google")), companies.toString());
        assertTrue(codes(a).containsAll(List.of("CN", "US")), codes(a).toString());
        assertEquals("tech", a.topTopic().label());
        assertOffsetsValid(a);
    }

    @Test
    void relatedTeasersStayOutOfTheArticle() {
        Assumptions.assumeTrue(scraped != null, "shared example missing");
        AnalyzedArticle a = analyzer.analyzeText(scraped);
        assertFalse(a.text().contains("Related Articles"), "teaser heading leaked into the text");
        assertFalse(a.text().contains("DOWNLOAD THE APP"), "app promotion leaked into the text");
        assertFalse(names(a, EntityType.COMPANY).contains("Anthropic"), "teaser company leaked into entities");
        assertFalse(names(a, EntityType.PERSON).contains("David Argyle"), "teaser person leaked into entities");
        assertEquals(3, a.related().size(), a.related().toString());
    }

    @Test
    void oneAnalyzerSharedByManyThreadsGivesIdenticalResults() throws Exception {
        Path page = Paths.get("..", "examples", "semiconductor-deal.html");
        String html = Files.readString(page, StandardCharsets.UTF_8);
        List<String> inputs = new ArrayList<>();
        inputs.add(html);
        inputs.add(Files.readString(Paths.get("..", "examples", "semiconductor-deal.txt"), StandardCharsets.UTF_8));
        if (scraped != null) {
            inputs.add(scraped);
        }
        List<AnalyzedArticle> expected = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            expected.add(i == 0 ? analyzer.analyzeHtml(inputs.get(i), null) : analyzer.analyzeText(inputs.get(i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<AnalyzedArticle>> futures = new ArrayList<>();
            for (int round = 0; round < 16; round++) {
                for (int i = 0; i < inputs.size(); i++) {
                    final int k = i;
                    futures.add(pool.submit(() -> k == 0 ? analyzer.analyzeHtml(inputs.get(k), null)
                            : analyzer.analyzeText(inputs.get(k))));
                }
            }
            for (int j = 0; j < futures.size(); j++) {
                assertEquals(expected.get(j % inputs.size()), futures.get(j).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shippedExamplePageYieldsItsEntities() throws IOException {
        String html = Files.readString(Paths.get("..", "examples", "semiconductor-deal.html"), StandardCharsets.UTF_8);
        AnalyzedArticle a = analyzer.analyzeHtml(html, "https://harbourledger.example/business/x");
        assertTrue(a.title().startsWith("Nvidia and Samsung sign chip packaging pact"), a.title());
        assertFalse(a.text().contains("Most read"), "sidebar leaked");
        assertFalse(a.text().contains("Accept all"), "cookie banner leaked");
        assertFalse(a.text().contains("chipwatcher"), "comments leaked");
        assertTrue(names(a, EntityType.PERSON).contains("Jensen Huang"), names(a, EntityType.PERSON).toString());
        assertTrue(names(a, EntityType.COMPANY).contains("Nvidia"), names(a, EntityType.COMPANY).toString());
        assertTrue(codes(a).containsAll(List.of("KR", "US", "TW")), codes(a).toString());
        assertNotNull(a.topTopic());
        assertOffsetsValid(a);
    }

    @Test
    void cliPrintsValidJsonWithOffsetsIntoText() throws Exception {
        ExtractCommandTest.Run r = ExtractCommandTest.run("analyze", "--format", "jsonl",
                Paths.get("..", "examples", "semiconductor-deal.html").toString());
        assertEquals(0, r.status(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out().strip());
        String text = doc.get("text").asText();
        assertTrue(doc.get("entities").size() > 3);
        for (JsonNode e : doc.get("entities")) {
            for (JsonNode m : e.get("mentions")) {
                assertEquals(m.get("text").asText(), text.substring(m.get("start").asInt(), m.get("end").asInt()));
            }
            if (e.get("type").asText().equals("COUNTRY")) {
                assertEquals(2, e.get("code").asText().length());
            }
        }
        assertTrue(doc.get("topics").get(0).get("score").asDouble() > 0.0);
    }
}
