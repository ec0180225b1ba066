package org.newsnlp.extract;

import java.util.Objects;

/**
 * A teaser for another article found around the lead article ("Related Articles", "Read more"): kept
 * apart so it never leaks into the article's text, entities or topics.
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * @param title   the teaser's headline
 * @param summary its summary text, may be empty
 * @param url     its link, or {@code null}
 */
public record RelatedItem(String title, String summary, String url) {

    public RelatedItem {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
    }
}
