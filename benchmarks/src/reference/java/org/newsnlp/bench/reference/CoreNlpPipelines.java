package org.newsnlp.bench.reference;

import java.util.Properties;

import edu.stanford.nlp.pipeline.StanfordCoreNLP;

/**
 * The Stanford CoreNLP pipelines newsnlp is compared with. Each call builds a new pipeline; build once and
 * reuse it.
 *
 * <p>Stateless and safe to use from any thread.
 */
public final class CoreNlpPipelines {

    /** The 3-class CRF model (PERSON, ORGANIZATION, LOCATION) from the CoreNLP models jar. */
    public static final String NER_3CLASS = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

    /** The annotators of CoreNLP's default English pipeline up to named entities. */
    public static final String ANNOTATORS = "tokenize,ssplit,pos,lemma,ner";

    private CoreNlpPipelines() {
    }

    /** {@code tokenize,ssplit,pos,lemma,ner} with CoreNLP's default settings (three CRF models, SUTime, fine-grained and numeric NER). */
    public static StanfordCoreNLP defaults() {
        Properties p = new Properties();
        p.setProperty("annotators", ANNOTATORS);
        return new StanfordCoreNLP(p);
    }

    /** {@code tokenize,ssplit,pos,lemma,ner} tuned for speed: the 3-class CRF only, no SUTime, no fine-grained or numeric NER. */
    public static StanfordCoreNLP tuned() {
        Properties p = new Properties();
        p.setProperty("annotators", ANNOTATORS);
        p.setProperty("ner.model", NER_3CLASS);
        p.setProperty("ner.useSUTime", "false");
        p.setProperty("ner.applyFineGrained", "false");
        p.setProperty("ner.applyNumericClassifiers", "false");
        return new StanfordCoreNLP(p);
    }

    /** Tokens and sentences only: {@code tokenize,ssplit}. */
    public static StanfordCoreNLP tokensAndSentences() {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit");
        return new StanfordCoreNLP(p);
    }

    /** A pipeline by name: {@code tuned} or {@code default}. */
    public static StanfordCoreNLP named(String name) {
        return switch (name) {
            case "tuned" -> tuned();
            case "default" -> defaults();
            default -> throw new IllegalArgumentException("unknown CoreNLP pipeline '" + name + "', expected tuned or default");
        };
    }
}
