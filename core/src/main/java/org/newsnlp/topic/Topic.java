package org.newsnlp.topic;

import java.util.Objects;

/**
 * One topic label with its score.
 *
 * <p>For single-label models the scores of a prediction are calibrated probabilities summing to one; for
 * multi-label models each score is that label's own probability. Instances are immutable and safe to
 * share between threads.
 *
 * @param label the label
 * @param score its score in {@code [0, 1]}
 */
public record Topic(String label, double score) {

    public Topic {
        Objects.requireNonNull(label, "label");
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score of topic '" + label + "' must be in [0, 1], got " + score);
        }
    }
}
