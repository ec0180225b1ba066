package org.newsnlp.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.newsnlp.internal.SharedData;
import org.newsnlp.topic.LabeledDocument;
import org.newsnlp.topic.TopicDataset;
import org.newsnlp.topic.TopicModel;
import org.newsnlp.topic.TopicPrediction;
import org.newsnlp.topic.TopicTrainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Topic classification speed, with documents read from the shared data folder at setup:
 * <ul>
 *   <li>{@code classify}: documents per second per thread for the shipped models, on full news articles
 *       (BBC News) and on short headline-and-summary items (AG News test);</li>
 *   <li>{@code train20Newsgroups}: seconds to train a model on the 11,314 20 Newsgroups training documents
 *       with the default settings on all processors (features, labels and calibration included).</li>
 * </ul>
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar TopicBenchmark.classify -f 1 -wi 2 -i 3 -t 1
 * java -jar benchmarks/target/benchmarks.jar TopicBenchmark.train20Newsgroups -f 1
 * }</pre>
 */
@Fork(1)
public class TopicBenchmark {

    /** A shipped model and documents to classify. */
    @State(Scope.Benchmark)
    public static class Prediction {
        /** Which documents: {@code bbc} (full articles) or {@code agnews} (headline and summary). */
        @Param({"bbc", "agnews"})
        public String docs;

        /** Which shipped model. */
        @Param({"news-bbc5", "reuters-econ90"})
        public String model;

        TopicModel topicModel;
        List<LabeledDocument> documents;

        @Setup(Level.Trial)
        public void setup() throws IOException {
            topicModel = TopicModel.loadShipped(model);
            List<LabeledDocument> all = read(docs.equals("bbc") ? "datasets/bbc_news/bbc_news.jsonl.gz"
                    : "datasets/ag_news/test.csv.gz");
            documents = new ArrayList<>(all.subList(0, Math.min(all.size(), 2000)));
        }
    }

    /** Per-thread position in the document list, so that threads do not share a counter. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    /** The 20 Newsgroups training documents. */
    @State(Scope.Benchmark)
    public static class Training {
        List<LabeledDocument> documents;
        TopicTrainer trainer;

        @Setup(Level.Trial)
        public void setup() throws IOException {
            documents = read("datasets/20newsgroups_bydate/train.jsonl.gz");
            trainer = TopicTrainer.builder().build();
        }
    }

    static List<LabeledDocument> read(String file) throws IOException {
        Path p = SharedData.find(file).orElseThrow(() -> new IllegalStateException(
                "shared data " + file + " not found: run from the checkout beside ../shared or set NEWSNLP_SHARED"));
        return TopicDataset.read(p, TopicDataset.Options.DEFAULT);
    }

    /** Classifies one document (the next in the list). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 3, time = 3)
    public TopicPrediction classify(Prediction state, Cursor cursor) {
        LabeledDocument d = state.documents.get(cursor.next);
        cursor.next = cursor.next + 1 == state.documents.size() ? 0 : cursor.next + 1;
        return state.topicModel.classify(d.title(), d.text());
    }

    /** Trains a 20 Newsgroups model from the documents. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public TopicModel train20Newsgroups(Training state) {
        return state.trainer.train(state.documents);
    }
}
