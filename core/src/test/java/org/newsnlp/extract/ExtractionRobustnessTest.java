package org.newsnlp.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExtractionRobustnessTest {

    private static final String PARAGRAPH = "<p>The committee met again on Monday to discuss the budget for next year, "
            + "and members said they expected a decision before the end of the month.</p>\n";

    private final ArticleExtractor extractor = new JsoupArticleExtractor();

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\n", "<html></html>", "<html><body></body></html>", "<!-- nothing -->"})
    void emptyPagesGiveEmptyTextAndSaySo(String html) {
        ExtractedArticle a = extractor.fromHtml(html, null);
        assertEquals("", a.text());
        assertFalse(a.notes().isEmpty());
    }

    @Test
    void nullInputsAreEmptyPages() {
        assertEquals("", extractor.fromHtml(null, null).text());
        assertEquals("", extractor.fromText(null).text());
    }

    @Test
    void aPageOfNavigationOnlyHasNoArticle() {
        String html = "<html><body><nav><ul><li><a href='/a'>News</a></li><li><a href='/b'>Sport</a></li></ul></nav>"
                + "<footer><a href='/c'>Contact</a></footer></body></html>";
        ExtractedArticle a = extractor.fromHtml(html, null);
        assertEquals("", a.text());
        assertTrue(a.notes().stream().anyMatch(n -> n.contains("no article")), a.notes().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<html><body><div><p>Unclosed <b>bold <i>italic " + "text that goes on and on about the budget, the committee and the council.",
            "<p>One</p></div></div></span></table><p>Two paragraphs, with stray end tags, about the budget and the council.</p>",
            "<html><head><title>Broken</head><body><p>The title was never closed, but the page goes on about the budget.</p>",
            "<table><tr><td><p>Text in a table cell<td>another cell<tr><td>row without end tags, about the council budget.",
            "<<<>>>&&&;;;<p>&bogus; &#xZZZ; &#99999999; entities and the committee's budget, in a malformed page.</p>",
            "<script>document.write('<p>not text</p>')</script><p>Only this paragraph about the budget is text, and it is long enough.</p>",
            "\u0000\u0001<p>Control characters \uFFFF and lone surrogates \uD800 in the text about the budget committee.</p>",
    })
    void malformedMarkupNeverThrows(String html) {
        ExtractedArticle a = extractor.fromHtml(html, "not a url");
        assertFalse(a.text().contains("not text"), a.text());
    }

    @Test
    void anUnclosedTitleIsRepairedSoTheArticleIsFound() {
        String html = "<html><head><title>Budget approved" + "\n<body><div class='story'>" + PARAGRAPH.repeat(5)
                + "</div></body></html>";
        ExtractedArticle a = extractor.fromHtml(html, null);
        assertTrue(a.text().startsWith("The committee met again on Monday"), a.text());
    }

    @Test
    void aTitleWithAMangledEndTagIsRepaired() {
        String html = "<html><head><title id='t'>Budget approved</titlevalue=\"true\" -->\n</head><body>"
                + "<div class='story'>" + PARAGRAPH.repeat(5) + "</div></body></html>";
        ExtractedArticle a = extractor.fromHtml(html, null);
        assertTrue(a.text().startsWith("The committee met again on Monday"), a.text());
    }

    @Test
    void aTenMegabytePageIsExtracted() {
        StringBuilder sb = new StringBuilder(11 << 20);
        sb.append("<html><body><nav><a href='/'>Home</a></nav><div class='article'>");
        while (sb.length() < 10 << 20) {
            sb.append(PARAGRAPH);
        }
        sb.append("</div></body></html>");
        ExtractedArticle a = extractor.fromHtml(sb.toString(), null);
        assertTrue(a.text().startsWith("The committee met again"), "text starts with the first paragraph");
        assertFalse(a.text().contains("Home"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"div", "span", "b", "table", "li", "blockquote", "a"})
    void markupNested100000LevelsDeepDoesNotOverflowTheStack(String tag) {
        int depth = 100_000;
        String open = "<" + tag + ">";
        String close = "</" + tag + ">";
        StringBuilder sb = new StringBuilder(depth * (open.length() + close.length()) + 1000);
        sb.append("<html><body>");
        for (int i = 0; i < depth; i++) {
            sb.append(open);
        }
        sb.append(PARAGRAPH);
        for (int i = 0; i < depth; i++) {
            sb.append(close);
        }
        sb.append(PARAGRAPH).append("</body></html>");
        ExtractedArticle a = extractor.fromHtml(sb.toString(), null);
        assertTrue(a.text().contains("The committee met again on Monday"), a.text());
    }

    @Test
    void deeplyNestedJsonLdDoesNotThrow() {
        String json = "[".repeat(50_000) + "]".repeat(50_000);
        String html = "<html><head><script type='application/ld+json'>" + json + "</script></head><body>"
                + PARAGRAPH.repeat(3) + "</body></html>";
        ExtractedArticle a = extractor.fromHtml(html, null);
        assertTrue(a.text().startsWith("The committee met again"), a.text());
    }

    @Test
    void scrapedTextWithOddLinesNeverThrows() {
        String odd = "\n\n\r\n\u2022\n\u2022 \n   \nRelated\nComments\n\u0000\n" + "x ".repeat(100_000);
        ExtractedArticle a = extractor.fromText(odd);
        assertTrue(a.related().size() >= 0);
        ExtractedArticle lines = extractor.fromText("word\n".repeat(200_000));
        assertEquals("", lines.text());
    }
}
