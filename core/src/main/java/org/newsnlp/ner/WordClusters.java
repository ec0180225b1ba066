package org.newsnlp.ner;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.newsnlp.NewsNlpException;
import org.newsnlp.internal.LongIntMap;

/**
 * Word clusters and case statistics learned from unlabelled text: every frequent word form gets a cluster id
 * at three granularities (fine, middle, coarse), found by spherical k-means over the positive-PMI vectors of
 * its left and right neighbours, the middle and coarse levels by clustering the fine centroids again. The
 * same pass counts how often each form occurs away from the start of a sentence, which tells a recognizer
 * whether a word is normally written in lower case ("get") or capitalised ("Japan").
 *
 * <pre>{@code
 * WordClusters c = WordClusters.learn(UnlabelledCorpus.lines(sharedRoot), WordClusters.Settings.defaults());
 * int fine = c.cluster("Japan", 0);
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class WordClusters {

    /** Cluster levels: 0 fine, 1 middle, 2 coarse. */
    public static final int LEVELS = 3;

    private static final int MAGIC = 0x4E4E434C; // "NNCL"
    private static final int VERSION = 1;

    /**
     * Learning settings.
     *
     * @param vocabulary     most frequent forms that get a cluster
     * @param minCount       fewest occurrences for a form to get a cluster
     * @param contexts       most frequent forms used as context dimensions
     * @param fineClusters   clusters at the fine level (the middle level has a quarter, the coarse a sixteenth)
     * @param iterations     k-means iterations
     * @param seed           random seed of the k-means initialisation
     * @param window         neighbours on each side used as context (1 or 2)
     */
    public record Settings(int vocabulary, int minCount, int contexts, int fineClusters, int iterations, long seed,
                           int window) {
        public Settings {
            if (vocabulary < 1 || minCount < 1 || contexts < 1 || fineClusters < 16 || iterations < 1
                    || window < 1 || window > 2) {
                throw new IllegalArgumentException("bad cluster settings: " + vocabulary + ", " + minCount + ", "
                        + contexts + ", " + fineClusters + ", " + iterations + ", window " + window);
            }
        }

        /** The settings of the shipped model. */
        public static Settings defaults() {
            return new Settings(60_000, 3, 2_000, 640, 12, 7L, 1);
        }
    }

    private final String[] words;
    private final int[] counts;
    private final int[] midCounts;
    private final short[][] clusters; // [level][word]
    private final int[] clusterCounts;
    private final LongIntMap index;
    private final LongIntMap lowerIndex; // lower-case hash -> word index of the best non-initial form

    private WordClusters(String[] words, int[] counts, int[] midCounts, short[][] clusters, int[] clusterCounts) {
        this.words = words;
        this.counts = counts;
        this.midCounts = midCounts;
        this.clusters = clusters;
        this.clusterCounts = clusterCounts;
        this.index = new LongIntMap(words.length);
        this.lowerIndex = new LongIntMap(words.length);
        for (int i = 0; i < words.length; i++) {
            index.put(key(words[i]), i);
            long lk = Hashing.lower(words[i]);
            int prev = lowerIndex.get(lk, -1);
            if (prev < 0 || midCounts[i] > midCounts[prev]) {
                lowerIndex.put(lk, i);
            }
        }
    }

    /** Hash of a form with every digit mapped to {@code 0}, the key of the cluster table. */
    static long key(CharSequence s) {
        long h = 0xcbf29ce484222325L;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            h = (h ^ (c >= '0' && c <= '9' ? '0' : c)) * 0x100000001b3L;
        }
        return Hashing.fmix(h ^ n);
    }

    static String digitsToZero(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '1' && c <= '9') {
                if (b == null) {
                    b = new StringBuilder(s);
                }
                b.setCharAt(i, '0');
            }
        }
        return b == null ? s : b.toString();
    }

    /** Number of forms with a cluster. */
    public int size() {
        return words.length;
    }

    /** Number of clusters at {@code level}. */
    public int clusterCount(int level) {
        return clusterCounts[level];
    }

    /** The cluster of {@code word} at {@code level} (0 fine, 1 middle, 2 coarse), or -1 if unknown. */
    public int cluster(CharSequence word, int level) {
        int i = index.get(key(word), -1);
        return i < 0 ? -1 : clusters[level][i];
    }

    /** Index of the form, or -1. */
    int indexOf(CharSequence word) {
        return index.get(key(word), -1);
    }

    int clusterOf(int wordIndex, int level) {
        return clusters[level][wordIndex];
    }

    /** The index of the usual (most frequent non-initial) spelling of {@code word}'s lower case, or -1. */
    int usualFormIndex(CharSequence word) {
        return lowerIndex.get(Hashing.lower(word), -1);
    }

    String form(int wordIndex) {
        return words[wordIndex];
    }

    int midCount(int wordIndex) {
        return midCounts[wordIndex];
    }

    /** The usual spelling of {@code word} in running text, e.g. "get" for "GET", or {@code null} if unknown. */
    public String usualForm(CharSequence word) {
        int i = usualFormIndex(word);
        return i < 0 || midCounts[i] == 0 ? null : words[i];
    }

    // ---------------------------------------------------------------- learning

    /**
     * Learns clusters from unlabelled text.
     *
     * @param lines    lines of text; a line is treated as one sentence-like unit
     * @param settings learning settings
     */
    public static WordClusters learn(Iterable<String> lines, Settings settings) {
        Map<String, int[]> stats = new HashMap<>(1 << 20);
        List<int[]> seqs = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (String line : lines) {
            List<String> toks = CorpusTokenizer.tokenize(line);
            if (toks.isEmpty()) {
                continue;
            }
            int[] seq = new int[toks.size()];
            boolean caps = isMostlyUpperCase(line);
            boolean initial = true;
            for (int t = 0; t < toks.size(); t++) {
                String w = digitsToZero(toks.get(t));
                int[] st = stats.get(w);
                if (st == null) {
                    st = new int[] {order.size(), 0, 0};
                    stats.put(w, st);
                    order.add(w);
                }
                st[1]++;
                if (!initial && !caps) {
                    st[2]++;
                }
                seq[t] = st[0];
                initial = isSentenceBreak(w);
            }
            seqs.add(seq);
        }
        int nTypes = order.size();
        int[] total = new int[nTypes];
        int[] mid = new int[nTypes];
        for (Map.Entry<String, int[]> e : stats.entrySet()) {
            total[e.getValue()[0]] = e.getValue()[1];
            mid[e.getValue()[0]] = e.getValue()[2];
        }
        stats = null;
        Integer[] byFreq = new Integer[nTypes];
        for (int i = 0; i < nTypes; i++) {
            byFreq[i] = i;
        }
        Arrays.sort(byFreq, Comparator.<Integer>comparingInt(i -> -total[i]).thenComparing(i -> order.get(i)));
        int v = 0;
        while (v < Math.min(settings.vocabulary(), nTypes) && total[byFreq[v]] >= settings.minCount()) {
            v++;
        }
        int c = Math.min(settings.contexts(), v);
        int[] vocabId = new int[nTypes];
        Arrays.fill(vocabId, -1);
        for (int i = 0; i < v; i++) {
            vocabId[byFreq[i]] = i;
        }
        // context ids: 0..c-1 frequent forms, c: unknown capitalised, c+1: unknown lower, c+2: other, c+3: boundary
        int side = c + 4;
        int window = settings.window();
        int dims = 2 * window * side;
        int[] ctxOf = new int[nTypes];
        for (int i = 0; i < nTypes; i++) {
            int vid = vocabId[i];
            if (vid >= 0 && vid < c) {
                ctxOf[i] = vid;
            } else {
                String w = order.get(i);
                char ch = w.charAt(0);
                ctxOf[i] = Character.isUpperCase(ch) ? c : Character.isLowerCase(ch) ? c + 1 : c + 2;
            }
        }
        long nPairs = 0;
        for (int[] seq : seqs) {
            for (int id : seq) {
                if (vocabId[id] >= 0) {
                    nPairs += 2 * window;
                }
            }
        }
        long[] pairs = new long[Math.toIntExact(nPairs)];
        int p = 0;
        for (int[] seq : seqs) {
            for (int t = 0; t < seq.length; t++) {
                int w = vocabId[seq[t]];
                if (w < 0) {
                    continue;
                }
                // blocks of context dimensions: left 1, right 1, then left 2, right 2
                for (int k = 1; k <= window; k++) {
                    int left = t - k < 0 ? c + 3 : ctxOf[seq[t - k]];
                    int right = t + k >= seq.length ? c + 3 : ctxOf[seq[t + k]];
                    int block = 2 * (k - 1) * side;
                    pairs[p++] = (long) w * dims + block + left;
                    pairs[p++] = (long) w * dims + block + side + right;
                }
            }
        }
        seqs = null;
        Arrays.parallelSort(pairs);
        double[] ctxTotal = new double[dims];
        double[] wordTotal = new double[v];
        for (int i = 0; i < pairs.length; ) {
            int j = i;
            while (j < pairs.length && pairs[j] == pairs[i]) {
                j++;
            }
            ctxTotal[(int) (pairs[i] % dims)] += j - i;
            wordTotal[(int) (pairs[i] / dims)] += j - i;
            i = j;
        }
        double grand = 0;
        double smoothed = 0;
        for (int d = 0; d < dims; d++) {
            grand += ctxTotal[d];
            smoothed += Math.pow(ctxTotal[d], 0.75);
        }
        // positive PMI with context-distribution smoothing, L2-normalised sparse rows
        int[][] rowDims = new int[v][];
        float[][] rowVals = new float[v][];
        int[] tmpD = new int[dims];
        float[] tmpV = new float[dims];
        int cur = -1;
        int nnz = 0;
        for (int i = 0; i <= pairs.length; ) {
            int w = i < pairs.length ? (int) (pairs[i] / dims) : -2;
            if (w != cur) {
                if (cur >= 0) {
                    storeRow(rowDims, rowVals, cur, tmpD, tmpV, nnz);
                }
                cur = w;
                nnz = 0;
                if (w == -2) {
                    break;
                }
            }
            int j = i;
            while (j < pairs.length && pairs[j] == pairs[i]) {
                j++;
            }
            int d = (int) (pairs[i] % dims);
            double pmi = Math.log((j - i) / wordTotal[w] / (Math.pow(ctxTotal[d], 0.75) / smoothed));
            if (pmi > 0) {
                tmpD[nnz] = d;
                tmpV[nnz] = (float) pmi;
                nnz++;
            }
            i = j;
        }
        pairs = null;
        for (int w = 0; w < v; w++) {
            if (rowDims[w] == null) {
                rowDims[w] = new int[0];
                rowVals[w] = new float[0];
            }
        }
        int k1 = Math.min(settings.fineClusters(), v);
        int[] fine = sphericalKMeans(rowDims, rowVals, dims, k1, settings.iterations(), new Random(settings.seed()));
        float[][] centroids = centroids(rowDims, rowVals, fine, k1, dims);
        int k2 = Math.max(2, k1 / 4);
        int k3 = Math.max(2, k1 / 16);
        int[] midOfFine = denseKMeans(centroids, k2, settings.iterations() * 2, new Random(settings.seed() + 1));
        int[] coarseOfFine = denseKMeans(centroids, k3, settings.iterations() * 2, new Random(settings.seed() + 2));
        String[] words = new String[v];
        int[] counts = new int[v];
        int[] mids = new int[v];
        short[][] cl = new short[LEVELS][v];
        for (int i = 0; i < v; i++) {
            int id = byFreq[i];
            words[i] = order.get(id);
            counts[i] = total[id];
            mids[i] = mid[id];
            cl[0][i] = (short) fine[i];
            cl[1][i] = (short) midOfFine[fine[i]];
            cl[2][i] = (short) coarseOfFine[fine[i]];
        }
        return new WordClusters(words, counts, mids, cl, new int[] {k1, k2, k3});
    }

    /** True when most letters of {@code line} are upper case (a headline or a shouted line). */
    static boolean isMostlyUpperCase(CharSequence line) {
        int upper = 0;
        int letters = 0;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (Character.isLetter(ch)) {
                letters++;
                if (Character.isUpperCase(ch)) {
                    upper++;
                }
            }
        }
        return letters > 0 && upper * 2 > letters;
    }

    static boolean isSentenceBreak(String w) {
        return w.equals(".") || w.equals("?") || w.equals("!") || w.equals("\"") || w.equals(":") || w.equals("-")
                || w.equals("'") || w.equals("(");
    }

    private static void storeRow(int[][] rowDims, float[][] rowVals, int w, int[] d, float[] val, int nnz) {
        double norm = 0;
        for (int i = 0; i < nnz; i++) {
            norm += val[i] * val[i];
        }
        float inv = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
        rowDims[w] = Arrays.copyOf(d, nnz);
        float[] vals = new float[nnz];
        for (int i = 0; i < nnz; i++) {
            vals[i] = val[i] * inv;
        }
        rowVals[w] = vals;
    }

    private static int[] sphericalKMeans(int[][] rowDims, float[][] rowVals, int dims, int k, int iterations,
                                         Random rnd) {
        int v = rowDims.length;
        // initial centroids: distinct random rows, favouring frequent words (rows are sorted by frequency)
        float[] cent = new float[dims * k]; // dimension-major
        boolean[] used = new boolean[v];
        for (int j = 0; j < k; j++) {
            int w;
            do {
                w = (int) Math.floor(Math.pow(rnd.nextDouble(), 1.5) * v);
            } while (used[w] || rowDims[w].length == 0);
            used[w] = true;
            for (int t = 0; t < rowDims[w].length; t++) {
                cent[rowDims[w][t] * k + j] = rowVals[w][t];
            }
        }
        int[] assign = new int[v];
        for (int it = 0; it < iterations; it++) {
            final float[] c = cent;
            IntStream.range(0, v).parallel().forEach(w -> {
                float[] score = new float[k];
                int[] ds = rowDims[w];
                float[] vs = rowVals[w];
                for (int t = 0; t < ds.length; t++) {
                    float x = vs[t];
                    int base = ds[t] * k;
                    for (int j = 0; j < k; j++) {
                        score[j] += x * c[base + j];
                    }
                }
                int best = 0;
                for (int j = 1; j < k; j++) {
                    if (score[j] > score[best]) {
                        best = j;
                    }
                }
                assign[w] = best;
            });
            float[][] cs = centroids(rowDims, rowVals, assign, k, dims);
            cent = new float[dims * k];
            for (int j = 0; j < k; j++) {
                if (isZero(cs[j])) { // re-seed an empty cluster with a random word
                    int w = rnd.nextInt(v);
                    for (int t = 0; t < rowDims[w].length; t++) {
                        cent[rowDims[w][t] * k + j] = rowVals[w][t];
                    }
                    continue;
                }
                for (int d = 0; d < dims; d++) {
                    cent[d * k + j] = cs[j][d];
                }
            }
        }
        return assign;
    }

    private static boolean isZero(float[] x) {
        for (float f : x) {
            if (f != 0) {
                return false;
            }
        }
        return true;
    }

    private static float[][] centroids(int[][] rowDims, float[][] rowVals, int[] assign, int k, int dims) {
        float[][] cs = new float[k][dims];
        for (int w = 0; w < rowDims.length; w++) {
            float[] c = cs[assign[w]];
            for (int t = 0; t < rowDims[w].length; t++) {
                c[rowDims[w][t]] += rowVals[w][t];
            }
        }
        for (float[] c : cs) {
            normalize(c);
        }
        return cs;
    }

    private static void normalize(float[] c) {
        double norm = 0;
        for (float x : c) {
            norm += x * x;
        }
        if (norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int d = 0; d < c.length; d++) {
                c[d] *= inv;
            }
        }
    }

    private static int[] denseKMeans(float[][] points, int k, int iterations, Random rnd) {
        int n = points.length;
        int dims = points[0].length;
        float[][] cent = new float[k][];
        int[] perm = IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        for (int j = 0; j < k; j++) {
            cent[j] = points[perm[j % n]].clone();
        }
        int[] assign = new int[n];
        for (int it = 0; it < iterations; it++) {
            final float[][] c = cent;
            IntStream.range(0, n).parallel().forEach(i -> {
                int best = 0;
                double bestScore = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    double s = 0;
                    for (int d = 0; d < dims; d++) {
                        s += points[i][d] * c[j][d];
                    }
                    if (s > bestScore) {
                        bestScore = s;
                        best = j;
                    }
                }
                assign[i] = best;
            });
            float[][] next = new float[k][dims];
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < dims; d++) {
                    next[assign[i]][d] += points[i][d];
                }
            }
            for (int j = 0; j < k; j++) {
                if (isZero(next[j])) {
                    next[j] = points[rnd.nextInt(n)].clone();
                }
                normalize(next[j]);
            }
            cent = next;
        }
        return assign;
    }

    // ---------------------------------------------------------------- format

    /**
     * Writes the clusters: magic {@code NNCL}, version, the three cluster counts, the number of forms, then
     * per form its UTF string, total count, non-initial count and three cluster ids (shorts). Does not close
     * {@code out}.
     */
    public void write(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(MAGIC);
        d.writeInt(VERSION);
        writeBody(d);
        d.flush();
    }

    void writeBody(DataOutputStream d) throws IOException {
        for (int l = 0; l < LEVELS; l++) {
            d.writeInt(clusterCounts[l]);
        }
        d.writeInt(words.length);
        for (int i = 0; i < words.length; i++) {
            d.writeUTF(words[i]);
            d.writeInt(counts[i]);
            d.writeInt(midCounts[i]);
            for (int l = 0; l < LEVELS; l++) {
                d.writeShort(clusters[l][i]);
            }
        }
    }

    /**
     * Reads clusters written by {@link #write(OutputStream)}.
     *
     * @throws NewsNlpException naming {@code source} when the stream is not a cluster file
     */
    public static WordClusters read(InputStream in, String source) throws IOException {
        DataInputStream d = new DataInputStream(in);
        int magic = d.readInt();
        if (magic != MAGIC) {
            throw new NewsNlpException(source + ": not a newsnlp word-cluster file (bad magic number)");
        }
        int version = d.readInt();
        if (version != VERSION) {
            throw new NewsNlpException(source + ": word-cluster format version " + version
                    + " is not supported (this reader knows " + VERSION + ")");
        }
        return readBody(d, source);
    }

    static WordClusters readBody(DataInputStream d, String source) throws IOException {
        int[] cc = new int[LEVELS];
        for (int l = 0; l < LEVELS; l++) {
            cc[l] = d.readInt();
            if (cc[l] < 1 || cc[l] > Short.MAX_VALUE) {
                throw new NewsNlpException(source + ": corrupt word clusters (cluster count " + cc[l] + ")");
            }
        }
        int n = d.readInt();
        if (n < 0 || n > 10_000_000) {
            throw new NewsNlpException(source + ": corrupt word clusters (" + n + " forms)");
        }
        String[] words = new String[n];
        int[] counts = new int[n];
        int[] mids = new int[n];
        short[][] cl = new short[LEVELS][n];
        for (int i = 0; i < n; i++) {
            words[i] = d.readUTF();
            counts[i] = d.readInt();
            mids[i] = d.readInt();
            for (int l = 0; l < LEVELS; l++) {
                short s = d.readShort();
                if (s < 0 || s >= cc[l]) {
                    throw new NewsNlpException(source + ": corrupt word clusters (cluster id " + s + ")");
                }
                cl[l][i] = s;
            }
        }
        return new WordClusters(words, counts, mids, cl, cc);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "WordClusters[%d forms, %d/%d/%d clusters]", words.length,
                clusterCounts[0], clusterCounts[1], clusterCounts[2]);
    }
}
