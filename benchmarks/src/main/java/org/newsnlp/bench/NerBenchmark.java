package org.newsnlp.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.newsnlp.internal.SharedData;
import org.newsnlp.ner.ConllDocument;
import org.newsnlp.ner.ConllReader;
import org.newsnlp.ner.ConllSentence;
import org.newsnlp.ner.PerceptronEntityRecognizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the shipped named-entity recognizer on pre-tokenized CoNLL-2003 dev sentences, in tokens per
 * second (one operation = one token): sentence by sentence, and document by document with the document stage
 * seeing whole documents. {@code CoreNlpCrfBenchmark} (reference profile) runs CoreNLP's CRF on the same
 * tokens.
 *
 * <pre>
 * ./mvnw -pl benchmarks -am package -DskipTests
 * java -Xmx256m -jar benchmarks/target/benchmarks.jar NerBenchmark -f1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class NerBenchmark {

    /** Tokens in one benchmark operation batch. */
    public static final int TOKENS = 20_000;

    PerceptronEntityRecognizer ner;
    List<List<String>> sentences;
    List<List<List<String>>> documents;

    /**
     * The first {@link #TOKENS} tokens of CoNLL-2003 testa, as documents of sentences (the last sentence cut
     * so the total is exact).
     */
    public static List<List<List<String>>> devDocuments() throws IOException {
        Path testa = SharedData.find("datasets/conll2003/eng.testa.gz").orElseThrow(
                () -> new IllegalStateException("shared data datasets/conll2003/eng.testa.gz not found: "
                        + "run from the checkout or set NEWSNLP_SHARED"));
        List<List<List<String>>> out = new ArrayList<>();
        int left = TOKENS;
        for (ConllDocument d : ConllReader.read(testa)) {
            List<List<String>> doc = new ArrayList<>();
            for (ConllSentence s : d.sentences()) {
                if (left == 0) {
                    break;
                }
                List<String> toks = s.tokens().subList(0, Math.min(left, s.size()));
                doc.add(toks);
                left -= toks.size();
            }
            if (!doc.isEmpty()) {
                out.add(doc);
            }
            if (left == 0) {
                break;
            }
        }
        return out;
    }

    /** The same tokens as {@link #devDocuments()}, sentence by sentence. */
    public static List<List<String>> devSentences() throws IOException {
        List<List<String>> out = new ArrayList<>();
        devDocuments().forEach(out::addAll);
        return out;
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        ner = PerceptronEntityRecognizer.loadDefault();
        documents = devDocuments();
        sentences = devSentences();
    }

    /** Each sentence tagged on its own (the document stage sees one sentence). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(TOKENS)
    public void tagSentences(Blackhole bh) {
        for (List<String> s : sentences) {
            bh.consume(ner.tag(s));
        }
    }

    /** Each document tagged as a whole. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(TOKENS)
    public void tagDocuments(Blackhole bh) {
        for (List<List<String>> d : documents) {
            bh.consume(ner.tagDocument(d));
        }
    }

    /** Time to load the shipped model from the classpath (single shot, fresh JVMs). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Fork(value = 5, jvmArgsAppend = "-Xmx256m")
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public PerceptronEntityRecognizer loadModel() {
        return PerceptronEntityRecognizer.loadDefault();
    }
}
