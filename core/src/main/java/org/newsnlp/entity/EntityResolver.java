package org.newsnlp.entity;

import java.util.List;

import org.newsnlp.text.TokenizedText;

/**
 * Turns the recognizer's mentions into resolved entities: refines types (company, country), groups the
 * mentions of one real-world thing, names it by its fullest form and scores its salience.
 *
 * <p>Implementations are immutable and safe to share between threads.
 */
public interface EntityResolver {

    /**
     * Resolves {@code mentions} found in {@code text}.
     *
     * @param text     the tokenized article text
     * @param title    the article's title, used for salience; may be empty
     * @param mentions the recognizer's mentions
     * @return entities sorted by salience, highest first
     */
    List<Entity> resolve(TokenizedText text, String title, List<Mention> mentions);
}
