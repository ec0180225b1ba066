package org.newsnlp.bench;

import java.util.concurrent.TimeUnit;

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
 * article text, and over its first 1,000 characters (what a caller that only needs the language of a news
 * article could pass instead). One article per operation.
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

    /** The identifier, loaded once per trial; immutable and shared by all threads. */
    @State(Scope.Benchmark)
    public static class Identifier {
        LanguageIdentifier languages;

        /** Loads the language model. */
        @Setup(Level.Trial)
        public void load() {
            languages = OpenNlpLanguageIdentifier.load();
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
}
