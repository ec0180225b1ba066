package org.newsnlp.topic;

/**
 * Assigns topics to a document.
 *
 * <p>Implementations are immutable and safe to share between threads.
 */
public interface TopicClassifier {

    /**
     * Classifies one document.
     *
     * @param title the title, may be empty
     * @param text  the body text
     */
    TopicPrediction classify(String title, String text);
}
