package org.newsnlp.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.newsnlp.text.OpenNlpSentenceDetector;
import org.newsnlp.text.OpenNlpTokenizer;
import org.newsnlp.text.RuleSentenceDetector;
import org.newsnlp.text.RuleTokenizer;
import org.newsnlp.text.SentenceDetector;
import org.newsnlp.text.Span;
import org.newsnlp.text.TextSegmenter;
import org.newsnlp.text.Token;
import org.newsnlp.text.Tokenizer;
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
 * Tokens and sentences: newsnlp's rule-based tokenizer, sentence detector and fast segmenter against OpenNLP's
 * English models ({@link TextSegmenter#english()}), one article per operation, on the same articles.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar TokenizerBenchmark -p size=medium
 * }</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TokenizerBenchmark {

    /** The components under test, loaded once per trial; immutable and shared by all threads. */
    @State(Scope.Benchmark)
    public static class Components {
        Tokenizer ruleTokenizer;
        SentenceDetector ruleSentences;
        TextSegmenter fast;
        Tokenizer opennlpTokenizer;
        SentenceDetector opennlpSentences;
        TextSegmenter opennlp;

        /** Loads the OpenNLP models. */
        @Setup(Level.Trial)
        public void load() {
            ruleTokenizer = RuleTokenizer.english();
            ruleSentences = RuleSentenceDetector.english();
            fast = TextSegmenter.fast();
            opennlpTokenizer = OpenNlpTokenizer.english();
            opennlpSentences = OpenNlpSentenceDetector.english();
            opennlp = TextSegmenter.english();
        }
    }

    /** {@link RuleTokenizer} over a whole article. */
    @Benchmark
    public List<Token> newsnlpTokens(Components c, Inputs in, Counters n) {
        return c.ruleTokenizer.tokenize(in.texts[in.next(n)]);
    }

    /** OpenNLP's tokenizer model over a whole article. */
    @Benchmark
    public List<Token> opennlpTokens(Components c, Inputs in, Counters n) {
        return c.opennlpTokenizer.tokenize(in.texts[in.next(n)]);
    }

    /** {@link RuleSentenceDetector} over a whole article. */
    @Benchmark
    public List<Span> newsnlpSentences(Components c, Inputs in, Counters n) {
        return c.ruleSentences.detect(in.texts[in.next(n)]);
    }

    /** OpenNLP's sentence model over a whole article. */
    @Benchmark
    public List<Span> opennlpSentences(Components c, Inputs in, Counters n) {
        return c.opennlpSentences.detect(in.texts[in.next(n)]);
    }

    /** Lines, sentences and tokens with {@link TextSegmenter#fast()}. */
    @Benchmark
    public TokenizedText newsnlpSegment(Components c, Inputs in, Counters n) {
        return c.fast.segment(in.texts[in.next(n)]);
    }

    /** Lines, sentences and tokens with OpenNLP's models ({@link TextSegmenter#english()}). */
    @Benchmark
    public TokenizedText opennlpSegment(Components c, Inputs in, Counters n) {
        return c.opennlp.segment(in.texts[in.next(n)]);
    }
}
