package org.newsnlp.bench.reference;

import java.io.StringReader;
import java.util.List;
import java.util.concurrent.TimeUnit;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.util.CoreMap;
import org.newsnlp.bench.Counters;
import org.newsnlp.bench.Inputs;
import org.newsnlp.text.RuleTokenizer;
import org.newsnlp.text.TextSegmenter;
import org.newsnlp.text.Token;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tokens and sentences against Stanford CoreNLP in the same run: CoreNLP's {@link PTBTokenizer} alone
 * ({@code ptbTokens}) and its {@code tokenize,ssplit} pipeline ({@code corenlpSegment}), beside newsnlp's
 * {@link RuleTokenizer} and {@link TextSegmenter#fast()}. One article per operation.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar PtbTokenizerBenchmark -p size=medium
 * }</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class PtbTokenizerBenchmark {

    /** The tokenizers, built once per trial. */
    @State(Scope.Benchmark)
    public static class Components {
        TextSegmenter fast;
        CoreLabelTokenFactory factory;
        StanfordCoreNLP tokensAndSentences;

        /** Builds the CoreNLP pipeline. */
        @Setup(Level.Trial)
        public void load() {
            fast = TextSegmenter.fast();
            factory = new CoreLabelTokenFactory();
            tokensAndSentences = CoreNlpPipelines.tokensAndSentences();
        }
    }

    /** newsnlp tokens. */
    @Benchmark
    public List<Token> newsnlpTokens(Components c, Inputs in, Counters n) {
        return RuleTokenizer.english().tokenize(in.texts[in.next(n)]);
    }

    /** CoreNLP's PTBTokenizer with character offsets, as its {@code tokenize} annotator runs it. */
    @Benchmark
    public List<CoreLabel> ptbTokens(Components c, Inputs in, Counters n) {
        return new PTBTokenizer<>(new StringReader(in.texts[in.next(n)]), c.factory, "invertible=true").tokenize();
    }

    /** newsnlp lines, sentences and tokens. */
    @Benchmark
    public TokenizedText newsnlpSegment(Components c, Inputs in, Counters n) {
        return c.fast.segment(in.texts[in.next(n)]);
    }

    /** CoreNLP {@code tokenize,ssplit}. */
    @Benchmark
    public List<CoreMap> corenlpSegment(Components c, Inputs in, Counters n) {
        Annotation doc = new Annotation(in.texts[in.next(n)]);
        c.tokensAndSentences.annotate(doc);
        return doc.get(CoreAnnotations.SentencesAnnotation.class);
    }
}
