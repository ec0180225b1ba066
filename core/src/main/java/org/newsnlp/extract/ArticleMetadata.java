package org.newsnlp.extract;

/**
 * What a page says about its article, beyond the text. Any field may be {@code null} when the page does
 * not say.
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * @param title        the headline
 * @param byline       the author or authors, as written
 * @param published    publication time, ISO-8601 (a date, or a date-time with offset)
 * @param site         the site or publisher name
 * @param canonicalUrl the canonical URL the page declares
 * @param url          the URL the page was fetched from, as given by the caller
 * @param language     the language the page declares ({@code <html lang>}, meta tags), ISO 639-1
 */
public record ArticleMetadata(String title, String byline, String published, String site,
                              String canonicalUrl, String url, String language) {

    /** Metadata with nothing known. */
    public static ArticleMetadata empty() {
        return new ArticleMetadata(null, null, null, null, null, null, null);
    }

    /** The same metadata with another title. */
    public ArticleMetadata withTitle(String newTitle) {
        return new ArticleMetadata(newTitle, byline, published, site, canonicalUrl, url, language);
    }
}
