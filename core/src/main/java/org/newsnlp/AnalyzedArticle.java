package org.newsnlp;

import java.util.List;
import java.util.Objects;

import org.newsnlp.entity.Entity;
import org.newsnlp.entity.EntityType;
import org.newsnlp.extract.ArticleMetadata;
import org.newsnlp.extract.RelatedItem;
import org.newsnlp.text.Language;
import org.newsnlp.text.Sentence;
import org.newsnlp.text.Token;
import org.newsnlp.topic.Topic;

/**
 * One analysed article: its text and metadata, and the layers computed over the text.
 *
 * <p>All offsets (tokens, sentences, entity mentions) are half-open UTF-16 offsets into {@link #text()}.
 * A layer that was not computed (for example entities of a non-English article) is empty, never null, and
 * {@link #notes()} says why. Instances are immutable and safe to share between threads.
 *
 * @param metadata  title, byline, date, site, URLs
 * @param language  the identified language of the text
 * @param text      the article's main text
 * @param tokens    tokens in order
 * @param sentences sentences in order; each refers to a range of {@code tokens}
 * @param entities  resolved entities, by salience, highest first
 * @param topics    topics by score, highest first
 * @param related   related-article teasers found beside the article, not analysed
 * @param notes     what was skipped or degraded, and why
 */
public record AnalyzedArticle(ArticleMetadata metadata, Language language, String text, List<Token> tokens,
                              List<Sentence> sentences, List<Entity> entities, List<Topic> topics,
                              List<RelatedItem> related, List<String> notes) {

    public AnalyzedArticle {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(text, "text");
        tokens = List.copyOf(tokens);
        sentences = List.copyOf(sentences);
        entities = List.copyOf(entities);
        topics = List.copyOf(topics);
        related = List.copyOf(related);
        notes = List.copyOf(notes);
    }

    /** The headline, or an empty string when there is none. */
    public String title() {
        return metadata.title() == null ? "" : metadata.title();
    }

    /** The entities of one type, by salience. */
    public List<Entity> entities(EntityType type) {
        return entities.stream().filter(e -> e.type() == type).toList();
    }

    /** The best topic, or {@code null} when no topic was computed. */
    public Topic topTopic() {
        return topics.isEmpty() ? null : topics.get(0);
    }
}
