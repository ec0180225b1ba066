package org.newsnlp.topic;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A document with its gold labels, for training and evaluation.
 *
 * <pre>{@code
 * LabeledDocument d = new LabeledDocument("1", "Markets rally", "Shares rose...", List.of("business"));
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * @param id     the document's identifier (from the data, or its row number)
 * @param title  the title, may be empty
 * @param text   the body text
 * @param labels the gold labels, without duplicates; one for single-label data, possibly none for multi-label
 */
public record LabeledDocument(String id, String title, String text, List<String> labels) {

    public LabeledDocument {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(labels, "labels");
        labels = List.copyOf(new LinkedHashSet<>(labels));
    }

    /** The first label, or {@code null} when there is none. */
    public String label() {
        return labels.isEmpty() ? null : labels.get(0);
    }

    /** A copy that keeps only the labels {@code keep} accepts. */
    public LabeledDocument withLabels(List<String> newLabels) {
        return new LabeledDocument(id, title, text, newLabels);
    }
}
