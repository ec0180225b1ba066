package org.newsnlp.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsoupArticleExtractorTest {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
              <meta charset="utf-8">
              <title>Bridge reopens after repairs | The Riverside Gazette</title>
              <meta property="og:title" content="Bridge reopens after two years of repairs">
              <meta property="og:site_name" content="The Riverside Gazette">
              <meta name="author" content="Maria Lopez">
              <meta property="article:published_time" content="2024-03-05T08:30:00+01:00">
              <link rel="canonical" href="https://gazette.example/news/bridge-reopens">
            </head>
            <body>
              <div id="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
              <header class="site-header"><a href="/">The Riverside Gazette</a>
                <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
                <li><a href="/weather">Weather</a></li></ul></nav></header>
              <main>
                <article>
                  <h1>Bridge reopens after two years of repairs</h1>
                  <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
                  <p class="byline">By Maria Lopez</p>
                  <div class="article-body">
                    <p>The old stone bridge over the river reopened to traffic on Tuesday, two years after floods
                       damaged its central arch and forced the council to close it.</p>
                    <p>Engineers replaced more than <a href="/tags/stone">400 stones</a> and strengthened the
                       foundations, the council said, at a cost of 3.2 million euros.</p>
                    <h2>A long detour ends</h2>
                    <p>Drivers had faced a detour of twelve kilometres while the work went on, and shop owners on
                       both banks said they had lost customers.</p>
                    <blockquote>"We are delighted to have our bridge back," said the mayor, Jan Novak.</blockquote>
                    <ul><li>Speed limit on the bridge: 30 km/h, for all vehicles.</li>
                        <li>Lorries over 7.5 tonnes remain banned from crossing.</li></ul>
                    <div class="ad-slot">Advertisement</div>
                    <p>The council plans a small ceremony on Saturday, with music and a market on the east bank.</p>
                  </div>
                  <div class="related-articles"><h3>Related</h3><ul>
                    <li><a href="/a">Floods hit the valley again</a></li>
                    <li><a href="/b">Council approves new budget for roads</a></li></ul></div>
                  <section id="comments"><h3>3 comments</h3>
                    <div class="comment"><p>Finally! It took them far too long to repair a bridge this small, in my opinion.</p></div>
                    <div class="comment"><p>Great news for the shops on the east bank, they really suffered.</p></div>
                  </section>
                </article>
              </main>
              <aside class="sidebar"><h3>Most read</h3><ol><li><a href="/x">Mayor opens new school</a></li>
                <li><a href="/y">Weather warning for the weekend</a></li></ol></aside>
              <footer><p>Copyright 2024 The Riverside Gazette. All rights reserved.</p>
                <a href="/privacy">Privacy policy</a></footer>
            </body>
            </html>
            """;

    private final ArticleExtractor extractor = new JsoupArticleExtractor();

    @Test
    void keepsParagraphsHeadingsQuotesAndListsOfTheArticle() {
        ExtractedArticle a = extractor.fromHtml(PAGE, "https://gazette.example/news/bridge-reopens?ref=rss");
        String text = a.text();
        assertTrue(text.startsWith("The old stone bridge over the river reopened"), text);
        assertTrue(text.contains("\n\nA long detour ends\n\n"), text);
        assertTrue(text.contains("\"We are delighted to have our bridge back,\" said the mayor, Jan Novak."), text);
        assertTrue(text.contains("Lorries over 7.5 tonnes remain banned from crossing."), text);
        assertTrue(text.endsWith("with music and a market on the east bank."), text);
        assertTrue(text.contains("more than 400 stones and strengthened"), "links inside paragraphs stay: " + text);
    }

    @Test
    void dropsNavigationShareBarsAdsCookiesRelatedCommentsAndFooter() {
        String text = extractor.fromHtml(PAGE, null).text();
        for (String chrome : List.of("cookies", "Sport", "Weather", "Share on Facebook", "Tweet", "Advertisement",
                "Floods hit the valley", "Council approves", "comments", "Finally!", "Most read", "Mayor opens",
                "Copyright", "Privacy")) {
            assertFalse(text.contains(chrome), () -> "text contains '" + chrome + "': " + text);
        }
        assertFalse(text.contains("Bridge reopens after two years"), "the headline is metadata, not text");
    }

    @Test
    void readsMetadataFromMetaTagsAndOpenGraph() {
        ArticleMetadata m = extractor.fromHtml(PAGE, "https://gazette.example/news/bridge-reopens?ref=rss").metadata();
        assertEquals("Bridge reopens after two years of repairs", m.title());
        assertEquals("Maria Lopez", m.byline());
        assertEquals("2024-03-05T08:30:00+01:00", m.published());
        assertEquals("The Riverside Gazette", m.site());
        assertEquals("https://gazette.example/news/bridge-reopens", m.canonicalUrl());
        assertEquals("https://gazette.example/news/bridge-reopens?ref=rss", m.url());
        assertEquals("en", m.language());
    }

    @Test
    void readsJsonLdNewsArticleAndUsesItsBodyWhenTheMarkupHidesTheText() {
        String html = """
                <html><head><title>x</title>
                <script type="application/ld+json">
                {"@context":"https://schema.org","@graph":[
                  {"@type":"WebSite","name":"Example News"},
                  {"@type":"NewsArticle","headline":"Parliament passes the climate bill",
                   "datePublished":"2023-11-02T14:00:00Z","inLanguage":"de-DE",
                   "author":[{"@type":"Person","name":"Jonas Weber"},{"@type":"Person","name":"Lea Braun"}],
                   "publisher":{"@type":"Organization","name":"Example News"},
                   "articleBody":"Parliament passed the climate bill on Thursday with a large majority, after two days of debate in which the opposition tried to delay the vote.\\nThe law sets a binding target of cutting emissions by 65 per cent by 2030 and creates a fund to help households pay for new heating systems over the next decade."}
                ]}
                </script></head>
                <body><div id="app"><a href="/">Home</a> <a href="/politics">Politics</a></div>
                <noscript>Please enable JavaScript to read this article.</noscript></body></html>
                """;
        ExtractedArticle a = extractor.fromHtml(html, null);
        assertEquals("Parliament passes the climate bill", a.title());
        assertEquals("Jonas Weber, Lea Braun", a.metadata().byline());
        assertEquals("2023-11-02T14:00:00Z", a.metadata().published());
        assertEquals("Example News", a.metadata().site());
        assertEquals("de", a.metadata().language());
        assertTrue(a.text().startsWith("Parliament passed the climate bill on Thursday"), a.text());
        assertTrue(a.text().contains("\n\nThe law sets a binding target"), a.text());
        assertFalse(a.notes().isEmpty(), "the fallback is noted");
    }

    @Test
    void readsTheDateFromTimeElementsAndLanguageFromMetaTags() {
        String html = """
                <html><head><meta http-equiv="content-language" content="fr"></head><body>
                <div class="story"><h1>Le marché de Noël ouvre ses portes</h1>
                <time datetime="2022-12-01">1 décembre 2022</time>
                <p>Le marché de Noël de la place centrale a ouvert ses portes vendredi soir, avec plus de cent chalets et une grande roue.</p>
                <p>Les organisateurs attendent un million de visiteurs jusqu'au 31 décembre, un chiffre record pour la ville.</p>
                </div></body></html>
                """;
        ExtractedArticle a = extractor.fromHtml(html, null);
        assertEquals("2022-12-01", a.metadata().published());
        assertEquals("fr", a.metadata().language());
        assertEquals("Le marché de Noël ouvre ses portes", a.title());
        assertTrue(a.text().contains("un chiffre record pour la ville."), a.text());
    }

    @Test
    void dropsCallsToActionAndParagraphsTheJsonLdBodyLacks() {
        String p1 = "The regional government approved a plan on Wednesday to build four new hospitals by 2030, "
                + "with a budget of 1.2 billion euros spread over six years.";
        String p2 = "Opposition parties said the plan came too late and asked for the first hospital to open "
                + "before the next election, in two years' time.";
        String p3 = "Health workers' unions welcomed the decision but warned that the new buildings would need "
                + "several thousand more nurses and doctors to run.";
        String html = "<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\","
                + "\"headline\":\"Four new hospitals approved\",\"articleBody\":\"" + p1 + " " + p2 + " " + p3
                + "\"}</script></head><body><article class='story'>"
                + "<p>" + p1 + "</p>"
                + "<p>Read more: <a href='/x'>Why hospital waiting lists keep growing</a> and what the region plans</p>"
                + "<p>" + p2 + "</p>"
                + "<p>The photographer who took the pictures above has won several prizes for her work.</p>"
                + "<p>" + p3 + "</p></article></body></html>";
        ExtractedArticle a = extractor.fromHtml(html, null);
        assertEquals(p1 + "\n\n" + p2 + "\n\n" + p3, a.text());
    }

    @Test
    void ignoresLayoutUtilityClassesAndDropsAuthorBoxes() {
        String html = "<html><body><div class='row'><div class='col-md-8 hidden-xs text-left'>"
                + "<div class='tag-politics entry-category-social'>"
                + "<p>The mayor presented the new transport plan on Friday, promising a tram line to the airport "
                + "and more frequent buses in the suburbs by the end of next year.</p>"
                + "<p>The plan still needs the approval of the regional parliament, which votes in March, and of "
                + "the national rail operator, whose tracks the tram would share.</p></div>"
                + "<div class='author-box'><p>Jane Doe covers city hall and transport for the paper and has "
                + "written about urban planning for more than fifteen years.</p></div>"
                + "</div><div class='col-md-4 sidebar'><p>Sign up for the morning briefing, delivered to your "
                + "inbox every weekday before seven o'clock, with the news you need.</p></div></div></body></html>";
        String text = extractor.fromHtml(html, null).text();
        assertTrue(text.startsWith("The mayor presented the new transport plan"), text);
        assertTrue(text.endsWith("whose tracks the tram would share."), text);
    }

    private static final String[] STORY = {
            "The city council voted on Tuesday to close the old swimming pool at the end of the summer, after "
                    + "engineers found cracks in the roof that would cost more to repair than a new building.",
            "Swimming clubs, schools and residents who use the pool every week said they had not been asked, and "
                    + "several hundred of them gathered outside the town hall before the vote.",
            "The mayor promised a temporary pool in the sports park by next spring and a new building within "
                    + "four years, paid for by the sale of the land under the old one."};

    private static String story() {
        StringBuilder sb = new StringBuilder();
        for (String p : STORY) {
            sb.append("<p>").append(p).append("</p>");
        }
        return sb.toString();
    }

    private static String expectedStory() {
        return String.join("\n\n", STORY);
    }

    @Test
    void readerCommentsAfterACommentsLabelAreNotArticle() {
        String html = "<html><body><div>" + story() + "<hr><b>Comments are now closed for this story</b><br><br>"
                + "<b>Ann</b><br>I have swum there every Sunday for thirty years and nobody asked us what we "
                + "thought about any of this, which is a disgrace.<br><br><hr>"
                + "<b>Tom</b><br>The roof has been leaking for a decade, everyone knew it, and the council did "
                + "nothing until it was too late to save the building.<br></div></body></html>";
        assertEquals(expectedStory(), extractor.fromHtml(html, null).text());
    }

    @Test
    void aCommentsLabelInAShareBarInsideTheArticleDoesNotEndIt() {
        String html = "<html><body><div><p>" + STORY[0] + "</p><p>" + STORY[1] + "</p>"
                + "<ul class='share-tools'><li>Share</li><li>Comments</li></ul>"
                + "<p>" + STORY[2] + "</p></div></body></html>";
        assertEquals(expectedStory(), extractor.fromHtml(html, null).text());
    }

    @Test
    void readerCommentsFoundByTheirSignaturesAreNotArticle() {
        String comments = "<p>Posted by: Ann, Riverside on 8:21pm Tue 1 Jan 08</p><p>I have swum there every "
                + "Sunday for thirty years and nobody asked us what we thought about any of this.</p>"
                + "<p>Posted by: Tom, Hill End on 9:06pm Tue 1 Jan 08</p><p>The roof has been leaking for a "
                + "decade, everyone knew it, and the council did nothing until it was too late.</p>";
        String html = "<html><body><div>" + story() + comments + "</div></body></html>";
        assertEquals(expectedStory(), extractor.fromHtml(html, null).text());
    }

    @Test
    void aSingleByLineLikeSignatureInTheArticleStays() {
        String html = "<html><body><div>" + story() + "<p>Posted by Ann Lee on 5 March 2024 at 10:30</p>"
                + "</div></body></html>";
        assertTrue(extractor.fromHtml(html, null).text().startsWith(expectedStory()));
    }

    @Test
    void teasersAfterARelatedLabelAreNotArticle() {
        String html = "<html><body><div>" + story() + "<h3>Other news</h3>"
                + "<h4><a href='/a'>Library opens on Sundays</a></h4><p>The central library will open on Sunday "
                + "afternoons from next month, the council said on Monday.</p>"
                + "<h4><a href='/b'>New bus timetable</a></h4><p>Buses on the river line will run every ten "
                + "minutes at rush hour from the start of June.</p></div></body></html>";
        assertEquals(expectedStory(), extractor.fromHtml(html, null).text());
    }

    @Test
    void anInlineRelatedBoxDoesNotCutTheRestOfTheArticle() {
        String html = "<html><body><div><p>" + STORY[0] + "</p><h3>Related stories</h3><ul>"
                + "<li><a href='/a'>Library opens on Sundays</a></li><li><a href='/b'>New bus timetable</a></li>"
                + "</ul><p>" + STORY[1] + "</p><p>" + STORY[2] + "</p></div></body></html>";
        assertEquals(expectedStory(), extractor.fromHtml(html, null).text());
    }

    @Test
    void aRelatedAsideBeforeTheLastParagraphDoesNotCutIt() {
        String last = "The council will hold a public meeting on the plans for the new building in the town hall "
                + "on the first Monday of next month, and residents may send their views in writing.";
        String html = "<html><body><div>" + story() + "<aside class='related-links'><h3>Related</h3>"
                + "<p><a href='/a'>Library opens on Sundays</a></p><p><a href='/b'>New bus timetable</a></p>"
                + "</aside><p>" + last + "</p></div></body></html>";
        assertEquals(expectedStory() + "\n\n" + last, extractor.fromHtml(html, null).text());
    }

    @Test
    void aWidgetCutOffFromTheArticleByLinksIsDropped() {
        StringBuilder links = new StringBuilder("<ul>");
        for (int i = 0; i < 12; i++) {
            links.append("<li><a href='/s").append(i).append("'>Section ").append(i).append("</a></li>");
        }
        links.append("</ul>");
        String html = "<html><body><div><table><tr><td><p>Get 10% off your next copy of the paper by direct "
                + "delivery, ask your newsagent.</p></td></tr></table>" + links + story() + "</div></body></html>";
        assertEquals(expectedStory(), extractor.fromHtml(html, null).text());
    }

    @ParameterizedTest
    @CsvSource({
            "2024-03-05T08:30:00+01:00, 2024-03-05T08:30:00+01:00",
            "2024-03-05T08:30:00Z, 2024-03-05T08:30:00Z",
            "2024-03-05 08:30:00+0100, 2024-03-05T08:30:00+01:00",
            "2024-03-05T08:30:00, 2024-03-05T08:30:00",
            "2024-03-05, 2024-03-05",
            "'Tue, 5 Mar 2024 08:30:00 GMT', 2024-03-05T08:30:00Z",
            "2024/3/5 morning, 2024-03-05",
    })
    void normalisesDatesToIso8601(String raw, String iso) {
        assertEquals(iso, PageMetadata.isoDate(raw));
    }

    @ParameterizedTest
    @CsvSource({"en-US, en", "en_GB, en", "DE, de", "deu, de", "iw, he", "pt-BR, pt", "English, en"})
    void normalisesDeclaredLanguagesToIso6391(String raw, String code) {
        assertEquals(code, PageMetadata.isoLanguage(raw));
    }

    @Test
    void unknownDatesAndLanguagesAreNull() {
        assertNull(PageMetadata.isoDate("yesterday afternoon"));
        assertNull(PageMetadata.isoLanguage(""));
    }

    @Test
    void worksUnderTheTurkishLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            ExtractedArticle a = extractor.fromHtml(PAGE.replace("<html lang=\"en-GB\">", "<HTML LANG=\"EN-GB\">")
                    .replace("class=\"sidebar\"", "class=\"SIDEBAR\""), null);
            assertEquals("en", a.metadata().language());
            assertFalse(a.text().contains("Most read"), a.text());
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void oneInstanceGivesIdenticalResultsOnManyThreads() throws Exception {
        ExtractedArticle expected = extractor.fromHtml(PAGE, null);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ExtractedArticle>> futures = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                futures.add(pool.submit(() -> extractor.fromHtml(PAGE, null)));
            }
            for (Future<ExtractedArticle> f : futures) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
