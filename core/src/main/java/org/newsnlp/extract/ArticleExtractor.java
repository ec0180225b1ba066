package org.newsnlp.extract;

/**
 * Finds the article in a news page: the main text without navigation, ads, comments and related-article
 * lists, and its metadata.
 *
 * <p>Extraction never throws on malformed input; it degrades and says so in
 * {@link ExtractedArticle#notes()}. Implementations are immutable and safe to share between threads.
 */
public interface ArticleExtractor {

    /**
     * Extracts the article from an HTML page.
     *
     * @param html the page source
     * @param url  the page's URL, used to resolve links; may be {@code null}
     */
    ExtractedArticle fromHtml(String html, String url);

    /**
     * Extracts the article from text scraped from a page (no markup): separates the lead article from
     * app promotions, comment boxes and related-article teasers.
     */
    ExtractedArticle fromText(String text);
}
