package org.newsnlp.extract;

import java.util.List;
import java.util.Objects;

/**
 * The article found in a page: its main text, metadata, the related-article teasers around it, and notes
 * on anything the extractor could not do (no article found, page truncated).
 *
 * <p>{@code text} holds one paragraph, heading or list item per line, with paragraphs separated by a blank
 * line. Instances are immutable and safe to share between threads.
 *
 * @param text     the main text; empty when no article was found
 * @param metadata title, byline, date and so on
 * @param related  related-article teasers, in page order
 * @param notes    human-readable notes on degraded extraction, empty when all went well
 */
public record ExtractedArticle(String text, ArticleMetadata metadata, List<RelatedItem> related, List<String> notes) {

    public ExtractedArticle {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(metadata, "metadata");
        related = List.copyOf(related);
        notes = List.copyOf(notes);
    }

    /** The headline, or an empty string when the page has none. */
    public String title() {
        return metadata.title() == null ? "" : metadata.title();
    }
}
