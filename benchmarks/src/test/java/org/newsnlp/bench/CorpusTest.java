package org.newsnlp.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.newsnlp.extract.JsoupArticleExtractor;

class CorpusTest {

    @Test
    void shipsEightArticlesInThreeSizes() {
        List<Corpus.Article> all = Corpus.shipped();
        assertEquals(8, all.size());
        for (Corpus.Size s : Corpus.Size.values()) {
            assertTrue(all.stream().anyMatch(a -> s.holds(a.words())), "no shipped article of size " + s);
        }
        for (Corpus.Article a : all) {
            assertFalse(a.title().isBlank(), a.id());
            assertTrue(a.words() >= 200 && a.words() <= 1500, a.id() + " has " + a.words() + " words");
            assertTrue(a.html().contains("<h1>"), a.id());
        }
    }

    @Test
    void shippedPagesHoldTheirArticleText() {
        JsoupArticleExtractor extractor = new JsoupArticleExtractor();
        for (Corpus.Article a : Corpus.shipped()) {
            String extracted = extractor.fromHtml(a.html(), null).text();
            String firstParagraph = a.text().split("\n")[0];
            assertTrue(extracted.contains(firstParagraph.substring(0, 60)), a.id() + " extracted: " + extracted);
        }
    }

    @ParameterizedTest
    @EnumSource(Corpus.Size.class)
    void givesADeterministicSampleOfEachSize(Corpus.Size size) {
        List<Corpus.Article> a = Corpus.articles(size);
        assertFalse(a.isEmpty());
        assertTrue(a.size() <= Corpus.MAX_ARTICLES);
        assertTrue(a.stream().allMatch(x -> size.holds(x.words())));
        assertEquals(a, Corpus.articles(size.name().toLowerCase(java.util.Locale.ROOT)));
    }

    @Test
    void wrapsTextInAPageWithEscapedMarkup() {
        String page = Corpus.page("Profits <up> & \"away\"", "First para.\nSecond para.");
        assertTrue(page.contains("<h1>Profits &lt;up&gt; &amp; &quot;away&quot;</h1>"), page);
        assertTrue(page.contains("<p>Second para.</p>"), page);
    }

    @Test
    void rejectsAnUnknownSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Corpus.Size.parse("huge"));
        assertTrue(e.getMessage().contains("huge"));
    }
}
