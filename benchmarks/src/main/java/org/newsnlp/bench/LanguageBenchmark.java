package org.newsnlp.bench;

import java.io.IOException;
import java.io.InputStream;

import java.util.concurrent.TimeUnit;

import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

import org.newsnlp.text.Language;
import org.newsnlp.text.LanguageIdentifier;
import org.newsnlp.text.OpenNlpLanguageIdentifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Language identification, the first stage after extraction: {@link OpenNlpLanguageIdentifier} over the whole
 * article text, and over its first 1,000 characters (what {@code NewsAnalyzer} passes), against OpenNLP's own
 * {@link LanguageDetectorME} with the same model on the same characters. One article per operation.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar LanguageBenchmark -p size=medium
 * }</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LanguageBenchmark {

    /** Characters given to the identifier by {@link #newsnlpLanguageFirst1000Chars}. */
    static final int PREFIX = 1000;

    /** The identifiers, loaded once per trial from one model; immutable and shared by all threads. */
    @State(Scope.Benchmark)
    public static class Identifier {
        LanguageIdentifier languages;
        LanguageDetectorModel model;

        /** Loads the language model. */
        @Setup(Level.Trial)
        public void load() throws IOException {
            try (InputStream in = OpenNlpLanguageIdentifier.class.getResourceAsStream(OpenNlpLanguageIdentifier.MODEL)) {
                if (in == null) {
                    throw new IllegalStateException("language model " + OpenNlpLanguageIdentifier.MODEL
                            + " not on the classpath");
                }
                model = new LanguageDetectorModel(in);
            }
            languages = new OpenNlpLanguageIdentifier(model);
        }
    }

    /** The whole text. */
    @Benchmark
    public Language newsnlpLanguage(Identifier id, Inputs in, Counters n) {
        return id.languages.identify(in.texts[in.next(n)]);
    }

    /** The first 1,000 characters. */
    @Benchmark
    public Language newsnlpLanguageFirst1000Chars(Identifier id, Inputs in, Counters n) {
        String text = in.texts[in.next(n)];
        return id.languages.identify(text.length() <= PREFIX ? text : text.subSequence(0, PREFIX));
    }

    /** OpenNLP's detector (a new one per call, as it is not documented thread-safe) on the first 1,000 characters. */
    @Benchmark
    public opennlp.tools.langdetect.Language opennlpLanguageFirst1000Chars(Identifier id, Inputs in, Counters n) {
        String text = in.texts[in.next(n)];
        return new LanguageDetectorME(id.model).predictLanguage(text.length() <= PREFIX ? text : text.subSequence(0, PREFIX));
    }
}
