package org.newsnlp.text;

import java.util.List;
import java.util.Objects;

/**
 * A text with its tokens and sentences: the input of the entity and topic stages.
 *
 * <p>Every token lies inside exactly one sentence, in order. Instances are immutable and safe to share
 * between threads.
 *
 * <pre>{@code
 * TokenizedText t = TextSegmenter.english().segment("Mr Shum spoke. He left.");
 * t.sentences().size(); // 2
 * }</pre>
 *
 * @param text      the text all offsets point into
 * @param tokens    tokens in order
 * @param sentences sentences in order
 */
public record TokenizedText(String text, List<Token> tokens, List<Sentence> sentences) {

    public TokenizedText {
        Objects.requireNonNull(text, "text");
        tokens = List.copyOf(tokens);
        sentences = List.copyOf(sentences);
    }

    /** The tokens of one sentence. */
    public List<Token> tokensOf(Sentence sentence) {
        return tokens.subList(sentence.firstToken(), sentence.endToken());
    }
}
