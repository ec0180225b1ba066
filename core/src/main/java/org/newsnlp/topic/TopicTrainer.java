package org.newsnlp.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.newsnlp.NewsNlpException;
import org.newsnlp.model.ModelManifest;

/**
 * Trains {@link TopicModel}s: hashed TF-IDF features, one linear SVM per label (L2-regularised squared hinge,
 * dual coordinate descent), labels trained in parallel; held-out folds of the training data fit the
 * probability calibration (single-label softmax temperature, multi-label Platt sigmoids) and the per-label
 * thresholds of multi-label models.
 *
 * <pre>{@code
 * TopicModel m = TopicTrainer.builder().name("my-topics").build().train(docs);
 * m.save(Path.of("my-topics.bin.gz"));
 * }</pre>
 *
 * <p>Results depend only on the data and the settings (the seed included), not on the number of threads.
 * Instances are immutable and safe to share between threads.
 */
public final class TopicTrainer {

    /** Labels whose best held-out F1 is below this get a conservative threshold (SCutFBR.1). */
    private static final double FBR = 0.3;

    private final TopicFeatureConfig features;
    private final double c;
    private final int maxEpochs;
    private final double tolerance;
    private final long seed;
    private final boolean multiLabel;
    private final int threads;
    private final int calibrationFolds;
    private final boolean atLeastOneLabel;
    private final boolean progress;
    private final String name;
    private final String version;
    private final double nbAlpha;
    private final double nbInterpolation;
    private final boolean leadSamples;
    private final List<String> trainingData;
    private final String command;

    private TopicTrainer(Builder b) {
        this.command = b.command;
        this.features = b.features;
        this.nbAlpha = b.nbAlpha;
        this.nbInterpolation = b.nbInterpolation;
        this.leadSamples = b.leadSamples;
        this.c = b.c;
        this.maxEpochs = b.maxEpochs;
        this.tolerance = b.tolerance;
        this.seed = b.seed;
        this.multiLabel = b.multiLabel;
        this.threads = b.threads;
        this.calibrationFolds = b.calibrationFolds;
        this.atLeastOneLabel = b.atLeastOneLabel;
        this.progress = b.progress;
        this.name = b.name;
        this.version = b.version;
        this.trainingData = List.copyOf(b.trainingData);
    }

    /**
     * A builder with the defaults: {@link TopicFeatureConfig#DEFAULT}, naive Bayes feature scaling (alpha 1, beta 0.25), C = 1,
     * single-label, 3 calibration folds.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder with this trainer's settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.features = features;
        b.nbAlpha = nbAlpha;
        b.nbInterpolation = nbInterpolation;
        b.leadSamples = leadSamples;
        b.c = c;
        b.maxEpochs = maxEpochs;
        b.tolerance = tolerance;
        b.seed = seed;
        b.multiLabel = multiLabel;
        b.threads = threads;
        b.calibrationFolds = calibrationFolds;
        b.atLeastOneLabel = atLeastOneLabel;
        b.progress = progress;
        b.name = name;
        b.version = version;
        b.trainingData = trainingData;
        b.command = command;
        return b;
    }

    /** True when this trainer builds multi-label models. */
    public boolean multiLabel() {
        return multiLabel;
    }

    /** The number of threads used. */
    public int threads() {
        return threads;
    }

    /**
     * Trains a model.
     *
     * @param docs the training documents; for single-label training each must have exactly one label
     * @throws IllegalArgumentException when there are fewer than two labels or a document's labels do not fit
     */
    public TopicModel train(List<LabeledDocument> docs) {
        long start = System.nanoTime();
        LinearTopicClassifier classifier = trainClassifier(docs);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> metrics = new java.util.LinkedHashMap<>();
        metrics.put("train.documents", (double) docs.size());
        metrics.put("train.seconds", Math.round(seconds * 100) / 100.0);
        ModelManifest manifest = new ModelManifest(TopicModel.FORMAT, TopicModel.formatVersion(features), name, version, "en",
                classifier.labels(), trainingData, metrics, command,
                (multiLabel ? "multi-label" : "single-label") + " one-vs-rest linear SVM (squared hinge, dual coordinate "
                        + "descent, C=" + c + (nbAlpha > 0 ? ", naive Bayes feature scaling alpha=" + nbAlpha + " beta=" + nbInterpolation : "")
                        + (leadSamples ? ", plus lead samples" : "")
                        + ") over hashed TF-IDF features " + describe(features));
        return new TopicModel(manifest, classifier);
    }

