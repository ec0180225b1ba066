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
        int[] docFeats;
        int[] docOffsets;
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
        return train(train, dev, null, log);
    }

    /**
     * Trains a model, adding as features the names that a first model finds often and consistently in
     * unlabelled documents.
     *
     * @param unlabelled documents as lines of text (see {@link UnlabelledCorpus#documents}), or {@code null}
     */
    public PerceptronEntityRecognizer train(List<ConllDocument> train, List<ConllDocument> dev,
                                            List<List<String>> unlabelled, Consumer<String> log) {
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
        FeatureExtractor full = new FeatureExtractor(clusters, Gazetteer.of(sortedNames), Gazetteer.empty(),
                settings.hashBits(), l);
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
                foldFx[foldOf[d]].extract(docs[d], s, buf);
                st.n = buf.n;
                st.feats = Arrays.copyOf(buf.feats, buf.size);
                st.offsets = Arrays.copyOf(buf.offsets, buf.n + 1);
                sents.add(st);
            }
        }
        boolean[] allowed = Viterbi.allowedTransitions(LABELS);
        int bits = settings.hashBits();
        long t0 = System.nanoTime();
        if (unlabelled != null && !unlabelled.isEmpty()) {
            // names that a first model finds often and consistently in unlabelled news become a second gazetteer
            Trained seedModel = perceptron(sents, bits, false, allowed, settings.seed() + 50, x -> { }, "seed");
            NerModel seed = new NerModel(new ModelManifest(NerModel.FORMAT, NerModel.FORMAT_VERSION, "seed", "0",
                    "en", List.of(), List.of(), Map.of(), null, null), LABELS, full,
                    NerModel.Stage.quantize(seedModel.w, bits, l, seedModel.tr, seedModel.st), false);
            Gazetteer found = findNames(seed, unlabelled, log);
            full = full.withFound(found);
            for (int f = 0; f < folds; f++) {
                foldFx[f] = foldFx[f].withFound(found);
            }
            for (int d = 0; d < nd; d++) {
                docs[d] = foldFx[foldOf[d]].prepare(docTokens.get(d));
            }
            for (Sent st : sents) {
                foldFx[foldOf[st.doc]].extract(docs[st.doc], st.index, buf);
                st.feats = Arrays.copyOf(buf.feats, buf.size);
                st.offsets = Arrays.copyOf(buf.offsets, buf.n + 1);
            }
        }
        if (settings.documentStage()) {
            // jackknife: first-pass labels of each fold from a model trained on the other folds
            for (int f = 0; f < folds; f++) {
                final int fold = f;
                List<Sent> others = new ArrayList<>();
                for (Sent s : sents) {
                    if (foldOf[s.doc] != fold) {
                        others.add(s);
                    }
                }
                Trained m = perceptron(others, bits, false, allowed, settings.seed() + 1 + f, s -> { }, "fold " + f);
                NerModel.Scratch sc = new NerModel.Scratch();
                int foldErrors = 0;
                int foldTokens = 0;
                for (Sent s : sents) {
                    if (foldOf[s.doc] != fold) {
                        continue;
                    }
                    FeatureExtractor.Doc doc = docs[s.doc];
                    if (doc.stage1 == null) {
                        doc.stage1 = new int[doc.sentences()][];
                    }
                    sc.ensure(s.n, l);
                    emissions(m.w, s.feats, s.offsets, s.n, sc.em, l, true);
                    int[] y = new int[s.n];
                    Viterbi.decode(s.n, l, sc.em, m.tr, m.st, allowed, sc.score, sc.back, y);
                    doc.stage1[s.index] = y;
                    for (int i = 0; i < s.n; i++) {
                        foldErrors += y[i] != s.gold[i] ? 1 : 0;
                    }
                    foldTokens += s.n;
                }
                log.accept(String.format(Locale.ROOT, "jackknife fold %d: %d token errors of %d (%.2f%%)", f,
                        foldErrors, foldTokens, 100.0 * foldErrors / Math.max(1, foldTokens)));
            }
            for (int d = 0; d < nd; d++) {
                foldFx[foldOf[d]].countStage1(docs[d]);
            }
            for (Sent s : sents) {
                foldFx[foldOf[s.doc]].extractDocument(docs[s.doc], s.index, buf);
                s.docFeats = Arrays.copyOf(buf.feats, buf.size);
                s.docOffsets = Arrays.copyOf(buf.offsets, buf.n + 1);
            }
        }
        Trained model = perceptron(sents, bits, settings.documentStage(), allowed, settings.seed(), log, "model");
        log.accept(String.format(Locale.ROOT, "trained in %.1f s", (System.nanoTime() - t0) / 1e9));
        NerModel.Stage stage = NerModel.Stage.quantize(model.w, bits, l, model.tr, model.st);
        ModelManifest manifest = new ModelManifest(NerModel.FORMAT, NerModel.FORMAT_VERSION, "ner-en", "1", "en",
                List.of("PER", "ORG", "LOC", "MISC"), List.of(), Map.of(), null, null);
        PerceptronEntityRecognizer rec = new PerceptronEntityRecognizer(
                new NerModel(manifest, LABELS, full, stage, settings.documentStage()), "trained model");
        if (dev != null && !dev.isEmpty()) {
            NerEvaluation e = rec.evaluate(dev);
            log.accept("dev: " + e.report());
            if (settings.documentStage()) {
                PerceptronEntityRecognizer one = new PerceptronEntityRecognizer(
                        new NerModel(manifest, LABELS, full, stage, false), "first pass");
                log.accept("dev, first pass only: " + one.evaluate(dev).report());
            }
            rec = rec.withManifest(manifest.withMetrics(e.metrics("dev.")));
        }
        return rec;
    }

    /** Tags unlabelled documents and keeps the names found at least 3 times with one type 60% of the time. */
    private static Gazetteer findNames(NerModel model, List<List<String>> docs, Consumer<String> log) {
        long t0 = System.nanoTime();
        Map<String, int[]> counts = new HashMap<>();
        long tokens = 0;
        for (List<String> lines : docs) {
            List<String[]> sentences = new ArrayList<>(lines.size());
            for (String line : lines) {
                List<String> toks = CorpusTokenizer.tokenize(line);
                if (!toks.isEmpty() && toks.size() < 200) {
                    sentences.add(toks.toArray(new String[0]));
                    tokens += toks.size();
                }
            }
            FeatureExtractor.Doc doc = model.features.prepare(sentences);
            int[][] y = model.tagPrepared(doc);
            for (int s = 0; s < y.length; s++) {
                int i = 0;
                while (i < y[s].length) {
                    int type = model.typeOf(y[s][i]);
                    if (type < 0) {
                        i++;
                        continue;
                    }
                    int j = i + 1;
                    while (j < y[s].length && model.label(y[s][j]).startsWith("I-")) {
                        j++;
                    }
                    if (j - i <= Gazetteer.MAX_LENGTH) {
                        String name = String.join(" ", Arrays.asList(doc.norm[s]).subList(i, j));
                        counts.computeIfAbsent(name, k -> new int[Gazetteer.TYPES])[type]++;
                    }
                    i = j;
                }
            }
        }
        Map<String, Integer> kept = new java.util.TreeMap<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            int total = 0;
            int best = 0;
            for (int t = 0; t < c.length; t++) {
                total += c[t];
                if (c[t] > c[best]) {
                    best = t;
                }
            }
            if (total >= 3 && c[best] * 10 >= total * 6) {
                kept.put(e.getKey(), 1 << best);
            }
        }
        log.accept(String.format(Locale.ROOT, "found %d names (%d kept) in %d unlabelled documents, %d tokens, %.1f s",
                counts.size(), kept.size(), docs.size(), tokens, (System.nanoTime() - t0) / 1e9));
        return Gazetteer.of(kept);
    }

    /** Float weights of a trained model. */
    private record Trained(float[] w, float[] tr, float[] st) {
    }

    private static void emissions(float[] w, int[] feats, int[] offsets, int n, float[] em, int l, boolean clear) {
        for (int i = 0; i < n; i++) {
            int o = i * l;
            if (clear) {
                Arrays.fill(em, o, o + l, 0f);
            }
            for (int k = offsets[i]; k < offsets[i + 1]; k++) {
                int row = feats[k] * l;
                for (int j = 0; j < l; j++) {
                    em[o + j] += w[row + j];
                }
            }
        }
    }

    private static void update(float[] w, float[] acc, int[] feats, int from, int to, int l, int g, int p, float c) {
        for (int k = from; k < to; k++) {
            int base = feats[k] * l;
            w[base + g] += 1;
            acc[base + g] += c;
            w[base + p] -= 1;
            acc[base + p] -= c;
        }
    }

    /**
     * Averaged structured perceptron over precomputed sentences. With {@code documentCopies} every sentence
     * is seen twice per epoch, once with its token features only (as in the first pass) and once with its
     * document features added (as in the second), so that one weight table serves both passes.
     */
    private Trained perceptron(List<Sent> data, int bits, boolean documentCopies, boolean[] allowed, long seed,
                               Consumer<String> log, String name) {
        int l = LABELS.length;
        int rows = 1 << bits;
        float[] w = new float[rows * l];
        float[] acc = new float[rows * l];
        float[] tr = new float[l * l];
        float[] trAcc = new float[l * l];
        float[] st = new float[l];
        float[] stAcc = new float[l];
        Random rnd = new Random(seed);
        int copies = documentCopies ? 2 : 1;
        int[] order = new int[data.size() * copies];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        NerModel.Scratch sc = new NerModel.Scratch();
        int[] y = new int[16];
        // c counts sentences seen; acc holds c-weighted updates so that the average is w - acc / c
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
                Sent s = data.get(oi % data.size());
                boolean withDoc = oi >= data.size();
                int n = s.n;
                if (n == 0) {
                    continue;
                }
                sc.ensure(n, l);
                if (y.length < n) {
                    y = new int[n * 2];
                }
                emissions(w, s.feats, s.offsets, n, sc.em, l, true);
                if (withDoc) {
                    emissions(w, s.docFeats, s.docOffsets, n, sc.em, l, false);
                }
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
                    update(w, acc, s.feats, s.offsets[i], s.offsets[i + 1], l, g, p, c);
                    if (withDoc) {
                        update(w, acc, s.docFeats, s.docOffsets[i], s.docOffsets[i + 1], l, g, p, c);
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
        return new Trained(w, tr, st);
    }

    private static void average(float[] w, float[] acc, float c) {
        for (int i = 0; i < w.length; i++) {
            w[i] -= acc[i] / c;
        }
    }
}
