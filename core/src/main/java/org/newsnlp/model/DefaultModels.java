package org.newsnlp.model;

import org.newsnlp.NewsNlpException;
import org.newsnlp.entity.EntityRecognizer;
import org.newsnlp.entity.EntityResolver;
import org.newsnlp.topic.TopicClassifier;

/**
 * Loads the default models shipped in the {@code newsnlp-models} artifact, from classpath resources under
 * {@code org/newsnlp/models/}. Each call loads afresh: keep what it returns (a {@link org.newsnlp.NewsAnalyzer}
 * does).
 *
 * <p>This class has no state and is safe to use from any thread.
 */
public final class DefaultModels {

    /** Classpath folder that holds the shipped models. */
    public static final String ROOT = "org/newsnlp/models/";

    private DefaultModels() {
    }

    /** The default English named-entity recognizer. */
    public static EntityRecognizer entityRecognizer() {
        return org.newsnlp.ner.PerceptronEntityRecognizer.loadDefault();
    }

    /** The default entity resolver. */
    public static EntityResolver entityResolver() {
        return org.newsnlp.entity.GazetteerEntityResolver.english();
    }

    /** The default topic classifier, {@code news-bbc5}. */
    public static TopicClassifier topicClassifier() {
        if (DefaultModels.class.getClassLoader().getResource(ROOT + "topics/news-bbc5/model.bin.gz") == null) {
            throw missing("news-bbc5");
        }
        return org.newsnlp.topic.TopicModel.loadShipped("news-bbc5");
    }

    static NewsNlpException missing(String what) {
        return new NewsNlpException("default model '" + what + "' is not on the classpath under " + ROOT
                + ": add the org.newsnlp:newsnlp-models artifact");
    }
}
