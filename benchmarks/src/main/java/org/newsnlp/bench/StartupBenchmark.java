package org.newsnlp.bench;

import java.util.concurrent.TimeUnit;

import org.newsnlp.NewsAnalyzer;
import org.newsnlp.text.LanguageIdentifier;
import org.newsnlp.text.OpenNlpLanguageIdentifier;
import org.newsnlp.text.TextSegmenter;
import org.newsnlp.text.TokenizedText;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a cold start pays per component: each method loads one stage in a fresh JVM (single shot, five forks,
 * no warm-up), class loading included, and uses it once. Complements {@code newsnlp bench startup}, which times
 * the whole {@code analyze} command.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar StartupBenchmark
 * }</pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 5, jvmArgsAppend = "-Xmx256m")
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class StartupBenchmark {

    private static final String SAMPLE = "Mr. Shum's start-up, DeepSeek, rose 3.5% in the U.S. on Friday. Analysts didn't expect it.";

    /** {@link TextSegmenter#fast()}: no model to load. */
    @Benchmark
    public TokenizedText newsnlpSegmenter() {
        return TextSegmenter.fast().segment(SAMPLE);
    }

    /** {@link TextSegmenter#english()}: OpenNLP's tokenizer and sentence models. */
    @Benchmark
    public TokenizedText opennlpSegmenter() {
        return TextSegmenter.english().segment(SAMPLE);
    }

    /** The language identifier (OpenNLP's language model). */
    @Benchmark
    public Object newsnlpLanguageIdentifier() {
        LanguageIdentifier id = OpenNlpLanguageIdentifier.load();
        return id.identify(SAMPLE);
    }

    /** The whole default analyzer, used once. */
    @Benchmark
    public Object newsnlpDefaultAnalyzer() {
        return NewsAnalyzer.withDefaultModels().analyzeText(SAMPLE);
    }
}
