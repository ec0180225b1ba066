package org.newsnlp.text;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * A {@link LanguageIdentifier} backed by OpenNLP's 103-language model
 * ({@code org.apache.opennlp:opennlp-models-langdetect}), reporting ISO 639-1 codes.
 *
 * <pre>{@code
 * LanguageIdentifier id = OpenNlpLanguageIdentifier.load();
 * id.identify("Der Bundestag hat am Freitag ...").code(); // "de"
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class OpenNlpLanguageIdentifier implements LanguageIdentifier {

    /** Classpath resource of the model. */
    public static final String MODEL = "/langdetect-183.bin";

    private static final int MAX_CHARS = 4000;
    private static final int MIN_LETTERS = 20;

    private final LanguageDetectorModel model;

    /** Wraps a loaded OpenNLP language model. */
    public OpenNlpLanguageIdentifier(LanguageDetectorModel model) {
        this.model = Objects.requireNonNull(model, "model");
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
        opennlp.tools.langdetect.Language best = new LanguageDetectorME(model).predictLanguage(sample);
        double conf = Math.max(0.0, Math.min(1.0, best.getConfidence()));
        return new Language(toIso1(best.getLang()), conf);
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
