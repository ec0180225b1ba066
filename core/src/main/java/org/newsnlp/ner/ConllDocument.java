package org.newsnlp.ner;

import java.util.List;

/**
 * One document of a CoNLL file: the sentences between two {@code -DOCSTART-} lines.
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * @param sentences the sentences in order
 */
public record ConllDocument(List<ConllSentence> sentences) {

    public ConllDocument {
        sentences = List.copyOf(sentences);
    }

    /** Number of tokens in all sentences. */
    public int tokenCount() {
        int n = 0;
        for (ConllSentence s : sentences) {
            n += s.size();
        }
        return n;
    }
}
