package org.newsnlp.topic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Quality of a topic classifier on labelled documents: accuracy, micro and macro F1, per-label precision,
 * recall and F1, and (single-label) the confusion matrix.
 *
 * <p>Single-label: accuracy is the share of documents whose predicted label is the gold one. Multi-label:
 * accuracy is the share whose predicted label set equals the gold set (subset accuracy), and micro F1 pools
 * every (document, label) decision. Macro F1 averages the per-label F1 over labels that occur in the gold
 * data or the predictions.
 *
 * <pre>{@code
 * TopicEvaluation e = TopicEvaluation.evaluate(model, testDocs);
 * System.out.println(e.accuracy() + " " + e.macroF1());
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class TopicEvaluation {

    /**
     * One label's scores.
     *
     * @param label     the label
     * @param precision correct predictions of the label over all its predictions (0 when never predicted)
     * @param recall    correct predictions over gold occurrences (0 when it never occurs)
     * @param f1        harmonic mean of precision and recall
     * @param support   gold occurrences
     * @param predicted predictions of the label
     */
    public record LabelMetrics(String label, double precision, double recall, double f1, int support, int predicted) {
        public LabelMetrics {
            Objects.requireNonNull(label, "label");
        }
    }

    private final List<String> labels;
    private final boolean multiLabel;
    private final int documents;
    private final double accuracy;
    private final double microPrecision;
    private final double microRecall;
    private final double microF1;
    private final double macroF1;
    private final List<LabelMetrics> perLabel;
    private final int[][] confusion;

    private TopicEvaluation(List<String> labels, boolean multiLabel, int documents, double accuracy,
                            double microPrecision, double microRecall, double microF1, double macroF1,
                            List<LabelMetrics> perLabel, int[][] confusion) {
        this.labels = List.copyOf(labels);
        this.multiLabel = multiLabel;
        this.documents = documents;
        this.accuracy = accuracy;
        this.microPrecision = microPrecision;
        this.microRecall = microRecall;
        this.microF1 = microF1;
        this.macroF1 = macroF1;
        this.perLabel = List.copyOf(perLabel);
        this.confusion = confusion;
    }

    /**
     * Classifies every document (on all processors) and scores the predictions against the gold labels.
     *
     * @param multiLabel score as multi-label (label sets) rather than single-label
     */
    public static TopicEvaluation evaluate(TopicClassifier classifier, List<LabeledDocument> docs, boolean multiLabel) {
        Objects.requireNonNull(classifier, "classifier");
        List<List<String>> predicted = predictAll(classifier, docs, Runtime.getRuntime().availableProcessors());
        List<String> modelLabels = classifier instanceof TopicModel m ? m.labels()
                : classifier instanceof LinearTopicClassifier l ? l.labels() : List.of();
        List<List<String>> gold = new ArrayList<>(docs.size());
        for (LabeledDocument d : docs) {
            gold.add(d.labels());
        }
        return of(modelLabels, gold, predicted, multiLabel);
    }

    /** As {@link #evaluate(TopicClassifier, List, boolean)}, multi-label when the classifier is a multi-label model. */
    public static TopicEvaluation evaluate(TopicClassifier classifier, List<LabeledDocument> docs) {
        boolean multi = classifier instanceof TopicModel m ? m.multiLabel()
                : classifier instanceof LinearTopicClassifier l && l.multiLabel();
        return evaluate(classifier, docs, multi);
    }

    /** The predicted labels of every document, computed on {@code threads} threads, in document order. */
    static List<List<String>> predictAll(TopicClassifier classifier, List<LabeledDocument> docs, int threads) {
        @SuppressWarnings("unchecked")
        List<String>[] out = new List[docs.size()];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "newsnlp-topic-eval");
            t.setDaemon(true);
            return t;
        });
        try {
            int chunks = Math.max(1, Math.min(docs.size(), 32));
            List<java.util.concurrent.Callable<Void>> tasks = new ArrayList<>();
            for (int ch = 0; ch < chunks; ch++) {
                int from = (int) ((long) docs.size() * ch / chunks);
                int to = (int) ((long) docs.size() * (ch + 1) / chunks);
                tasks.add(() -> {
                    for (int i = from; i < to; i++) {
                        LabeledDocument d = docs.get(i);
                        out[i] = classifier.classify(d.title(), d.text()).labels();
                    }
                    return null;
                });
            }
            TopicTrainer.invokeAll(pool, tasks);
        } finally {
            pool.shutdownNow();
        }
        return List.of(out);
    }

    /**
     * Scores predicted label lists against gold ones.
     *
     * @param knownLabels labels listed first (e.g. the model's), in this order; others follow sorted
     * @param gold        each document's gold labels
     * @param predicted   each document's predicted labels (single-label: the first counts)
     * @param multiLabel  score label sets rather than the first label
     */
    public static TopicEvaluation of(List<String> knownLabels, List<List<String>> gold, List<List<String>> predicted,
                                     boolean multiLabel) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException(gold.size() + " gold label lists but " + predicted.size() + " predictions");
        }
        int n = gold.size();
        Set<String> all = new LinkedHashSet<>(knownLabels);
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (String l : gold.get(i)) {
                if (!all.contains(l) && !extra.contains(l)) {
                    extra.add(l);
                }
            }
            for (String l : predicted.get(i)) {
                if (!all.contains(l) && !extra.contains(l)) {
                    extra.add(l);
                }
            }
        }
        Collections.sort(extra);
        all.addAll(extra);
        List<String> labels = new ArrayList<>(all);
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < labels.size(); j++) {
            index.put(labels.get(j), j);
        }
        int k = labels.size();
        long[] tp = new long[k];
        long[] fp = new long[k];
        long[] fn = new long[k];
        int[][] confusion = multiLabel ? null : new int[k][k];
        int correct = 0;
        int counted = 0;
        for (int i = 0; i < n; i++) {
            List<String> g = gold.get(i);
            List<String> p = predicted.get(i);
            if (multiLabel) {
                Set<String> gs = new HashSet<>(g);
                Set<String> ps = new HashSet<>(p);
                for (String l : ps) {
                    if (gs.contains(l)) {
                        tp[index.get(l)]++;
                    } else {
                        fp[index.get(l)]++;
                    }
                }
                for (String l : gs) {
                    if (!ps.contains(l)) {
                        fn[index.get(l)]++;
                    }
                }
                if (gs.equals(ps)) {
                    correct++;
                }
                counted++;
            } else {
                if (g.isEmpty()) {
                    continue;
                }
                counted++;
                int gi = index.get(g.get(0));
                if (p.isEmpty()) {
                    fn[gi]++;
                    continue;
                }
                int pi = index.get(p.get(0));
                confusion[gi][pi]++;
                if (gi == pi) {
                    tp[gi]++;
                    correct++;
                } else {
                    fp[pi]++;
                    fn[gi]++;
                }
            }
        }
        List<LabelMetrics> per = new ArrayList<>(k);
        double macro = 0;
        int macroCount = 0;
        long stp = 0;
        long sfp = 0;
        long sfn = 0;
        for (int j = 0; j < k; j++) {
            double prec = tp[j] + fp[j] == 0 ? 0 : (double) tp[j] / (tp[j] + fp[j]);
            double rec = tp[j] + fn[j] == 0 ? 0 : (double) tp[j] / (tp[j] + fn[j]);
            double f1 = tp[j] == 0 ? 0 : 2.0 * tp[j] / (2.0 * tp[j] + fp[j] + fn[j]);
            per.add(new LabelMetrics(labels.get(j), prec, rec, f1, (int) (tp[j] + fn[j]), (int) (tp[j] + fp[j])));
            if (tp[j] + fn[j] + fp[j] > 0) {
                macro += f1;
                macroCount++;
            }
            stp += tp[j];
            sfp += fp[j];
            sfn += fn[j];
        }
        double microP = stp + sfp == 0 ? 0 : (double) stp / (stp + sfp);
        double microR = stp + sfn == 0 ? 0 : (double) stp / (stp + sfn);
        double microF = stp == 0 ? 0 : 2.0 * stp / (2.0 * stp + sfp + sfn);
        return new TopicEvaluation(labels, multiLabel, counted, counted == 0 ? 0 : (double) correct / counted,
                microP, microR, microF, macroCount == 0 ? 0 : macro / macroCount, per, confusion);
    }

    /** All labels: the known ones first, then any other gold or predicted label. */
    public List<String> labels() {
        return labels;
    }

    /** True when scored as multi-label. */
    public boolean multiLabel() {
        return multiLabel;
    }

    /** Number of documents scored. */
    public int documents() {
        return documents;
    }

    /** Accuracy (single-label) or subset accuracy (multi-label). */
    public double accuracy() {
        return accuracy;
    }

    /** Micro-averaged precision. */
    public double microPrecision() {
        return microPrecision;
    }

    /** Micro-averaged recall. */
    public double microRecall() {
        return microRecall;
    }

    /** Micro-averaged F1 (equals accuracy for single-label data when every document gets a prediction). */
    public double microF1() {
        return microF1;
    }

    /** Macro-averaged F1. */
    public double macroF1() {
        return macroF1;
    }

    /** Per-label scores, in {@link #labels()} order. */
    public List<LabelMetrics> perLabel() {
        return perLabel;
    }

    /** The confusion matrix, {@code [gold][predicted]} in {@link #labels()} order; empty for multi-label. */
    public int[][] confusion() {
        if (confusion == null) {
            return new int[0][0];
        }
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    /** The metrics as a JSON-ready map (numbers, strings, lists and maps). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("documents", documents);
        m.put("multiLabel", multiLabel);
        m.put("accuracy", accuracy);
        m.put("microPrecision", microPrecision);
        m.put("microRecall", microRecall);
        m.put("microF1", microF1);
        m.put("macroF1", macroF1);
        List<Map<String, Object>> per = new ArrayList<>();
        for (LabelMetrics l : perLabel) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("label", l.label());
            e.put("precision", l.precision());
            e.put("recall", l.recall());
            e.put("f1", l.f1());
            e.put("support", l.support());
            e.put("predicted", l.predicted());
            per.add(e);
        }
        m.put("perLabel", per);
        if (confusion != null) {
            m.put("labels", labels);
            List<List<Integer>> rows = new ArrayList<>();
            for (int[] row : confusion) {
                List<Integer> r = new ArrayList<>();
                for (int v : row) {
                    r.add(v);
                }
                rows.add(r);
            }
            m.put("confusion", rows);
        }
        return m;
    }
}
