package org.newsnlp.entity;

import java.util.List;
import java.util.Objects;

/**
 * One real-world thing an article mentions, with all its mentions.
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * @param type     the entity's type
 * @param name     its fullest surface form in the article ("Harry Shum Heung-yeung")
 * @param code     ISO 3166-1 alpha-2 code for a {@link EntityType#COUNTRY}, otherwise {@code null}
 * @param salience how central the entity is to the article, in {@code [0, 1]}
 * @param mentions its mentions, in text order, never empty
 */
public record Entity(EntityType type, String name, String code, double salience, List<Mention> mentions) {

    public Entity {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        mentions = List.copyOf(mentions);
        if (mentions.isEmpty()) {
            throw new IllegalArgumentException("entity '" + name + "' has no mentions");
        }
        if (!(salience >= 0.0 && salience <= 1.0)) {
            throw new IllegalArgumentException("salience of '" + name + "' must be in [0, 1], got " + salience);
        }
        if (type == EntityType.COUNTRY && (code == null || code.length() != 2)) {
            throw new IllegalArgumentException("country '" + name + "' needs a two-letter ISO 3166-1 code, got " + code);
        }
    }
}
