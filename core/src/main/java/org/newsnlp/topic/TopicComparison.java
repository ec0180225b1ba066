package org.newsnlp.topic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.maxent.GISTrainer;
import opennlp.tools.ml.naivebayes.NaiveBayesTrainer;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains several single-label learners on the same training documents and scores them on the same test
 * documents: this library's linear model and Apache OpenNLP's {@code DocumentCategorizerME} (maxent and
 * naive Bayes, bag-of-words features over the same lower-cased word tokens).
 *
 * <pre>{@code
 * List<TopicComparison.Row> rows = TopicComparison.run(TopicTrainer.builder().build(), train, test,
 *         List.of(TopicComparison.Learner.values()));
 * }</pre>
 *
 * <p>Prediction speed is measured on one thread over the test documents, after a warm-up. Stateless and
 * safe to use from any thread.
 */
public final class TopicComparison {

    /** The learners compared. */
    public enum Learner {
        /** This library's one-vs-rest linear SVM ({@link TopicTrainer}). */
        NEWSNLP("newsnlp linear SVM"),
        /** OpenNLP's maximum-entropy document categoriser (GIS, 100 iterations, cutoff 5). */
        OPENNLP_MAXENT("OpenNLP maxent"),
        /** OpenNLP's naive Bayes document categoriser. */
        OPENNLP_NAIVE_BAYES("OpenNLP naive Bayes");

        private final String title;

        Learner(String title) {
            this.title = title;
        }

        /** A display name. */
        public String title() {
            return title;
        }
    }

    /**
     * One learner's result.
     *
     * @param learner       the learner's display name
     * @param accuracy      test accuracy
     * @param macroF1       test macro F1
     * @param trainSeconds  training wall-clock seconds
     * @param docsPerSecond prediction speed on one thread
     */
    public record Row(String learner, double accuracy, double macroF1, double trainSeconds, double docsPerSecond) {
        public Row {
            Objects.requireNonNull(learner, "learner");
        }
    }

    private TopicComparison() {
    }

    /**
     * A stratified split of single-label documents.
     *
     * @param testFraction share of each label's documents that goes to the test part, in (0, 1)
     * @return the training part and the test part
     */
    public static List<List<LabeledDocument>> split(List<LabeledDocument> docs, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        }
        int n = docs.size();
        Map<String, Integer> ids = new HashMap<>();
        int[] gold = new int[n];
        for (int i = 0; i < n; i++) {
            String l = docs.get(i).label();
            gold[i] = l == null ? -1 : ids.computeIfAbsent(l, x -> ids.size());
        }
        int folds = Math.max(2, (int) Math.round(1 / testFraction));
        int[] fold = TopicTrainer.assignFolds(gold, n, folds, seed);
        List<LabeledDocument> train = new ArrayList<>();
        List<LabeledDocument> test = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (fold[i] == 0 ? test : train).add(docs.get(i));
        }
        return List.of(train, test);
    }

    /** Trains and scores each learner, in the order given. */
    public static List<Row> run(TopicTrainer trainer, List<LabeledDocument> train, List<LabeledDocument> test,
                                List<Learner> learners) {
        Objects.requireNonNull(trainer, "trainer");
        if (trainer.multiLabel()) {
            throw new IllegalArgumentException("comparison needs single-label data and a single-label trainer");
        }
        List<Row> rows = new ArrayList<>();
        for (Learner l : learners) {
            long start = System.nanoTime();
            TopicClassifier c = switch (l) {
                case NEWSNLP -> trainer.trainClassifier(train);
                case OPENNLP_MAXENT -> openNlp(train, GISTrainer.MAXENT_VALUE);
                case OPENNLP_NAIVE_BAYES -> openNlp(train, NaiveBayesTrainer.NAIVE_BAYES_VALUE);
            };
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            List<String> labels = c instanceof LinearTopicClassifier lc ? lc.labels() : List.of();
            // warm up (at least 3,000 documents, so that the JIT has compiled the hot code), then time one
            // thread over the test set
            for (int done = 0; done < 3000 && !test.isEmpty();) {
                for (int i = 0; i < test.size() && done < 3000; i++, done++) {
                    c.classify(test.get(i).title(), test.get(i).text());
                }
            }
            long t0 = System.nanoTime();
            List<List<String>> pred = new ArrayList<>(test.size());
            for (LabeledDocument d : test) {
                pred.add(c.classify(d.title(), d.text()).labels());
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            List<List<String>> gold = new ArrayList<>(test.size());
            for (LabeledDocument d : test) {
                gold.add(d.labels());
            }
            TopicEvaluation e = TopicEvaluation.of(labels, gold, pred, false);
            rows.add(new Row(l.title(), e.accuracy(), e.macroF1(), trainSeconds, test.size() / Math.max(secs, 1e-9)));
        }
        return rows;
    }

    /** The table as aligned text. */
    public static String table(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-22s %9s %9s %10s %10s%n", "learner", "accuracy", "macro-F1",
                "train s", "docs/s"));
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "%-22s %9.4f %9.4f %10.2f %10.0f%n", r.learner(), r.accuracy(),
                    r.macroF1(), r.trainSeconds(), r.docsPerSecond()));
        }
        return b.toString();
    }

    private static TopicClassifier openNlp(List<LabeledDocument> train, String algorithm) {
        List<DocumentSample> samples = new ArrayList<>(train.size());
        for (LabeledDocument d : train) {
            samples.add(new DocumentSample(d.label(), words(d.title(), d.text())));
        }
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
        params.put(TrainingParameters.ITERATIONS_PARAM, 100);
        params.put(TrainingParameters.CUTOFF_PARAM, 5);
        params.put(TrainingParameters.THREADS_PARAM, 1);
        DoccatModel model;
        try {
            model = DocumentCategorizerME.train("en", ObjectStreamUtils.createObjectStream(samples), params,
                    new DoccatFactory(new FeatureGenerator[] {new BagOfWordsFeatureGenerator()}));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new OpenNlpClassifier(model);
    }

    /** Lower-cased word tokens, split as {@link TopicFeatureConfig} describes. */
    static String[] words(String title, String text) {
        List<String> out = new ArrayList<>();
        for (String s : new String[] {title, text}) {
            int i = 0;
            int n = s.length();
            while (i < n) {
                while (i < n && !FeatureHasher.isWordChar(s.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < n && FeatureHasher.isWordChar(s.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    out.add(s.substring(start, i).toLowerCase(Locale.ROOT));
                }
            }
        }
        return out.toArray(new String[0]);
    }

    /** OpenNLP's categoriser behind {@link TopicClassifier}; one categoriser per thread, as OpenNLP requires. */
    private static final class OpenNlpClassifier implements TopicClassifier {
        private final DoccatModel model;
        private final ThreadLocal<DocumentCategorizerME> categorizer;

        OpenNlpClassifier(DoccatModel model) {
            this.model = model;
            this.categorizer = ThreadLocal.withInitial(() -> new DocumentCategorizerME(this.model));
        }

        @Override
        public TopicPrediction classify(String title, String text) {
            DocumentCategorizerME c = categorizer.get();
            double[] p = c.categorize(words(title == null ? "" : title, text));
            Integer[] order = new Integer[p.length];
            for (int i = 0; i < p.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
            List<Topic> topics = new ArrayList<>(p.length);
            for (int i : order) {
                topics.add(new Topic(c.getCategory(i), Math.max(0, Math.min(1, p[i]))));
            }
            return new TopicPrediction(topics, List.of(topics.get(0).label()));
        }
    }
}
