package org.newsnlp.text;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import opennlp.tools.langdetect.LanguageDetectorFactory;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.util.normalizer.AggregateCharSequenceNormalizer;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;


/**
 * A {@link LanguageIdentifier} backed by OpenNLP's 103-language model
 * ({@code org.apache.opennlp:opennlp-models-langdetect}), reporting ISO 639-1 codes.
 *
 * <pre>{@code
 * LanguageIdentifier id = OpenNlpLanguageIdentifier.load();
 * id.identify("Der Bundestag hat am Freitag ...").code(); // "de"
 * }</pre>
 *
 * <p>The model is OpenNLP's and so are the features: the text normalised by the model factory's normalisers
 * (e-mail addresses, URLs, Twitter handles, numbers, repeated characters), then every distinct lower-cased
 * character 1-, 2- and 3-gram, scored by the maximum-entropy model. Scoring is our own: the model's weights
 * are copied into flat arrays (as floats) when the identifier is built, and the n-grams are looked up by
 * their characters packed into a {@code long}, so identifying a text allocates a few small arrays instead of
 * a string and map entry per n-gram. Over the same text the probabilities are {@link LanguageDetectorME}'s
 * to about 1e-6. Like OpenNLP's {@code probingPredictLanguages}, {@link #identify} stops reading once the
 * language is settled: from 300 characters on it checks every 150 more, and stops when the same language has
 * led the second by at least 0.5 in probability at two checks in a row (on the BBC News articles, 300
 * characters already give every article's language; a settled text reports the confidence reached when it
 * stopped, lower than the whole text's would be).
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class OpenNlpLanguageIdentifier implements LanguageIdentifier {

    /** Classpath resource of the model. */
    public static final String MODEL = "/langdetect-183.bin";

    private static final int MAX_CHARS = 4000;
    private static final int MIN_LETTERS = 20;
    private static final int MAX_GRAM = 3;
    /** Characters read before the first check whether the language is settled. */
    static final int PROBE_FROM = 300;
    /** Characters read between two checks. */
    static final int PROBE_STEP = 150;
    /** Characters normalised before the rest of a long text: enough for four checks. */
    static final int PROBE_PREFIX = PROBE_FROM + 3 * PROBE_STEP;
    /** Lead in probability over the second language, at two checks in a row, that settles the text. */
    static final double SETTLED_LEAD = 0.5;

    private final CharSequenceNormalizer normalizer;
    private final String[] outcomes;
    /**
     * The packed n-grams ({@link #pack}) of the model's features in an open-addressing table with linear
     * probing (0 = free); a feature's slot is its index in {@link #start}.
     */
    private final long[] slots;
    private final int slotMask;
    /** Slot {@code f}'s weights are {@code weights[start[f] .. start[f + 1])}, for the languages {@code outcomeOf} the same range. */
    private final int[] start;
    private final byte[] outcomeOf;
    private final float[] weights;
    private final double logPrior;

    /** A model with features of its own, scored by OpenNLP itself; null for the default features. */
    private final LanguageDetectorModel custom;

    /**
     * Builds an identifier from a loaded OpenNLP language model. A model with OpenNLP's default features
     * (all its published language models) has its weights copied and is not kept; a model trained with
     * another factory or learner is scored by {@link LanguageDetectorME}.
     */
    public OpenNlpLanguageIdentifier(LanguageDetectorModel model) {
        Objects.requireNonNull(model, "model");
        if (!(model.getMaxentModel() instanceof GISModel gis) || model.getFactory().getClass() != LanguageDetectorFactory.class
                || !hasShortGrams(gis)) {
            this.custom = model;
            this.normalizer = null;
            this.outcomes = null;
            this.slots = null;
            this.slotMask = 0;
            this.start = null;
            this.outcomeOf = null;
            this.weights = null;
            this.logPrior = 0;
            return;
        }
        this.custom = null;
        this.normalizer = new AggregateCharSequenceNormalizer(EmojiCharSequenceNormalizer.getInstance(),
                UrlCharSequenceNormalizer.getInstance(), TwitterCharSequenceNormalizer.getInstance(),
                NumberCharSequenceNormalizer.getInstance(), ShrinkCharSequenceNormalizer.getInstance());
        Object[] data = gis.getDataStructures();
        @SuppressWarnings("unchecked")
        Map<String, Context> pmap = (Map<String, Context>) data[1];
        this.outcomes = ((String[]) data[2]).clone();
        int capacity = Integer.highestOneBit(Math.max(16, pmap.size() * 7 / 4)) << 1;
        this.slots = new long[capacity];
        this.slotMask = capacity - 1;
        Context[] bySlot = new Context[capacity];
        int total = 0;
        for (Map.Entry<String, Context> e : pmap.entrySet()) {
            String gram = e.getKey();
            long key = pack(gram, 0, gram.length());
            int i = slot(key);
            while (slots[i] != 0 && slots[i] != key) {
                i = (i + 1) & slotMask;
            }
            if (slots[i] == key) {
                throw new IllegalArgumentException("language model lists the n-gram '" + gram + "' twice");
            }
            slots[i] = key;
            bySlot[i] = e.getValue();
            total += e.getValue().getOutcomes().length;
        }
        this.start = new int[capacity + 1];
        this.outcomeOf = new byte[total];
        this.weights = new float[total];
        int at = 0;
        for (int f = 0; f < capacity; f++) {
            start[f] = at;
            if (bySlot[f] != null) {
                int[] o = bySlot[f].getOutcomes();
                double[] p = bySlot[f].getParameters();
                for (int k = 0; k < o.length; k++) {
                    outcomeOf[at] = (byte) o[k];
                    weights[at] = (float) p[k];
                    at++;
                }
            }
        }
        start[capacity] = at;
        this.logPrior = Math.log(1.0 / outcomes.length);
    }

    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & slotMask;
    }

    /** Whether every feature of the model is a 1- to 3-character n-gram and the languages fit in a byte. */
    private static boolean hasShortGrams(GISModel gis) {
        Object[] data = gis.getDataStructures();
        if (!(data[1] instanceof Map<?, ?> pmap) || ((String[]) data[2]).length > 256) {
            return false;
        }
        for (Object k : pmap.keySet()) {
            if (!(k instanceof String gram) || gram.isEmpty() || gram.length() > MAX_GRAM) {
                return false;
            }
        }
        return true;
    }

    /** Loads the model from the classpath. */
    public static OpenNlpLanguageIdentifier load() {
        return new OpenNlpLanguageIdentifier(OpenNlpModels.load(MODEL, "language model",
                "org.apache.opennlp:opennlp-models-langdetect", LanguageDetectorModel::new));
    }

    @Override
    public Language identify(CharSequence text) {
        CharSequence sample = text.length() > MAX_CHARS ? text.subSequence(0, MAX_CHARS) : text;
        int letters = 0;
        for (int i = 0; i < sample.length(); i++) {
            if (Character.isLetter(sample.charAt(i))) {
                letters++;
            }
        }
        if (letters < MIN_LETTERS) {
            return Language.UNDETERMINED;
        }
        if (custom != null) {
            opennlp.tools.langdetect.Language l = new LanguageDetectorME(custom).predictLanguage(sample);
            return new Language(toIso1(l.getLang()), Math.max(0.0, Math.min(1.0, l.getConfidence())));
        }
        double[] p = probabilities(sample, true);
        int best = argmax(p);
        double conf = Math.max(0.0, Math.min(1.0, p[best]));
        return new Language(toIso1(outcomes[best]), conf);
    }

    /**
     * The model's probability of each of its languages ({@link #languages()} order) for {@code text}; only for
     * a model with the default features.
     */
    double[] probabilities(CharSequence text) {
        return probabilities(text, false);
    }

    /**
     * {@link #probabilities(CharSequence)}, stopping early when {@code probe} is set: from
     * {@link #PROBE_FROM} characters on, after every {@link #PROBE_STEP} more, the text is settled when the
     * same language has led the second by at least {@link #SETTLED_LEAD} at two checks in a row.
     */
    private double[] probabilities(CharSequence text, boolean probe) {
        if (probe && text.length() > PROBE_PREFIX) {
            // most texts settle within their first characters: normalise those alone first
            double[] p = scores(text.subSequence(0, PROBE_PREFIX), true, true);
            if (p != null) {
                return p;
            }
        }
        return scores(text, probe, false);
    }

    /**
     * Scores {@code text}; with {@code probe}, stops once the language is settled. With {@code onlySettled},
     * returns null instead of the scores of the whole text when it never settled.
     */
    private double[] scores(CharSequence text, boolean probe, boolean onlySettled) {
        CharSequence chars = normalizer.normalize(text);
        int n = chars.length();
        long[] seen = new long[(start.length + 63) >>> 6];
        double[] score = new double[outcomes.length];
        java.util.Arrays.fill(score, logPrior);
        int settledAt = -1;
        int nextCheck = probe ? Math.min(PROBE_FROM, n) : n;
        int done = 0; // n-grams up to this start position are in the scores
        while (true) {
            for (int i = done; i < nextCheck; i++) {
                for (int len = 1; len <= MAX_GRAM && i + len <= n; len++) {
                    add(pack(chars, i, i + len), seen, score);
                }
            }
            done = nextCheck;
            if (done >= n) {
                return onlySettled ? null : softmax(score);
            }
            double[] p = softmax(score.clone());
            int best = argmax(p);
            double second = 0;
            for (int o = 0; o < p.length; o++) {
                if (o != best) {
                    second = Math.max(second, p[o]);
                }
            }
            if (p[best] - second >= SETTLED_LEAD) {
                if (settledAt == best) {
                    return p;
                }
                settledAt = best;
            } else {
                settledAt = -1;
            }
            nextCheck = Math.min(n, done + PROBE_STEP);
        }
    }

    private void add(long key, long[] seen, double[] score) {
        int f = slot(key);
        while (slots[f] != key && slots[f] != 0) {
            f = (f + 1) & slotMask;
        }
        if (slots[f] == 0 || (seen[f >>> 6] & (1L << f)) != 0) {
            return;
        }
        seen[f >>> 6] |= 1L << f;
        for (int k = start[f], end = start[f + 1]; k < end; k++) {
            score[outcomeOf[k] & 0xFF] += weights[k];
        }
    }

    private static double[] softmax(double[] score) {
        double normal = 0;
        for (int o = 0; o < score.length; o++) {
            score[o] = StrictMath.exp(score[o]);
            normal += score[o];
        }
        for (int o = 0; o < score.length; o++) {
            score[o] /= normal;
        }
        return score;
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int o = 1; o < p.length; o++) {
            if (p[o] > p[best]) {
                best = o;
            }
        }
        return best;
    }

    /** The model's languages, as it names them (ISO 639-3). */
    java.util.List<String> languages() {
        return java.util.List.of(outcomes);
    }

    /**
     * The lower case of {@code s[from, to)} (at most three chars), code point by code point as OpenNLP's
     * {@code StringUtil.toLowerCase} does, packed with its length into a long: an exact key, never 0.
     */
    static long pack(CharSequence s, int from, int to) {
        long key = to - from;
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toLowerCase(Character.toCodePoint(c, s.charAt(i + 1)));
                if (Character.isSupplementaryCodePoint(cp)) {
                    key = (key << 16) | Character.highSurrogate(cp);
                    key = (key << 16) | Character.lowSurrogate(cp);
                } else {
                    key = (key << 16) | cp;
                }
                i += 2;
            } else {
                key = (key << 16) | Character.toLowerCase(c);
                i++;
            }
        }
        return key;
    }

    private static final Map<String, String> ISO3_TO_1 = buildIsoMap();

    private static Map<String, String> buildIsoMap() {
        Map<String, String> m = new java.util.HashMap<>();
        for (String two : Locale.getISOLanguages()) {
            try {
                m.put(Locale.forLanguageTag(two).getISO3Language(), two);
            } catch (java.util.MissingResourceException ignored) {
                // no three-letter code known to the JDK
            }
        }
        // codes the model uses that the JDK spells differently or that are macro-languages
        m.put("cmn", "zh");
        m.put("zho", "zh");
        m.put("pes", "fa");
        m.put("arb", "ar");
        m.put("nob", "nb");
        m.put("nno", "nn");
        m.put("ekk", "et");
        m.put("lvs", "lv");
        m.put("zsm", "ms");
        m.put("swh", "sw");
        m.put("uzn", "uz");
        m.put("khk", "mn");
        m.put("npi", "ne");
        m.put("gug", "gn");
        m.put("azj", "az");
        m.put("pnb", "pa");
        m.put("ydd", "yi");
        m.put("yid", "yi");
        m.put("plt", "mg");
        m.put("mlg", "mg");
        // the JDK reports the withdrawn codes iw, in and ji for these on some versions
        m.put("heb", "he");
        m.put("ind", "id");
        return Map.copyOf(m);
    }

    static String toIso1(String iso3) {
        return ISO3_TO_1.getOrDefault(iso3, iso3);
    }
}
