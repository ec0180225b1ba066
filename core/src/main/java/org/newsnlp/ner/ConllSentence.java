package org.newsnlp.ner;

import java.util.List;
import java.util.Objects;

/**
 * One sentence of a CoNLL file: its tokens (first column), its tags (last column, empty when the file has a
 * single column) and the index of its first line in the file.
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * @param tokens    the words
 * @param tags      the gold tags, one per token, or empty
 * @param firstLine zero-based index of the sentence's first line in its file
 */
public record ConllSentence(List<String> tokens, List<String> tags, int firstLine) {

    public ConllSentence {
        tokens = List.copyOf(tokens);
        tags = List.copyOf(Objects.requireNonNull(tags, "tags"));
        if (!tags.isEmpty() && tags.size() != tokens.size()) {
            throw new IllegalArgumentException("sentence at line " + (firstLine + 1) + " has " + tokens.size()
                    + " tokens but " + tags.size() + " tags");
        }
    }

    /** Number of tokens. */
    public int size() {
        return tokens.size();
    }
}
