package org.newsnlp.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts a text into sentences and tokens: lines first (a line break always ends a sentence, since
 * extracted articles keep one paragraph or heading per line), then sentences inside each line, then tokens
 * inside each sentence.
 *
 * <pre>{@code
 * TextSegmenter seg = TextSegmenter.english();
 * TokenizedText t = seg.segment("Shum spoke on Friday. DeepSeek is a start-up.");
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class TextSegmenter {

    private final SentenceDetector sentences;
    private final Tokenizer tokenizer;

    /** Combines a sentence detector and a tokenizer. */
    public TextSegmenter(SentenceDetector sentences, Tokenizer tokenizer) {
        this.sentences = Objects.requireNonNull(sentences, "sentences");
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
    }

    /** The default English segmenter: OpenNLP's English sentence model and tokenizer model. */
    public static TextSegmenter english() {
        return new TextSegmenter(OpenNlpSentenceDetector.english(), OpenNlpTokenizer.english());
    }

    /**
     * The fast English segmenter: {@link RuleSentenceDetector} and {@link RuleTokenizer}, with news (Penn
     * Treebank / CoNLL-2003) token conventions and no model to load.
     */
    public static TextSegmenter fast() {
        return new TextSegmenter(RuleSentenceDetector.english(), RuleTokenizer.english());
    }

    /** The sentence detector in use. */
    public SentenceDetector sentenceDetector() {
        return sentences;
    }

    /** The tokenizer in use. */
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** Segments {@code text}; never fails on odd input, an empty text gives empty layers. */
    public TokenizedText segment(String text) {
        Objects.requireNonNull(text, "text");
        List<Token> tokens = new ArrayList<>(Math.max(16, text.length() / 5));
        List<Sentence> out = new ArrayList<>(Math.max(4, text.length() / 100));
        int lineStart = 0;
        int n = text.length();
        while (lineStart < n) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            if (!isBlank(text, lineStart, lineEnd)) {
                String line = text.substring(lineStart, lineEnd);
                for (Span s : sentences.detect(line)) {
                    int start = lineStart + s.start();
                    int end = lineStart + s.end();
                    int first = tokens.size();
                    tokens.addAll(tokenizer.tokenize(text, start, end));
                    int count = tokens.size() - first;
                    if (count > 0) {
                        out.add(new Sentence(start, end, first, count));
                    }
                }
            }
            lineStart = lineEnd + 1;
        }
        return new TokenizedText(text, tokens, out);
    }

    private static boolean isBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
