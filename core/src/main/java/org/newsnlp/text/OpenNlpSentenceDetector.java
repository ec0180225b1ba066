package org.newsnlp.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;

/**
 * A {@link SentenceDetector} backed by an Apache OpenNLP maximum-entropy sentence model.
 *
 * <pre>{@code
 * SentenceDetector d = OpenNlpSentenceDetector.english();
 * d.detect("He left. She stayed."); // [0, 8), [9, 20)
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads: the model is shared, the decoder is
 * created per call.
 */
public final class OpenNlpSentenceDetector implements SentenceDetector {

    /** Classpath resource of the English model shipped in {@code opennlp-models-sentdetect-en}. */
    public static final String ENGLISH_MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";

    private final SentenceModel model;

    /** Wraps a loaded OpenNLP sentence model. */
    public OpenNlpSentenceDetector(SentenceModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /** The English UD-EWT model from {@code org.apache.opennlp:opennlp-models-sentdetect-en}. */
    public static OpenNlpSentenceDetector english() {
        return new OpenNlpSentenceDetector(OpenNlpModels.load(ENGLISH_MODEL, "English sentence model",
                "org.apache.opennlp:opennlp-models-sentdetect-en", SentenceModel::new));
    }

    @Override
    public List<Span> detect(String text) {
        opennlp.tools.util.Span[] spans = new SentenceDetectorME(model).sentPosDetect(text);
        List<Span> out = new ArrayList<>(spans.length);
        for (opennlp.tools.util.Span s : spans) {
            int a = s.getStart();
            int b = s.getEnd();
            while (a < b && Character.isWhitespace(text.charAt(a))) {
                a++;
            }
            while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
                b--;
            }
            if (b > a) {
                out.add(new Span(a, b));
            }
        }
        return out;
    }
}
