package org.newsnlp.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;

import org.newsnlp.model.ModelManifest;

/**
 * Trains a {@link PerceptronEntityRecognizer} from CoNLL documents: an averaged structured perceptron with
 * Viterbi decoding, in one or two stages. The gazetteer features of each training document come from the
 * names of the other folds (so the model does not learn to trust a list that always contains the answer),
 * and the second stage learns from first-stage labels predicted by models that did not see the document
 * (jackknifing), as it will meet them on new text.
 *
 * <pre>{@code
 * NerTrainer trainer = new NerTrainer(NerTrainer.Settings.defaults(), clusters);
 * PerceptronEntityRecognizer ner = trainer.train(ConllReader.read(train), ConllReader.read(dev), System.err::println);
 * ner.save(Path.of("ner.bin"));
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads; each {@link #train} call is independent.
 */
public final class NerTrainer {

    /** BIO labels, {@code O} first; types in gazetteer order. */
    static final String[] LABELS = {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"};

    /**
     * Training settings.
     *
     * @param epochs        passes over the training data per stage
     * @param seed          seed of the shuffling and fold assignment
     * @param hashBits      the weight table has {@code 2^hashBits} rows
     * @param folds         folds for the gazetteer and second-stage jackknife
     * @param documentStage whether to train the second, document-level stage
     */
    public record Settings(int epochs, long seed, int hashBits, int folds, boolean documentStage) {
        public Settings {
            if (epochs < 1 || epochs > 1000) {
                throw new IllegalArgumentException("epochs must be in [1, 1000], got " + epochs);
            }
            if (hashBits < 12 || hashBits > 24) {
                throw new IllegalArgumentException("hashBits must be in [12, 24], got " + hashBits);
            }
            if (folds < 2) {
                throw new IllegalArgumentException("folds must be >= 2, got " + folds);
            }
        }

        /** The settings of the shipped model. */
        public static Settings defaults() {
            return new Settings(12, 1L, 20, 5, true);
        }

        /** A copy with other epochs. */
        public Settings withEpochs(int e) {
            return new Settings(e, seed, hashBits, folds, documentStage);
        }

        /** A copy with another seed. */
        public Settings withSeed(long s) {
            return new Settings(epochs, s, hashBits, folds, documentStage);
        }

        /** A copy with or without the document stage. */
        public Settings withDocumentStage(boolean on) {
            return new Settings(epochs, seed, hashBits, folds, on);
        }
    }

    private final Settings settings;
    private final WordClusters clusters;

    /**
     * A trainer.
     *
     * @param settings training settings
     * @param clusters word clusters to use as features, or {@code null} for none
     */
    public NerTrainer(Settings settings, WordClusters clusters) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clusters = clusters;
    }

    /** One training sentence, its features precomputed. */
    private static final class Sent {
        int[] feats;
        int[] offsets;
        int n;
        final int[] gold;
        final int doc;
        final int index;

        Sent(int[] gold, int doc, int index) {
            this.gold = gold;
            this.doc = doc;
            this.index = index;
        }
    }

