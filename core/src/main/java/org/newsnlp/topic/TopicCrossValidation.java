package org.newsnlp.topic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * K-fold cross-validation of a {@link TopicTrainer} on labelled documents: folds stratified by label for
 * single-label data, each fold trained on the others (using all the trainer's threads) and scored.
 *
 * <pre>{@code
 * TopicCrossValidation cv = TopicCrossValidation.run(TopicTrainer.builder().build(), docs, 5, 42);
 * System.out.printf("%.4f ± %.4f%n", cv.meanAccuracy(), cv.stdAccuracy());
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class TopicCrossValidation {

    private final List<TopicEvaluation> folds;
    private final TopicEvaluation pooled;
    private final double seconds;

    private TopicCrossValidation(List<TopicEvaluation> folds, TopicEvaluation pooled, double seconds) {
        this.folds = List.copyOf(folds);
        this.pooled = pooled;
        this.seconds = seconds;
    }

    /**
     * Runs k-fold cross-validation.
     *
     * @param k    number of folds, 2 or more and at most the number of documents
     * @param seed seeds the assignment of documents to folds
     */
    public static TopicCrossValidation run(TopicTrainer trainer, List<LabeledDocument> docs, int k, long seed) {
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(docs, "docs");
        if (k < 2 || k > docs.size()) {
            throw new IllegalArgumentException("folds must be in 2.." + docs.size() + ", got " + k);
        }
        long start = System.nanoTime();
        int n = docs.size();
        int[] gold = null;
        if (!trainer.multiLabel()) {
            Map<String, Integer> ids = new HashMap<>();
            gold = new int[n];
            for (int i = 0; i < n; i++) {
                String l = docs.get(i).label();
                gold[i] = l == null ? -1 : ids.computeIfAbsent(l, x -> ids.size());
            }
        }
        int[] fold = TopicTrainer.assignFolds(gold, n, k, seed);
        List<TopicEvaluation> results = new ArrayList<>();
        List<List<String>> allGold = new ArrayList<>();
        List<List<String>> allPred = new ArrayList<>();
        List<String> labels = null;
        for (int f = 0; f < k; f++) {
            List<LabeledDocument> train = new ArrayList<>();
            List<LabeledDocument> test = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                (fold[i] == f ? test : train).add(docs.get(i));
            }
            LinearTopicClassifier c = trainer.trainClassifier(train);
            if (labels == null) {
                labels = c.labels();
            }
            List<List<String>> pred = TopicEvaluation.predictAll(c, test, trainer.threads());
            List<List<String>> g = new ArrayList<>();
            for (LabeledDocument d : test) {
                g.add(d.labels());
            }
            results.add(TopicEvaluation.of(c.labels(), g, pred, trainer.multiLabel()));
            allGold.addAll(g);
            allPred.addAll(pred);
        }
        TopicEvaluation pooled = TopicEvaluation.of(labels, allGold, allPred, trainer.multiLabel());
        return new TopicCrossValidation(results, pooled, (System.nanoTime() - start) / 1e9);
    }

    /** Each fold's evaluation. */
    public List<TopicEvaluation> folds() {
        return folds;
    }

    /** All folds' predictions scored together (the confusion matrix of the whole data). */
    public TopicEvaluation pooled() {
        return pooled;
    }

    /** Wall-clock seconds the run took. */
    public double seconds() {
        return seconds;
    }

    /** Mean accuracy over folds. */
    public double meanAccuracy() {
        return mean(folds.stream().mapToDouble(TopicEvaluation::accuracy).toArray());
    }

    /** Sample standard deviation of the accuracy over folds. */
    public double stdAccuracy() {
        return std(folds.stream().mapToDouble(TopicEvaluation::accuracy).toArray());
    }

    /** Mean macro F1 over folds. */
    public double meanMacroF1() {
        return mean(folds.stream().mapToDouble(TopicEvaluation::macroF1).toArray());
    }

    /** Sample standard deviation of the macro F1 over folds. */
    public double stdMacroF1() {
        return std(folds.stream().mapToDouble(TopicEvaluation::macroF1).toArray());
    }

    /** Mean micro F1 over folds. */
    public double meanMicroF1() {
        return mean(folds.stream().mapToDouble(TopicEvaluation::microF1).toArray());
    }

    /** Sample standard deviation of the micro F1 over folds. */
    public double stdMicroF1() {
        return std(folds.stream().mapToDouble(TopicEvaluation::microF1).toArray());
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? 0 : s / v.length;
    }

    static double std(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    /** The results as a JSON-ready map: {@code accuracy} (mean), its std, macro/micro F1 and per-fold values. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("folds", folds.size());
        m.put("documents", pooled.documents());
        m.put("accuracy", meanAccuracy());
        m.put("accuracyStd", stdAccuracy());
        m.put("macroF1", meanMacroF1());
        m.put("macroF1Std", stdMacroF1());
        m.put("microF1", meanMicroF1());
        m.put("microF1Std", stdMicroF1());
        m.put("foldAccuracy", folds.stream().map(TopicEvaluation::accuracy).toList());
        m.put("foldMacroF1", folds.stream().map(TopicEvaluation::macroF1).toList());
        m.put("foldMicroF1", folds.stream().map(TopicEvaluation::microF1).toList());
        m.put("seconds", seconds);
        return m;
    }
}
