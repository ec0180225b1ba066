package org.newsnlp.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.newsnlp.entity.Entity;
import org.newsnlp.entity.EntityRecognizer;
import org.newsnlp.entity.EntityResolver;
import org.newsnlp.entity.Mention;
import org.newsnlp.internal.SharedData;
import org.newsnlp.model.DefaultModels;
import org.newsnlp.text.TextSegmenter;
import org.newsnlp.text.TokenizedText;
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
 * Entity resolution against named-entity recognition on the same tokenized articles: {@code resolve} runs
 * the default {@link EntityResolver} over the recognizer's mentions, {@code recognize} runs the default
 * recognizer alone. The target is resolution costing at most 20% of recognition, i.e. a {@code resolve}
 * score at least five times the {@code recognize} score.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar ResolutionBenchmark
 * }</pre>
 *
 * <p>Articles are the first {@code articles} BBC News texts of the shared datasets, concatenated; without the
 * shared data the bundled example page is used. Without the NER model on the classpath, {@code resolve}
 * runs over no mentions (the gazetteer scan alone) and {@code recognize} fails in its setup.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ResolutionBenchmark {

    /** Number of BBC articles per document. */
    @Param({"1", "10"})
    public int articles;

    private TokenizedText text;
    private String title;
    private List<Mention> mentions;
    private EntityResolver resolver;
    private EntityRecognizer recognizer;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        StringBuilder sb = new StringBuilder();
        title = "";
        Optional<Path> bbc = SharedData.find("datasets/bbc_news/bbc_news.jsonl.gz");
        if (bbc.isPresent()) {
            ObjectMapper json = new ObjectMapper();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(bbc.get())), StandardCharsets.UTF_8))) {
                String line;
                int n = 0;
                while (n < articles && (line = r.readLine()) != null) {
                    JsonNode d = json.readTree(line);
                    if (n == 0) {
                        title = d.get("title").asText();
                    }
                    sb.append(d.get("title").asText()).append("\n\n").append(d.get("text").asText()).append("\n\n");
                    n++;
                }
            }
        } else {
            Optional<Path> example = SharedData.find("examples/scraped-news-page.txt");
            String page = example.isPresent() ? Files.readString(example.get())
                    : "China still lags behind the US in chips, said Harry Shum, Microsoft's former head of AI.";
            for (int i = 0; i < articles; i++) {
                sb.append(page).append("\n\n");
            }
        }
        text = TextSegmenter.english().segment(sb.toString());
        resolver = DefaultModels.entityResolver();
        try {
            recognizer = DefaultModels.entityRecognizer();
            mentions = recognizer.recognize(text);
        } catch (RuntimeException e) {
            recognizer = null;
            mentions = List.of();
        }
    }

    /** Resolution of the recognizer's mentions: scan, merge, typing, grouping, salience. */
    @Benchmark
    public List<Entity> resolve() {
        return resolver.resolve(text, title, mentions);
    }

    /** Named-entity recognition alone, the reference the resolution cost is measured against. */
    @Benchmark
    public List<Mention> recognize() {
        if (recognizer == null) {
            throw new IllegalStateException("the default NER model is not on the classpath");
        }
        return recognizer.recognize(text);
    }
}
