package org.newsnlp.bench.reference;

import java.util.List;
import java.util.concurrent.TimeUnit;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import org.newsnlp.AnalyzedArticle;
import org.newsnlp.NewsAnalyzer;
import org.newsnlp.bench.Counters;
import org.newsnlp.bench.CpuTime;
import org.newsnlp.bench.Inputs;
import org.newsnlp.extract.ArticleExtractor;
import org.newsnlp.extract.JsoupArticleExtractor;
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

/**
 * End to end, side by side, on identical inputs: an HTML page to an article with sentences, tokens and
 * named entities. {@code newsnlp} runs {@link NewsAnalyzer#withDefaultModels()} (which also resolves entities
 * and classifies topics); {@code corenlpTuned} and {@code corenlpDefault} run the same extractor and then the
 * Stanford CoreNLP pipelines of {@link CoreNlpPipelines}. One article per operation, one thread each.
 *
 * <pre>{@code
 * ./mvnw -Preference -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar EndToEndBenchmark -p size=medium
 * }</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Threads(1)
public class EndToEndBenchmark {

    private static final String URL = "https://example.com/news/story";

    /** newsnlp with its default models. */
    @State(Scope.Benchmark)
    public static class Ours {
        NewsAnalyzer nlp;

        /** Loads the default models. */
        @Setup(Level.Trial)
        public void load() {
            nlp = NewsAnalyzer.withDefaultModels();
        }
    }

    /** CoreNLP tuned for speed. */
    @State(Scope.Benchmark)
    public static class Tuned {
        StanfordCoreNLP pipeline;
        ArticleExtractor extractor;

        /** Loads the pipeline. */
        @Setup(Level.Trial)
        public void load() {
            pipeline = CoreNlpPipelines.tuned();
            extractor = new JsoupArticleExtractor();
        }
    }

    /** CoreNLP with its default settings. */
    @State(Scope.Benchmark)
    public static class Defaults {
        StanfordCoreNLP pipeline;
        ArticleExtractor extractor;

        /** Loads the pipeline. */
        @Setup(Level.Trial)
        public void load() {
            pipeline = CoreNlpPipelines.defaults();
            extractor = new JsoupArticleExtractor();
        }
    }

    /** newsnlp: page to analysed article. */
    @Benchmark
    public AnalyzedArticle newsnlp(Ours o, Inputs in, Counters n, CpuTime cpu) {
        return o.nlp.analyzeHtml(in.pages[in.next(n)], URL);
    }

    /** CoreNLP tuned: page to annotated article. */
    @Benchmark
    public List<CoreMap> corenlpTuned(Tuned t, Inputs in, Counters n, CpuTime cpu) {
        return annotate(t.pipeline, t.extractor, in.pages[in.next(n)]);
    }

    /** CoreNLP default: page to annotated article. */
    @Benchmark
    public List<CoreMap> corenlpDefault(Defaults d, Inputs in, Counters n, CpuTime cpu) {
        return annotate(d.pipeline, d.extractor, in.pages[in.next(n)]);
    }

    static List<CoreMap> annotate(StanfordCoreNLP pipeline, ArticleExtractor extractor, String html) {
        Annotation doc = new Annotation(extractor.fromHtml(html, URL).text());
        pipeline.annotate(doc);
        return doc.get(CoreAnnotations.MentionsAnnotation.class);
    }
}
