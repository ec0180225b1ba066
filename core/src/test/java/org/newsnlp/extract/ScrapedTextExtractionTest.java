package org.newsnlp.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.newsnlp.internal.SharedData;

class ScrapedTextExtractionTest {

    private final ArticleExtractor extractor = new JsoupArticleExtractor();

    @Test
    void separatesLeadArticleFromPromotionsCommentsAndTeasersInTheExampleScrape() throws IOException {
        Optional<Path> file = SharedData.find("examples/scraped-news-page.txt");
        if (file.isEmpty()) {
            if (SharedData.required()) {
                fail("examples/scraped-news-page.txt not found under the shared folder");
            }
            Assumptions.assumeTrue(false, "shared examples not available");
        }
        ExtractedArticle a = extractor.fromText(Files.readString(file.get()));
        assertEquals("China catching up with US in algorithms despite chip gap, says former Microsoft AI head", a.title());
        String text = a.text();
        assertTrue(text.startsWith("China still lags behind the US in artificial intelligence (AI) chips"), text);
        assertTrue(text.endsWith("while being developed at much lower costs."), text);
        assertFalse(text.contains("China catching up with US"), "headline copies stay out of the text");
        for (String chrome : List.of("logo", "Orange background", "Try Our AI Features", "Daily8", "Comments",
                "No comments yet", "Related Articles", "South China Morning Post", "Deception", "rare earth",
                "mojo", "DOWNLOAD", "app-store")) {
            assertFalse(text.contains(chrome), () -> "text contains '" + chrome + "'");
        }
        // the scraper's mid-sentence line breaks are joined; paragraphs are separated by blank lines
        assertTrue(text.contains("key aspects: chips , algorithms"), text);
        assertTrue(text.contains("closely in algorithms, and DeepSeek is a good example"), text);
        assertEquals(7, text.split("\n\n").length, text);
        List<RelatedItem> related = a.related();
        assertEquals(3, related.size(), related.toString());
        assertEquals("Deception, lies, blackmail: Is AI turning rogue? Experts alarmed over troubling outbursts",
                related.get(0).title());
        assertTrue(related.get(0).summary().startsWith("The world's most advanced artificial intelligence models"));
        assertEquals("China's rare earth curbs spur overseas projects to reduce reliance, says US developer",
                related.get(1).title());
        assertTrue(related.get(1).summary().contains("REalloys"));
        assertEquals("Now that Hong Kong has its mojo back, what next?", related.get(2).title());
        assertTrue(related.get(2).summary().startsWith("Hong Kong's return to the top three"));
        for (RelatedItem r : related) {
            assertFalse(r.summary().contains("Download"), r.summary());
        }
        assertTrue(a.notes().isEmpty(), a.notes().toString());
    }

    @Test
    void keepsReadMoreHeadlinesWithoutSummariesAsTeasers() {
        String scraped = """
                Menu
                Search
                Storm closes ports along the northern coast
                By Ana Ruiz, Staff Reporter
                Share
                Heavy rain and winds of up to 120 km/h closed three ports along the northern coast on Tuesday, the harbour authority said.
                Ferries to the islands were cancelled until further notice, and fishing boats were told to stay in harbour.
                Advertisement
                The weather service expects the storm to weaken by Thursday, but warned of flooding in low-lying towns.

                Read more
                • Floods cut off mountain villages
                • Farmers count the cost of a wet spring
                • New sea wall to protect the old town

                Comments (2)
                This is the third storm this month, when will the council act on the drainage?
                Stay safe everyone.
                """;
        ExtractedArticle a = extractor.fromText(scraped);
        assertEquals("Storm closes ports along the northern coast", a.title());
        assertEquals("""
                Heavy rain and winds of up to 120 km/h closed three ports along the northern coast on Tuesday, the \
                harbour authority said.

                Ferries to the islands were cancelled until further notice, and fishing boats were told to stay in \
                harbour.

                The weather service expects the storm to weaken by Thursday, but warned of flooding in low-lying \
                towns.""", a.text());
        assertEquals(List.of("Floods cut off mountain villages", "Farmers count the cost of a wet spring",
                        "New sea wall to protect the old town"),
                a.related().stream().map(RelatedItem::title).toList());
        assertTrue(a.related().stream().allMatch(r -> r.summary().isEmpty()));
    }

    @Test
    void readsTeasersWithSourceAndTimeLinesUnderMoreFrom() {
        String scraped = """
                Central bank holds rates as inflation eases

                The central bank kept its main rate at 4.5 per cent on Wednesday, saying inflation was easing faster than expected but that it wanted more evidence before cutting.
                Economists had expected the decision. Markets now price a first cut in the spring.

                More from The Daily Ledger

                Retail sales rise for a third month
                The Daily Ledger
                2 hours ago
                Shoppers spent more in October than in any month this year, with online sales leading the rise, according to figures published on Monday by the statistics office, which also revised September up.

                Housing starts fall to a ten-year low
                The Daily Ledger
                5 hours ago
                Builders started fewer homes last quarter than at any time in a decade, as higher borrowing costs and a shortage of workers weighed on the industry, a trade group said on Tuesday morning.
                """;
        ExtractedArticle a = extractor.fromText(scraped);
        assertEquals("Central bank holds rates as inflation eases", a.title());
        assertTrue(a.text().startsWith("The central bank kept its main rate"), a.text());
        assertTrue(a.text().endsWith("Markets now price a first cut in the spring."), a.text());
        assertFalse(a.text().contains("Retail"), a.text());
        assertEquals(2, a.related().size(), a.related().toString());
        assertEquals("Retail sales rise for a third month", a.related().get(0).title());
        assertTrue(a.related().get(0).summary().startsWith("Shoppers spent more"));
        assertEquals("Housing starts fall to a ten-year low", a.related().get(1).title());
        assertTrue(a.related().get(1).summary().startsWith("Builders started fewer homes"));
    }

    @Test
    void leavesAPlainArticleAlone() {
        String plain = """
                Council approves new cycle lanes

                The city council approved six kilometres of new cycle lanes on Monday.

                Work will start in March and finish by the end of the year, officials said.
                """;
        ExtractedArticle a = extractor.fromText(plain);
        assertEquals("Council approves new cycle lanes", a.title());
        assertEquals("The city council approved six kilometres of new cycle lanes on Monday.\n\n"
                + "Work will start in March and finish by the end of the year, officials said.", a.text());
        assertTrue(a.related().isEmpty());
    }

    @Test
    void dropsAnAppPromotionInsideTheArticleButKeepsTheTextAfterIt() {
        String scraped = """
                Rail strike called off after late-night talks

                Unions called off Friday's rail strike after talks with the operator ran late into Thursday night, both sides said in a joint statement.

                Download the app
                Get breaking news on your phone with our free app, available on the App Store and Google Play.

                The agreement includes a pay rise of 4 per cent this year and a review of rosters, which had been the main dispute between the two sides since the summer.
                """;
        ExtractedArticle a = extractor.fromText(scraped);
        assertTrue(a.text().startsWith("Unions called off"), a.text());
        assertTrue(a.text().endsWith("since the summer."), a.text());
        assertFalse(a.text().contains("App Store"), a.text());
    }

    @Test
    void saysSoWhenThereIsNoArticle() {
        ExtractedArticle a = extractor.fromText("Home\nMenu\nLog in\n");
        assertEquals("", a.text());
        assertFalse(a.notes().isEmpty());
        ExtractedArticle empty = extractor.fromText("");
        assertEquals("", empty.text());
        assertFalse(empty.notes().isEmpty());
    }
}
