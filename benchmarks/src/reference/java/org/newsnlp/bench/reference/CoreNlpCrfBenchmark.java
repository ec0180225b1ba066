package org.newsnlp.bench.reference;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import org.newsnlp.bench.NerBenchmark;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reference: Stanford CoreNLP's CRF classifiers called directly on the same pre-tokenized sentences as
 * {@link NerBenchmark}, in tokens per second. Built only with {@code -Preference}.
 *
 * <pre>
 * ./mvnw -Preference -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar Ner -f1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class CoreNlpCrfBenchmark {

    @Param({"edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz",
            "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz"})
    public String model;

    CRFClassifier<CoreLabel> crf;
    List<List<CoreLabel>> sentences;

    @Setup(Level.Trial)
    public void setUp() throws IOException, ClassNotFoundException {
        crf = CRFClassifier.getClassifier(model);
        sentences = new ArrayList<>();
        for (List<String> s : NerBenchmark.devSentences()) {
            List<CoreLabel> labels = new ArrayList<>(s.size());
            for (String w : s) {
                CoreLabel l = new CoreLabel();
                l.setWord(w);
                l.setValue(w);
                l.setOriginalText(w);
                labels.add(l);
            }
            sentences.add(labels);
        }
    }

    /** Each sentence classified on its own. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(NerBenchmark.TOKENS)
    public void tagSentences(Blackhole bh) {
        for (List<CoreLabel> s : sentences) {
            bh.consume(crf.classify(s));
        }
    }
}
