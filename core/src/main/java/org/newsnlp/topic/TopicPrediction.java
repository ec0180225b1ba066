package org.newsnlp.topic;

import java.util.List;

/**
 * A topic classifier's answer for one document: every label's score, sorted, and the predicted labels.
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * @param topics all labels with scores, highest first
 * @param labels the predicted labels: the best one for a single-label model, those over their thresholds
 *               for a multi-label model (possibly none)
 */
public record TopicPrediction(List<Topic> topics, List<String> labels) {

    public TopicPrediction {
        topics = List.copyOf(topics);
        labels = List.copyOf(labels);
        for (int i = 1; i < topics.size(); i++) {
            if (topics.get(i).score() > topics.get(i - 1).score()) {
                throw new IllegalArgumentException("topics must be sorted by score, highest first");
            }
        }
    }

    /** The highest-scoring topic, or {@code null} when the prediction has none. */
    public Topic best() {
        return topics.isEmpty() ? null : topics.get(0);
    }

    /** An empty prediction, for documents a classifier does not handle. */
    public static TopicPrediction empty() {
        return new TopicPrediction(List.of(), List.of());
    }
}
