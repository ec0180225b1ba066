package org.newsnlp.ner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Entity-level precision, recall and F1 per type and overall (micro-averaged), computed as the CoNLL
 * {@code conlleval} script does: an entity counts as correct only when its first token, last token and type
 * all match a gold entity. Tags may be IOB1 or BIO, on either side.
 *
 * <pre>{@code
 * NerEvaluation.Accumulator acc = NerEvaluation.accumulator();
 * acc.add(goldTags, predictedTags);
 * NerEvaluation e = acc.result();
 * e.overall().f1();
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads; an {@link Accumulator} is not.
 *
 * @param byType        scores per entity type, in order of first appearance
 * @param overall       micro-averaged scores over all types
 * @param tokens        number of tokens scored
 * @param correctTokens tokens whose tag equals the gold tag after conversion to BIO
 */
public record NerEvaluation(Map<String, Scores> byType, Scores overall, long tokens, long correctTokens) {

    public NerEvaluation {
        byType = Collections.unmodifiableMap(new LinkedHashMap<>(byType));
        Objects.requireNonNull(overall, "overall");
    }

    /**
     * Counts for one type (or overall).
     *
     * @param gold    entities in the gold tags
     * @param guessed entities in the predicted tags
     * @param correct predicted entities that match a gold entity exactly
     */
    public record Scores(long gold, long guessed, long correct) {
        public Scores {
            if (gold < 0 || guessed < 0 || correct < 0 || correct > Math.min(gold, guessed)) {
                throw new IllegalArgumentException("inconsistent counts gold=" + gold + " guessed=" + guessed
                        + " correct=" + correct);
            }
        }

        /** Correct over guessed, 0 when nothing was guessed. */
        public double precision() {
            return guessed == 0 ? 0 : (double) correct / guessed;
        }

        /** Correct over gold, 0 when there is no gold entity. */
        public double recall() {
            return gold == 0 ? 0 : (double) correct / gold;
        }

        /** Harmonic mean of precision and recall. */
        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** Token accuracy. */
    public double tokenAccuracy() {
        return tokens == 0 ? 0 : (double) correctTokens / tokens;
    }

    /** Metrics as a flat map ({@code "f1"}, {@code "PER.f1"}, ...), as stored in a model manifest. */
    public Map<String, Double> metrics(String prefix) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(prefix + "precision", round(overall.precision()));
        m.put(prefix + "recall", round(overall.recall()));
        m.put(prefix + "f1", round(overall.f1()));
        for (Map.Entry<String, Scores> e : byType.entrySet()) {
            m.put(prefix + e.getKey() + ".f1", round(e.getValue().f1()));
        }
        return m;
    }

    private static double round(double x) {
        return Math.round(x * 10000) / 10000.0;
    }

    /** A conlleval-style report. */
    public String report() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "processed %d tokens with %d phrases; found: %d phrases; correct: %d.%n",
                tokens, overall.gold(), overall.guessed(), overall.correct()));
        b.append(String.format(Locale.ROOT, "accuracy: %6.2f%%; precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f%n",
                100 * tokenAccuracy(), 100 * overall.precision(), 100 * overall.recall(), 100 * overall.f1()));
        for (Map.Entry<String, Scores> e : byType.entrySet()) {
            Scores s = e.getValue();
            b.append(String.format(Locale.ROOT, "%17s: precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %d%n",
                    e.getKey(), 100 * s.precision(), 100 * s.recall(), 100 * s.f1(), s.guessed()));
        }
        return b.toString();
    }

    /** A new accumulator. */
    public static Accumulator accumulator() {
        return new Accumulator();
    }

    /** Collects sentence-by-sentence counts. Not thread-safe. */
    public static final class Accumulator {
        private final List<String> types = new ArrayList<>();
        private long[] gold = new long[8];
        private long[] guessed = new long[8];
        private long[] correct = new long[8];
        private long tokens;
        private long correctTokens;

        private Accumulator() {
            for (String t : new String[] {"LOC", "MISC", "ORG", "PER"}) {
                types.add(t);
            }
        }

        /** Adds one sentence's gold and predicted tags (same length). */
        public Accumulator add(List<String> goldTags, List<String> predicted) {
            if (goldTags.size() != predicted.size()) {
                throw new IllegalArgumentException("gold has " + goldTags.size() + " tags, prediction "
                        + predicted.size());
            }
            List<int[]> g = TagScheme.chunks(goldTags, types);
            List<int[]> p = TagScheme.chunks(predicted, types);
            ensure(types.size());
            Set<Long> goldKeys = new HashSet<>();
            for (int[] c : g) {
                gold[c[2]]++;
                goldKeys.add(key(c));
            }
            for (int[] c : p) {
                guessed[c[2]]++;
                if (goldKeys.contains(key(c))) {
                    correct[c[2]]++;
                }
            }
            String[] gb = TagScheme.toBio(goldTags);
            String[] pb = TagScheme.toBio(predicted);
            for (int i = 0; i < gb.length; i++) {
                tokens++;
                if (gb[i].equals(pb[i])) {
                    correctTokens++;
                }
            }
            return this;
        }

        /** Adds one sentence given as arrays. */
        public Accumulator add(String[] goldTags, String[] predicted) {
            return add(List.of(goldTags), List.of(predicted));
        }

        private static long key(int[] c) {
            return ((long) c[0] << 40) | ((long) c[1] << 16) | c[2];
        }

        private void ensure(int n) {
            if (n > gold.length) {
                gold = java.util.Arrays.copyOf(gold, n * 2);
                guessed = java.util.Arrays.copyOf(guessed, n * 2);
                correct = java.util.Arrays.copyOf(correct, n * 2);
            }
        }

        /** The scores so far. Types with no gold and no guessed entity are left out. */
        public NerEvaluation result() {
            Map<String, Scores> by = new LinkedHashMap<>();
            long g = 0;
            long p = 0;
            long c = 0;
            List<String> sorted = new ArrayList<>(types);
            Collections.sort(sorted);
            for (String t : sorted) {
                int i = types.indexOf(t);
                if (gold[i] == 0 && guessed[i] == 0) {
                    continue;
                }
                by.put(t, new Scores(gold[i], guessed[i], correct[i]));
                g += gold[i];
                p += guessed[i];
                c += correct[i];
            }
            return new NerEvaluation(by, new Scores(g, p, c), tokens, correctTokens);
        }
    }
}