    /**
     * Trains a model.
     *
     * @param train training documents with gold tags (IOB1 or BIO)
     * @param dev   development documents to report on, or {@code null}
     * @param log   progress messages
     */
    public PerceptronEntityRecognizer train(List<ConllDocument> train, List<ConllDocument> dev, Consumer<String> log) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(log, "log");
        int l = LABELS.length;
        Map<String, Integer> labelIds = new HashMap<>();
        for (int i = 0; i < l; i++) {
            labelIds.put(LABELS[i], i);
        }
        int nd = train.size();
        int folds = Math.min(settings.folds(), Math.max(2, nd));
        int[] foldOf = new int[nd];
        Integer[] perm = new Integer[nd];
        for (int i = 0; i < nd; i++) {
            perm[i] = i;
        }
        java.util.Collections.shuffle(Arrays.asList(perm), new Random(settings.seed()));
        for (int i = 0; i < nd; i++) {
            foldOf[perm[i]] = i % folds;
        }
        // gazetteers: one per fold from the other folds, and the full one
        List<List<String[]>> docTokens = new ArrayList<>(nd);
        List<List<String[]>> docBio = new ArrayList<>(nd);
        for (ConllDocument d : train) {
            List<String[]> toks = new ArrayList<>();
            List<String[]> bio = new ArrayList<>();
            for (ConllSentence s : d.sentences()) {
                if (s.tags().isEmpty()) {
                    throw new IllegalArgumentException("training sentence at line " + (s.firstLine() + 1)
                            + " has no tags");
                }
                String[] t = new String[s.size()];
                for (int i = 0; i < t.length; i++) {
                    t[i] = TokenNormalizer.normalize(s.tokens().get(i));
                }
                toks.add(t);
                bio.add(TagScheme.toBio(s.tags()));
            }
            docTokens.add(toks);
            docBio.add(bio);
        }
        List<Map<String, Integer>> foldNames = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            foldNames.add(new HashMap<>());
        }
        Map<String, Integer> allNames = new HashMap<>();
        for (int d = 0; d < nd; d++) {
            Gazetteer.collect(docTokens.get(d), docBio.get(d), allNames);
            for (int f = 0; f < folds; f++) {
                if (f != foldOf[d]) {
                    Gazetteer.collect(docTokens.get(d), docBio.get(d), foldNames.get(f));
                }
            }
        }
        Map<String, Integer> sortedNames = new java.util.TreeMap<>(allNames);
        FeatureExtractor full = new FeatureExtractor(clusters, Gazetteer.of(sortedNames), settings.hashBits(), l);
        FeatureExtractor[] foldFx = new FeatureExtractor[folds];
        for (int f = 0; f < folds; f++) {
            foldFx[f] = full.withGazetteer(Gazetteer.of(new java.util.TreeMap<>(foldNames.get(f))));
        }
        log.accept(String.format(Locale.ROOT, "%d documents, %d names in the gazetteer, %d folds", nd,
                allNames.size(), folds));
        // stage 1 features
        List<Sent> sents = new ArrayList<>();
        FeatureExtractor.Doc[] docs = new FeatureExtractor.Doc[nd];
        FeatureExtractor.Buffer buf = new FeatureExtractor.Buffer();
        for (int d = 0; d < nd; d++) {
            docs[d] = foldFx[foldOf[d]].prepare(docTokens.get(d));
            for (int s = 0; s < docTokens.get(d).size(); s++) {
                String[] bio = docBio.get(d).get(s);
                int[] gold = new int[bio.length];
                for (int i = 0; i < bio.length; i++) {
                    Integer id = labelIds.get(bio[i]);
                    if (id == null) {
                        throw new IllegalArgumentException("unknown tag '" + bio[i] + "' in document " + d
                                + ", expected one of " + Arrays.toString(LABELS));
                    }
                    gold[i] = id;
                }
                Sent st = new Sent(gold, d, s);
                foldFx[foldOf[d]].extract(docs[d], s, false, buf);
                store(st, buf);
                sents.add(st);
            }
        }
        boolean[] allowed = Viterbi.allowedTransitions(LABELS);
        int rows = 1 << settings.hashBits();
        long t0 = System.nanoTime();
        NerModel.Stage stage1 = perceptron(sents, rows, allowed, settings.seed(), log, "stage 1");
        log.accept(String.format(Locale.ROOT, "stage 1 trained in %.1f s", (System.nanoTime() - t0) / 1e9));
        NerModel.Stage[] stages;
        if (settings.documentStage()) {
            // jackknife: first-stage labels of each fold from a model trained on the other folds
            for (int f = 0; f < folds; f++) {
                final int fold = f;
                List<Sent> others = new ArrayList<>();
                for (Sent s : sents) {
                    if (foldOf[s.doc] != fold) {
                        others.add(s);
                    }
                }
                NerModel.Stage m = perceptron(others, rows, allowed, settings.seed() + 1 + f, s -> { },
                        "fold " + f);
                NerModel.Scratch sc = new NerModel.Scratch();
                for (Sent s : sents) {
                    if (foldOf[s.doc] != fold) {
                        continue;
                    }
                    FeatureExtractor.Doc doc = docs[s.doc];
                    if (doc.stage1 == null) {
                        doc.stage1 = new int[doc.sentences()][];
                    }
                    doc.stage1[s.index] = decode(m, s, allowed, sc);
                }
                log.accept("jackknife fold " + f + " done");
            }
            for (int d = 0; d < nd; d++) {
                foldFx[foldOf[d]].countStage1(docs[d]);
            }
            for (Sent s : sents) {
                foldFx[foldOf[s.doc]].extract(docs[s.doc], s.index, true, buf);
                store(s, buf);
            }
            long t1 = System.nanoTime();
            NerModel.Stage stage2 = perceptron(sents, rows, allowed, settings.seed() + 100, log, "stage 2");
            log.accept(String.format(Locale.ROOT, "stage 2 trained in %.1f s", (System.nanoTime() - t1) / 1e9));
            stages = new NerModel.Stage[] {stage1, stage2};
        } else {
            stages = new NerModel.Stage[] {stage1};
        }
        ModelManifest manifest = new ModelManifest(NerModel.FORMAT, NerModel.FORMAT_VERSION, "ner-en", "1", "en",
                List.of("PER", "ORG", "LOC", "MISC"), List.of(), Map.of(), null, null);
        PerceptronEntityRecognizer rec = new PerceptronEntityRecognizer(new NerModel(manifest, LABELS, full, stages),
                "trained model");
        if (dev != null && !dev.isEmpty()) {
            NerEvaluation e = rec.evaluate(dev);
            log.accept("dev: " + e.report());
            if (stages.length > 1) {
                PerceptronEntityRecognizer one = new PerceptronEntityRecognizer(
                        new NerModel(manifest, LABELS, full, new NerModel.Stage[] {stage1}), "stage 1");
                log.accept("dev, stage 1 only: " + one.evaluate(dev).report());
            }
            rec = rec.withManifest(manifest.withMetrics(e.metrics("dev.")));
        }
        return rec;
    }

    private static void store(Sent st, FeatureExtractor.Buffer b) {
        st.n = b.n;
        st.feats = Arrays.copyOf(b.feats, b.size);
        st.offsets = Arrays.copyOf(b.offsets, b.n + 1);
    }

    private static int[] decode(NerModel.Stage m, Sent s, boolean[] allowed, NerModel.Scratch sc) {
        int l = LABELS.length;
        sc.ensure(s.n, l);
        emissions(m.weights(), s, sc.em, l);
        int[] y = new int[s.n];
        Viterbi.decode(s.n, l, sc.em, m.transitions(), m.start(), allowed, sc.score, sc.back, y);
        return y;
    }

    private static void emissions(float[] w, Sent s, float[] em, int l) {
        for (int i = 0; i < s.n; i++) {
            int o = i * l;
            Arrays.fill(em, o, o + l, 0f);
            for (int k = s.offsets[i]; k < s.offsets[i + 1]; k++) {
                int base = s.feats[k] * l;
                for (int j = 0; j < l; j++) {
                    em[o + j] += w[base + j];
                }
            }
        }
    }

    /** Averaged structured perceptron over precomputed sentences. */
    private NerModel.Stage perceptron(List<Sent> data, int rows, boolean[] allowed, long seed,
                                      Consumer<String> log, String name) {
        int l = LABELS.length;
        float[] w = new float[rows * l];
        float[] acc = new float[rows * l];
        float[] tr = new float[l * l];
        float[] trAcc = new float[l * l];
        float[] st = new float[l];
        float[] stAcc = new float[l];
        Random rnd = new Random(seed);
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        NerModel.Scratch sc = new NerModel.Scratch();
        int[] y = new int[16];
        // c counts updates since the start; acc holds c-weighted updates so that average = w - acc / c
        float c = 1;
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            int errors = 0;
            int tokens = 0;
            for (int oi : order) {
                Sent s = data.get(oi);
                int n = s.n;
                if (n == 0) {
                    continue;
                }
                sc.ensure(n, l);
                if (y.length < n) {
                    y = new int[n * 2];
                }
                emissions(w, s, sc.em, l);
                Viterbi.decode(n, l, sc.em, tr, st, allowed, sc.score, sc.back, y);
                tokens += n;
                boolean wrong = false;
                for (int i = 0; i < n; i++) {
                    int g = s.gold[i];
                    int p = y[i];
                    if (g == p) {
                        continue;
                    }
                    wrong = true;
                    errors++;
                    for (int k = s.offsets[i]; k < s.offsets[i + 1]; k++) {
                        int base = s.feats[k] * l;
                        w[base + g] += 1;
                        acc[base + g] += c;
                        w[base + p] -= 1;
                        acc[base + p] -= c;
                    }
                }
                if (wrong) {
                    st[s.gold[0]] += 1;
                    stAcc[s.gold[0]] += c;
                    st[y[0]] -= 1;
                    stAcc[y[0]] -= c;
                    for (int i = 1; i < n; i++) {
                        int gi = s.gold[i - 1] * l + s.gold[i];
                        int pi = y[i - 1] * l + y[i];
                        if (gi != pi) {
                            tr[gi] += 1;
                            trAcc[gi] += c;
                            tr[pi] -= 1;
                            trAcc[pi] -= c;
                        }
                    }
                }
                c++;
            }
            log.accept(String.format(Locale.ROOT, "%s epoch %d: %d token errors of %d (%.2f%%)", name, epoch + 1,
                    errors, tokens, 100.0 * errors / Math.max(1, tokens)));
        }
        average(w, acc, c);
        average(tr, trAcc, c);
        average(st, stAcc, c);
        return new NerModel.Stage(w, tr, st);
    }

    private static void average(float[] w, float[] acc, float c) {
        for (int i = 0; i < w.length; i++) {
            w[i] -= acc[i] / c;
        }
    }
}
