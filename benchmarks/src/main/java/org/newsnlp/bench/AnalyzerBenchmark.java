package org.newsnlp.bench;

import java.util.concurrent.TimeUnit;

import org.newsnlp.AnalyzedArticle;
import org.newsnlp.NewsAnalyzer;
import org.newsnlp.extract.ArticleExtractor;
import org.newsnlp.extract.ExtractedArticle;
import org.newsnlp.extract.JsoupArticleExtractor;
import org.newsnlp.text.Language;
import org.newsnlp.text.LanguageIdentifier;
import org.newsnlp.text.OpenNlpLanguageIdentifier;
import org.newsnlp.text.TextSegmenter;
import org.newsnlp.text.TokenizedText;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * End to end with newsnlp only (no reference library needed): an HTML page to an analysed article with the
 * default models, on one and on two threads sharing one analyzer; and the model-free text layers (extraction,
 * language, sentences and tokens). The side-by-side run against CoreNLP is
 * {@code org.newsnlp.bench.reference.EndToEndBenchmark} in the {@code reference} build profile.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar AnalyzerBenchmark -p size=medium
 * }</pre>
 *
 * <p>The whole pipeline is a lot of code for the JIT compiler: on two cores it keeps compiling for about half
 * a minute. A single benchmark thread does not notice (the compiler has the other core), but two threads
 * share their cores with it, so a short warm-up measures the compiler rather than the scaling (1.29&times;
 * with 3 &times; 2 s of warm-up, the two threads receiving 1.34 cores; 1.86&times; and 1.98 cores with
 * 8 &times; 5 s). Hence the long warm-up.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class AnalyzerBenchmark {

    /** The analyzer with the default models, loaded once per trial and shared by all threads. */
    @State(Scope.Benchmark)
    public static class Analyzer {
        NewsAnalyzer nlp;

        /** Loads the default models. */
        @Setup(Level.Trial)
        public void load() {
            nlp = NewsAnalyzer.withDefaultModels();
        }
    }

    /** The stages that need no trained model of ours, loaded once per trial and shared by all threads. */
    @State(Scope.Benchmark)
    public static class TextLayers {
        ArticleExtractor extractor;
        LanguageIdentifier languages;
        TextSegmenter segmenter;

        /** Loads the language model. */
        @Setup(Level.Trial)
        public void load() {
            extractor = new JsoupArticleExtractor();
            languages = OpenNlpLanguageIdentifier.load();
            segmenter = TextSegmenter.fast();
        }
    }

    /** HTML page to analysed article, one thread. */
    @Benchmark
    @Threads(1)
    public AnalyzedArticle newsnlp(Analyzer a, Inputs in, Counters n, CpuTime cpu) {
        return a.nlp.analyzeHtml(in.pages[in.next(n)], "https://example.com/news/story");
    }

    /** HTML page to analysed article, two threads sharing one analyzer (scores add up over threads). */
    @Benchmark
    @Threads(2)
    public AnalyzedArticle newsnlpTwoThreads(Analyzer a, Inputs in, Counters n, CpuTime cpu) {
        return a.nlp.analyzeHtml(in.pages[in.next(n)], "https://example.com/news/story");
    }

    /** HTML page to text, language, sentences and tokens, one thread. */
    @Benchmark
    @Threads(1)
    public void newsnlpTextLayers(TextLayers t, Inputs in, Counters n, Blackhole bh) {
        textLayers(t, in.pages[in.next(n)], bh);
    }

    /** The same on two threads. */
    @Benchmark
    @Threads(2)
    public void newsnlpTextLayersTwoThreads(TextLayers t, Inputs in, Counters n, Blackhole bh) {
        textLayers(t, in.pages[in.next(n)], bh);
    }

    private static void textLayers(TextLayers t, String html, Blackhole bh) {
        ExtractedArticle article = t.extractor.fromHtml(html, "https://example.com/news/story");
        Language lang = t.languages.identify(article.text());
        TokenizedText tokens = t.segmenter.segment(article.text());
        bh.consume(lang);
        bh.consume(tokens);
    }
}
