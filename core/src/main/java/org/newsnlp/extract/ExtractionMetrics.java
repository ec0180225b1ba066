package org.newsnlp.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scores public main-text extraction benchmarks use, per page and aggregated over a data set.
 *
 * <ul>
 *   <li>{@link #shingles(String, String)}: the ScrapingHub article-extraction benchmark's measure. Both texts
 *       become multisets of word 4-gram shingles (tokens are {@code \w+} runs, case kept; a text of one to
 *       three tokens is a single shingle); true positives, false positives and false negatives are counted
 *       and normalised by their sum. {@link #aggregateShingles(List)} averages precision over pages whose
 *       prediction has shingles and recall over pages whose truth has shingles, and takes F1 of the two.</li>
 *   <li>{@link #rougeLSum(String, String)}: ROUGE-LSum as in the Web Content Extraction Benchmark. Sentences end
 *       at {@code .}, {@code !}, {@code ?} and newlines; tokens are whitespace-separated with case and
 *       punctuation kept; hits are the union LCS of each truth sentence with every predicted sentence,
 *       each token occurrence used at most once.</li>
 * </ul>
 *
 * <pre>{@code
 * ExtractionMetrics.Score s = ExtractionMetrics.rougeLSum(predicted, truth);
 * s.f1();
 * }</pre>
 *
 * <p>Stateless and safe to use from any thread.
 */
public final class ExtractionMetrics {

    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int SHINGLE = 4;

    private ExtractionMetrics() {
    }

    /**
     * Precision, recall and F1 of one page.
     *
     * @param precision in [0, 1]
     * @param recall    in [0, 1]
     * @param f1        in [0, 1]
     */
    public record Score(double precision, double recall, double f1) {

        public Score {
            check("precision", precision);
            check("recall", recall);
            check("f1", f1);
        }

        private static void check(String name, double v) {
            if (!(v >= 0.0 && v <= 1.0)) {
                throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
            }
        }

        static Score of(double p, double r) {
            return new Score(p, r, p + r == 0 ? 0.0 : 2 * p * r / (p + r));
        }
    }

    /**
     * One page's shingle counts, normalised by their sum (all zero when neither text has a shingle).
     *
     * @param tp true positives / (tp + fp + fn)
     * @param fp false positives / (tp + fp + fn)
     * @param fn false negatives / (tp + fp + fn)
     */
    public record ShingleCounts(double tp, double fp, double fn) {
    }

    /** Mean and median of a per-page measure over a data set, and the number of pages. */
    public record Summary(double precision, double recall, double f1, double medianF1, int pages) {
    }

    /** The ScrapingHub shingle counts of one page. */
    public static ShingleCounts shingles(String predicted, String truth) {
        Map<String, Integer> p = shingleBag(Objects.requireNonNull(predicted, "predicted"));
        Map<String, Integer> t = shingleBag(Objects.requireNonNull(truth, "truth"));
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (Map.Entry<String, Integer> e : p.entrySet()) {
            int inTruth = t.getOrDefault(e.getKey(), 0);
            tp += Math.min(e.getValue(), inTruth);
            fp += Math.max(0, e.getValue() - inTruth);
        }
        for (Map.Entry<String, Integer> e : t.entrySet()) {
            fn += Math.max(0, e.getValue() - p.getOrDefault(e.getKey(), 0));
        }
        double total = tp + fp + fn;
        if (total == 0) {
            return new ShingleCounts(0, 0, 0);
        }
        return new ShingleCounts(tp / total, fp / total, fn / total);
    }

    /** Aggregates per-page shingle counts the way the ScrapingHub benchmark does; the median is of per-page F1. */
    public static Summary aggregateShingles(List<ShingleCounts> pages) {
        double pSum = 0;
        int pN = 0;
        double rSum = 0;
        int rN = 0;
        double[] f1 = new double[pages.size()];
        int i = 0;
        for (ShingleCounts c : pages) {
            double p = c.tp() + c.fp() > 0 ? c.tp() / (c.tp() + c.fp()) : 0;
            double r = c.tp() + c.fn() > 0 ? c.tp() / (c.tp() + c.fn()) : 0;
            if (c.tp() + c.fp() > 0) {
                pSum += p;
                pN++;
            }
            if (c.tp() + c.fn() > 0) {
                rSum += r;
                rN++;
            }
            f1[i++] = p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
        double precision = pN == 0 ? 0 : pSum / pN;
        double recall = rN == 0 ? 0 : rSum / rN;
        double f = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Summary(precision, recall, f, median(f1), pages.size());
    }

    /** Mean precision, recall and F1 and median F1 of per-page scores. */
    public static Summary aggregate(List<Score> pages) {
        double p = 0;
        double r = 0;
        double f = 0;
        double[] f1 = new double[pages.size()];
        int i = 0;
        for (Score s : pages) {
            p += s.precision();
            r += s.recall();
            f += s.f1();
            f1[i++] = s.f1();
        }
        int n = Math.max(1, pages.size());
        return new Summary(p / n, r / n, f / n, median(f1), pages.size());
    }

    private static double median(double[] v) {
        if (v.length == 0) {
            return 0;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    private static Map<String, Integer> shingleBag(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        Map<String, Integer> bag = new HashMap<>(Math.max(16, tokens.size() * 2));
        if (tokens.isEmpty()) {
            return bag;
        }
        if (tokens.size() < SHINGLE) {
            bag.put(String.join("\u0001", tokens), 1);
            return bag;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + SHINGLE <= tokens.size(); i++) {
            sb.setLength(0);
            for (int j = 0; j < SHINGLE; j++) {
                if (j > 0) {
                    sb.append('\u0001');
                }
                sb.append(tokens.get(i + j));
            }
            bag.merge(sb.toString(), 1, Integer::sum);
        }
        return bag;
    }

    /** ROUGE-LSum precision, recall and F1 of one page. */
    public static Score rougeLSum(String predicted, String truth) {
        Map<String, Integer> ids = new HashMap<>();
        List<int[]> ref = sentences(Objects.requireNonNull(truth, "truth"), ids);
        List<int[]> cand = sentences(Objects.requireNonNull(predicted, "predicted"), ids);
        int m = 0;
        for (int[] s : ref) {
            m += s.length;
        }
        int n = 0;
        for (int[] s : cand) {
            n += s.length;
        }
        if (m == 0) {
            return n == 0 ? new Score(1, 1, 1) : new Score(0, 1, 0);
        }
        if (n == 0) {
            return new Score(0, 0, 0);
        }
        int[] refCounts = new int[ids.size()];
        int[] candCounts = new int[ids.size()];
        for (int[] s : ref) {
            for (int t : s) {
                refCounts[t]++;
            }
        }
        for (int[] s : cand) {
            for (int t : s) {
                candCounts[t]++;
            }
        }
        int hits = 0;
        int maxLen = 0;
        for (int[] c : cand) {
            maxLen = Math.max(maxLen, c.length);
        }
        for (int[] r : ref) {
            boolean[] union = new boolean[r.length];
            int[][] table = new int[r.length + 1][];
            for (int[] c : cand) {
                lcsMark(r, c, union, table);
            }
            for (int i = 0; i < r.length; i++) {
                if (union[i]) {
                    int t = r[i];
                    if (candCounts[t] > 0 && refCounts[t] > 0) {
                        hits++;
                        candCounts[t]--;
                        refCounts[t]--;
                    }
                }
            }
        }
        return Score.of((double) hits / n, (double) hits / m);
    }

    /** Marks in {@code union} the positions of {@code r} on one longest common subsequence with {@code c}. */
    private static void lcsMark(int[] r, int[] c, boolean[] union, int[][] table) {
        int rl = r.length;
        int cl = c.length;
        if (rl == 0 || cl == 0) {
            return;
        }
        for (int i = 0; i <= rl; i++) {
            if (table[i] == null || table[i].length < cl + 1) {
                table[i] = new int[cl + 1];
            } else {
                Arrays.fill(table[i], 0, cl + 1, 0);
            }
        }
        for (int i = 1; i <= rl; i++) {
            int[] row = table[i];
            int[] prev = table[i - 1];
            int ri = r[i - 1];
            for (int j = 1; j <= cl; j++) {
                if (ri == c[j - 1]) {
                    row[j] = prev[j - 1] + 1;
                } else {
                    row[j] = Math.max(prev[j], row[j - 1]);
                }
            }
        }
        // backtrack as rouge-score's _backtrack_norec does
        int i = rl;
        int j = cl;
        while (i > 0 && j > 0) {
            if (r[i - 1] == c[j - 1]) {
                union[i - 1] = true;
                i--;
                j--;
            } else if (table[i][j - 1] > table[i - 1][j]) {
                j--;
            } else {
                i--;
            }
        }
    }

    private static List<int[]> sentences(String text, Map<String, Integer> ids) {
        List<int[]> out = new ArrayList<>();
        List<Integer> cur = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char ch = text.charAt(i);
            if (ch == '\n' || ch == '\r') {
                flush(cur, out);
                i++;
                continue;
            }
            if (Character.isWhitespace(ch)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            String tok = text.substring(start, i);
            Integer id = ids.get(tok);
            if (id == null) {
                id = ids.size();
                ids.put(tok, id);
            }
            cur.add(id);
            char last = tok.charAt(tok.length() - 1);
            if (last == '.' || last == '!' || last == '?') {
                flush(cur, out);
            }
        }
        flush(cur, out);
        return out;
    }

    private static void flush(List<Integer> cur, List<int[]> out) {
        if (!cur.isEmpty()) {
            int[] a = new int[cur.size()];
            for (int k = 0; k < a.length; k++) {
                a[k] = cur.get(k);
            }
            out.add(a);
            cur.clear();
        }
    }
}
