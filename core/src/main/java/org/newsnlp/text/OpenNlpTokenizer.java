package org.newsnlp.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * A {@link Tokenizer} backed by an Apache OpenNLP maximum-entropy tokenizer model.
 *
 * <pre>{@code
 * Tokenizer t = OpenNlpTokenizer.english();
 * t.tokenize("Microsoft's head of AI"); // Microsoft, 's, head, of, AI
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads: the model is shared, the decoder is
 * created per call.
 */
public final class OpenNlpTokenizer implements Tokenizer {

    /** Classpath resource of the English model shipped in {@code opennlp-models-tokenizer-en}. */
    public static final String ENGLISH_MODEL = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";

    private final TokenizerModel model;

    /** Wraps a loaded OpenNLP tokenizer model. */
    public OpenNlpTokenizer(TokenizerModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /** The English UD-EWT model from {@code org.apache.opennlp:opennlp-models-tokenizer-en}. */
    public static OpenNlpTokenizer english() {
        return new OpenNlpTokenizer(OpenNlpModels.load(ENGLISH_MODEL, "English tokenizer model",
                "org.apache.opennlp:opennlp-models-tokenizer-en", TokenizerModel::new));
    }

    @Override
    public List<Token> tokenize(String text, int start, int end) {
        Objects.checkFromToIndex(start, end, text.length());
        String region = text.substring(start, end);
        opennlp.tools.util.Span[] spans = new TokenizerME(model).tokenizePos(region);
        List<Token> out = new ArrayList<>(spans.length);
        for (opennlp.tools.util.Span s : spans) {
            int a = start + s.getStart();
            int b = start + s.getEnd();
            out.add(new Token(text.substring(a, b), a, b));
        }
        return out;
    }
}
