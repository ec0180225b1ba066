package org.newsnlp.extract;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A first main-content extractor built on jsoup: picks the element whose paragraphs hold the most text
 * and keeps those paragraphs.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class JsoupArticleExtractor implements ArticleExtractor {

    @Override
    public ExtractedArticle fromHtml(String html, String url) {
        Document doc = Jsoup.parse(html == null ? "" : html, url == null ? "" : url);
        doc.select("script, style, noscript, nav, header, footer, aside, form").remove();
        String title = doc.select("meta[property=og:title]").attr("content");
        if (title.isBlank()) {
            title = doc.title();
        }
        Element best = null;
        int bestLen = 0;
        for (Element e : doc.select("article, main, div, section, td")) {
            int len = 0;
            for (Element p : e.children()) {
                if (p.normalName().equals("p")) {
                    len += p.text().length();
                }
            }
            if (len > bestLen) {
                bestLen = len;
                best = e;
            }
        }
        List<String> paragraphs = new ArrayList<>();
        if (best != null) {
            for (Element p : best.children()) {
                if (p.normalName().equals("p") && !p.text().isBlank()) {
                    paragraphs.add(p.text().strip());
                }
            }
        }
        List<String> notes = paragraphs.isEmpty() ? List.of("no article text found") : List.of();
        ArticleMetadata meta = new ArticleMetadata(title.isBlank() ? null : title.strip(), null, null, null,
                null, url, null);
        return new ExtractedArticle(String.join("\n\n", paragraphs), meta, List.of(), notes);
    }

    @Override
    public ExtractedArticle fromText(String text) {
        String t = text == null ? "" : text.strip();
        int nl = t.indexOf('\n');
        String title = nl < 0 ? t : t.substring(0, nl).strip();
        return new ExtractedArticle(t, ArticleMetadata.empty().withTitle(title), List.of(), List.of());
    }
}