    static String describe(TopicFeatureConfig f) {
        return "(2^" + f.hashBits() + " buckets, word 1.." + f.maxWordNgram() + "-grams"
                + (f.charNgrams() ? ", char " + f.minCharNgram() + ".." + f.maxCharNgram() + "-grams" : "")
                + (f.casedWords() ? ", capitalised words also as written" : "")
                + (f.stemPlurals() ? ", plural endings removed" : "")
                + (f.sublinearTf() ? ", sublinear tf" : "") + ", min df " + f.minDocFreq() + ")";
    }

    /** Trains the classifier alone, without a manifest (as cross-validation does). */
    public LinearTopicClassifier trainClassifier(List<LabeledDocument> originals) {
        Objects.requireNonNull(originals, "docs");
        List<String> labels = labelsOf(originals);
        int k = labels.size();
        int originalCount = originals.size();
        List<LabeledDocument> docs = originals;
        int[] source = null;
        if (leadSamples) {
            docs = new ArrayList<>(originals);
            List<Integer> src = new ArrayList<>();
            for (int i = 0; i < originalCount; i++) {
                LabeledDocument d = originals.get(i);
                String lead = lead(d.text());
                if (lead != null) {
                    docs.add(new LabeledDocument(d.id() + "#lead", d.title(), lead, d.labels()));
                    src.add(i);
                }
            }
            source = src.stream().mapToInt(Integer::intValue).toArray();
        }
        int n = docs.size();
        Map<String, Integer> labelIndex = new java.util.HashMap<>();
        for (int j = 0; j < k; j++) {
            labelIndex.put(labels.get(j), j);
        }
        boolean[][] member = new boolean[k][n];
        int[] gold = new int[n];
        for (int i = 0; i < n; i++) {
            for (String l : docs.get(i).labels()) {
                member[labelIndex.get(l)][i] = true;
            }
            gold[i] = multiLabel ? -1 : labelIndex.get(docs.get(i).label());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "newsnlp-topic-trainer");
            t.setDaemon(true);
            return t;
        });
        try {
            FeatureHasher hasher = new FeatureHasher(features);
            FeatureHasher.Counts[] counts = countAll(hasher, docs, pool);
            TfIdfVocabulary vocabulary = TfIdfVocabulary.fit(counts, features.hashBits(), features.minDocFreq(),
                    features.sublinearTf());
            SparseRows x = vocabulary.rows(counts);
            counts = null;
            int folds = originalCount >= 2 * Math.max(2, calibrationFolds) ? calibrationFolds : 0;
            // a temperature needs few held-out documents: single-label models hold out one fold only
            int heldFolds = folds < 2 ? 0 : multiLabel ? folds : 1;
            Progress bar = new Progress(progress, k * (1 + heldFolds));
            DualCoordinateSvm svm = new DualCoordinateSvm(c, 1.0, maxEpochs, tolerance);
            DualCoordinateSvm.Weights[] full = trainAll(svm, x, member, pool, bar, 0);
            float[] calibration;
            if (folds >= 2) {
                int[] fold = assignFolds(multiLabel ? null : gold, originalCount, folds, seed);
                int[] heldRows = heldOutRows(fold, heldFolds);
                if (source != null) {
                    // a lead sample stays in its article's fold, and only articles are scored
                    int[] all = java.util.Arrays.copyOf(fold, n);
                    for (int a = 0; a < source.length; a++) {
                        all[originalCount + a] = fold[source[a]];
                    }
                    fold = all;
                }
                double[][] held = heldOutScores(svm, x, member, fold, heldFolds, pool, bar);
                double[][] heldScores = new double[heldRows.length][];
                boolean[][] heldMember = new boolean[k][heldRows.length];
                int[] heldGold = new int[heldRows.length];
                for (int r = 0; r < heldRows.length; r++) {
                    heldScores[r] = held[heldRows[r]];
                    heldGold[r] = gold[heldRows[r]];
                    for (int j = 0; j < k; j++) {
                        heldMember[j][r] = member[j][heldRows[r]];
                    }
                }
                calibration = calibrate(heldScores, heldMember, heldGold, k);
            } else {
                double[][] loo = java.util.Arrays.copyOf(trainingScores(full, x), originalCount);
                boolean[][] m = new boolean[k][];
                for (int j = 0; j < k; j++) {
                    m[j] = java.util.Arrays.copyOf(member[j], originalCount);
                }
                calibration = calibrate(loo, m, java.util.Arrays.copyOf(gold, originalCount), k);
            }
            bar.done();
            int u = vocabulary.size();
            float[] weights = new float[u * k];
            float[] bias = new float[k];
            for (int j = 0; j < k; j++) {
                float[] w = full[j].w();
                for (int col = 0; col < u; col++) {
                    weights[col * k + j] = w[col];
                }
                bias[j] = full[j].bias();
            }
            return new LinearTopicClassifier(features, vocabulary, labels, multiLabel, weights, bias, calibration,
                    atLeastOneLabel);
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> labelsOf(List<LabeledDocument> docs) {
        TreeSet<String> labels = new TreeSet<>();
        for (LabeledDocument d : docs) {
            if (!multiLabel && d.labels().size() != 1) {
                throw new IllegalArgumentException("document '" + d.id() + "' has " + d.labels().size()
                        + " labels " + d.labels() + "; single-label training needs exactly one (train multi-label instead)");
            }
            labels.addAll(d.labels());
        }
        if (labels.size() < (multiLabel ? 1 : 2)) {
            throw new IllegalArgumentException("training needs at least " + (multiLabel ? "one label" : "two labels")
                    + ", found " + labels + " in " + docs.size() + " documents");
        }
        return List.copyOf(labels);
    }

    private static FeatureHasher.Counts[] countAll(FeatureHasher hasher, List<LabeledDocument> docs,
                                                   ExecutorService pool) {
        int n = docs.size();
        FeatureHasher.Counts[] out = new FeatureHasher.Counts[n];
        int chunks = 16;
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int ch = 0; ch < chunks; ch++) {
            int from = (int) ((long) n * ch / chunks);
            int to = (int) ((long) n * (ch + 1) / chunks);
            tasks.add(() -> {
                for (int i = from; i < to; i++) {
                    LabeledDocument d = docs.get(i);
                    out[i] = hasher.count(d.title(), d.text());
                }
                return null;
            });
        }
        invokeAll(pool, tasks);
        return out;
    }

    private DualCoordinateSvm.Weights[] trainAll(DualCoordinateSvm svm, SparseRows x, boolean[][] member,
                                                 ExecutorService pool, Progress bar, int round) {
        int k = member.length;
        DualCoordinateSvm.Weights[] out = new DualCoordinateSvm.Weights[k];
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            int label = j;
            tasks.add(() -> {
                float[] scale = nbAlpha > 0 ? nbRatios(x, member[label], nbAlpha, nbInterpolation) : null;
                out[label] = svm.train(x, member[label], scale, seed * 1_000_003L + round * 7919L + label);
                bar.step();
                return null;
            });
        }
        invokeAll(pool, tasks);
        return out;
    }

    /**
     * The opening of an article: its first paragraph, extended by the next ones while shorter than 200
     * characters, cut at a word boundary after 600; {@code null} when that is most of the text already.
     */
    static String lead(String text) {
        String t = text.strip();
        int end = 0;
        while (end < t.length() && end < 200) {
            int next = t.indexOf('\n', end);
            while (next >= 0 && next + 1 < t.length() && t.charAt(next + 1) == '\n') {
                next++;
            }
            end = next < 0 ? t.length() : next + 1;
        }
        if (end > 600) {
            int cut = t.lastIndexOf(' ', 600);
            end = cut > 200 ? cut : 600;
        }
        if (end >= 0.7 * t.length()) {
            return null;
        }
        return t.substring(0, end).strip();
    }

    private static int[] heldOutRows(int[] fold, int heldFolds) {
        int count = 0;
        for (int f : fold) {
            if (f < heldFolds) {
                count++;
            }
        }
        int[] rows = new int[count];
        int r = 0;
        for (int i = 0; i < fold.length; i++) {
            if (fold[i] < heldFolds) {
                rows[r++] = i;
            }
        }
        return rows;
    }

    /** Scores of the documents in folds {@code 0..heldFolds-1}, each by models trained without its fold. */
    private double[][] heldOutScores(DualCoordinateSvm svm, SparseRows x, boolean[][] member, int[] fold,
                                     int heldFolds, ExecutorService pool, Progress bar) {
        int n = x.rows();
        int k = member.length;
        double[][] scores = new double[n][];
        for (int f = 0; f < heldFolds; f++) {
            int inFold = 0;
            for (int v : fold) {
                if (v == f) {
                    inFold++;
                }
            }
            int[] trainRows = new int[n - inFold];
            int[] testRows = new int[inFold];
            int a = 0;
            int b = 0;
            for (int i = 0; i < n; i++) {
                if (fold[i] == f) {
                    testRows[b++] = i;
                } else {
                    trainRows[a++] = i;
                }
            }
            SparseRows xt = x.select(trainRows);
            boolean[][] mt = new boolean[k][trainRows.length];
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < trainRows.length; i++) {
                    mt[j][i] = member[j][trainRows[i]];
                }
            }
            DualCoordinateSvm.Weights[] w = trainAll(svm, xt, mt, pool, bar, f + 1);
            for (int i : testRows) {
                scores[i] = new double[k];
                for (int j = 0; j < k; j++) {
                    scores[i][j] = w[j].score(x, i);
                }
            }
        }
        return scores;
    }

    /**
     * Fold of each document: stratified by gold label for single-label data (each label's documents dealt
     * round-robin after a seeded shuffle), a seeded shuffle otherwise.
     */
    static int[] assignFolds(int[] gold, int n, int folds, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] fold = new int[n];
        Map<Integer, Integer> next = new java.util.HashMap<>();
        int plain = 0;
        for (int i : order) {
            int g = gold == null ? -1 : gold[i];
            if (g < 0) {
                fold[i] = plain++ % folds;
            } else {
                int c = next.merge(g, 1, Integer::sum) - 1;
                fold[i] = c % folds;
            }
        }
        return fold;
    }

    /** Approximate leave-one-out scores of the training rows: each score minus the row's own share of it. */
    private static double[][] trainingScores(DualCoordinateSvm.Weights[] w, SparseRows x) {
        double[][] s = new double[x.rows()][w.length];
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < w.length; j++) {
                s[i][j] = w[j].score(x, i) - w[j].looShift()[i];
            }
        }
        return s;
    }

    private float[] calibrate(double[][] scores, boolean[][] member, int[] gold, int k) {
        if (!multiLabel) {
            return new float[] {Calibration.temperature(scores, gold)};
        }
        int n = scores.length;
        float[] cal = new float[3 * k];
        double[] s = new double[n];
        double[] p = new double[n];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                s[i] = scores[i][j];
            }
            double[] ab = Calibration.platt(s, member[j]);
            for (int i = 0; i < n; i++) {
                p[i] = LinearTopicClassifier.sigmoid(ab[0] * s[i] + ab[1]);
            }
            cal[3 * j] = (float) ab[0];
            cal[3 * j + 1] = (float) ab[1];
            cal[3 * j + 2] = Calibration.f1Threshold(p, member[j], FBR);
        }
        return cal;
    }

    /**
     * Feature scales from the naive Bayes log-count ratio of each column between positive and negative
     * documents (presence counts smoothed by {@code alpha}), as in Wang and Manning's NBSVM (2012):
     * {@code (1 - beta) + beta |r|}, so that {@code beta} interpolates between plain features (0) and features
     * scaled by the ratio alone (1).
     */
    static float[] nbRatios(SparseRows x, boolean[] positive, double alpha, double beta) {
        double[] p = new double[x.columns];
        double[] q = new double[x.columns];
        for (int i = 0; i < x.rows(); i++) {
            double[] t = positive[i] ? p : q;
            for (int e = x.rowStart[i]; e < x.rowStart[i + 1]; e++) {
                t[x.index[e]] += 1;
            }
        }
        double sp = 0;
        double sq = 0;
        for (int j = 0; j < x.columns; j++) {
            p[j] += alpha;
            q[j] += alpha;
            sp += p[j];
            sq += q[j];
        }
        float[] r = new float[x.columns];
        for (int j = 0; j < x.columns; j++) {
            r[j] = (float) (1 - beta + beta * Math.abs(Math.log((p[j] / sp) / (q[j] / sq))));
        }
        return r;
    }

    static void invokeAll(ExecutorService pool, List<Callable<Void>> tasks) {
        try {
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NewsNlpException("topic training was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new NewsNlpException("topic training failed: " + cause, cause);
        }
    }

    /** A text progress bar on standard error, drawn only when a console is attached. */
    private static final class Progress {
        private final boolean on;
        private final int total;
        private final AtomicInteger done = new AtomicInteger();

        Progress(boolean wanted, int total) {
            this.on = wanted && System.console() != null && total > 0;
            this.total = total;
            if (on) {
                draw(0);
            }
        }

        void step() {
            int d = done.incrementAndGet();
            if (on) {
                draw(d);
            }
        }

        private synchronized void draw(int d) {
            int width = 30;
            int filled = (int) ((long) width * d / total);
            System.err.print("\rtraining [" + "=".repeat(filled) + " ".repeat(width - filled) + "] " + d + "/" + total
                    + " label models");
            System.err.flush();
        }

        void done() {
            if (on) {
                System.err.println();
            }
        }
    }

    /** Builds a {@link TopicTrainer}. Not thread-safe; the trainer it builds is. */
    public static final class Builder {
        private TopicFeatureConfig features = TopicFeatureConfig.DEFAULT;
        private double nbAlpha = 1.0;
        private double nbInterpolation = 0.25;
        private boolean leadSamples;
        private double c = 1.0;
        private int maxEpochs = 50;
        private double tolerance = 0.3;
        private long seed = 42;
        private boolean multiLabel;
        private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private int calibrationFolds = 3;
        private boolean atLeastOneLabel = true;
        private boolean progress;
        private String name = "topics";
        private String version = "1";
        private List<String> trainingData = List.of();
        private String command;

        private Builder() {
        }

        /** The command that rebuilds the model, for its manifest. */
        public Builder command(String value) {
            this.command = value;
            return this;
        }

        /** Feature settings. */
        public Builder features(TopicFeatureConfig f) {
            this.features = Objects.requireNonNull(f, "features");
            return this;
        }

        /**
         * Scales each label's features by their naive Bayes log-count ratio between the label's documents and
         * the others, smoothed by {@code alpha} (NBSVM); 0 turns the scaling off. Default 1.
         */
        public Builder nbSmoothing(double alpha) {
            if (!(alpha >= 0) || Double.isInfinite(alpha)) {
                throw new IllegalArgumentException("nbSmoothing must be 0 or positive, got " + alpha);
            }
            this.nbAlpha = alpha;
            return this;
        }

        /**
         * How much of the naive Bayes ratio scales the features: each label's feature scale is
         * {@code (1 - beta) + beta |r|} for log-count ratio {@code r}; 1 scales by the ratio alone, 0 leaves the
         * features plain. Default 0.25, the weight Wang and Manning interpolate with.
         */
        public Builder nbInterpolation(double beta) {
            if (!(beta >= 0 && beta <= 1)) {
                throw new IllegalArgumentException("nbInterpolation must be in 0..1, got " + beta);
            }
            this.nbInterpolation = beta;
            return this;
        }

        /**
         * Also train on each long article's title and opening paragraphs, labelled as the article, so that the
         * model learns to classify short texts (headlines with a summary) too. Default off.
         */
        public Builder leadSamples(boolean value) {
            this.leadSamples = value;
            return this;
        }

        /** The SVM's cost C (inverse regularisation strength), positive. */
        public Builder c(double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("c must be positive and finite, got " + value);
            }
            this.c = value;
            return this;
        }

        /** The most passes over the data per label model. */
        public Builder maxEpochs(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxEpochs must be at least 1, got " + value);
            }
            this.maxEpochs = value;
            return this;
        }

        /** The stopping tolerance on the projected gradient's spread. */
        public Builder tolerance(double value) {
            if (!(value > 0)) {
                throw new IllegalArgumentException("tolerance must be positive, got " + value);
            }
            this.tolerance = value;
            return this;
        }

        /** The random seed. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Multi-label (any number of labels per document, per-label thresholds) or single-label. */
        public Builder multiLabel(boolean value) {
            this.multiLabel = value;
            return this;
        }

        /** Threads for training, at least 1; defaults to the number of processors. */
        public Builder threads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + value);
            }
            this.threads = value;
            return this;
        }

        /**
         * Folds of the training data that fit calibration and thresholds (single-label models hold out one of
         * them), or 0 to fit them on approximate leave-one-out scores of the training data (faster, less
         * accurate). Default 3.
         */
        public Builder calibrationFolds(int value) {
            if (value < 0 || value == 1) {
                throw new IllegalArgumentException("calibrationFolds must be 0 or at least 2, got " + value);
            }
            this.calibrationFolds = value;
            return this;
        }

        /** Multi-label models: predict the best label when none passes its threshold (default true). */
        public Builder atLeastOneLabel(boolean value) {
            this.atLeastOneLabel = value;
            return this;
        }

        /** Draw a progress bar on standard error when a console is attached. */
        public Builder progress(boolean value) {
            this.progress = value;
            return this;
        }

        /** The model's name for its manifest. */
        public Builder name(String value) {
            this.name = TopicModel.checkName(value);
            return this;
        }

        /** The model's version for its manifest. */
        public Builder version(String value) {
            this.version = Objects.requireNonNull(value, "version");
            return this;
        }

        /** What the model is trained on, for its manifest. */
        public Builder trainingData(List<String> value) {
            this.trainingData = List.copyOf(value);
            return this;
        }

        /** The trainer. */
        public TopicTrainer build() {
            return new TopicTrainer(this);
        }
    }
}
