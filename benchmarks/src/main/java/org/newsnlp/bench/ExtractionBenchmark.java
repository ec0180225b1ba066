package org.newsnlp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.newsnlp.extract.ArticleExtractor;
import org.newsnlp.extract.ExtractionEvaluation;
import org.newsnlp.extract.JsoupArticleExtractor;
import org.newsnlp.internal.SharedData;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Pages per second of {@link JsoupArticleExtractor#fromHtml(String, String)} on one thread, over real news
 * pages from the shared folder's extraction data sets ({@code l3s-gn1}: 2008 news pages, {@code dragnet}: 2012
 * news and blog pages), or over a generated news page ({@code synthetic}) when the shared folder is absent.
 * Each invocation extracts one page, cycling through the set, so the score is pages per second per core.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar ExtractionBenchmark -f1 -wi 2 -i 3
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExtractionBenchmark {

    /** Which pages to extract. */
    @Param({"l3s-gn1", "dragnet"})
    public String pages;

    /** How many pages of the set to cycle through (0 for all). */
    @Param({"200"})
    public int limit;

    private ArticleExtractor extractor;
    private List<String> html;
    private int next;

    @Setup(Level.Trial)
    public void load() throws IOException {
        extractor = new JsoupArticleExtractor();
        html = new ArrayList<>();
        Optional<Path> dir = SharedData.find("datasets/extraction/" + pages + "/html");
        if (dir.isPresent()) {
            List<Path> files;
            try (Stream<Path> s = Files.list(dir.get())) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".html.gz")).sorted().toList();
            }
            for (Path p : files) {
                if (limit > 0 && html.size() >= limit) {
                    break;
                }
                html.add(ExtractionEvaluation.readPage(p));
            }
        }
        if (html.isEmpty()) {
            html.add(syntheticPage());
        }
        next = 0;
    }

    @Benchmark
    public void extract(Blackhole bh) {
        String page = html.get(next);
        next = next + 1 == html.size() ? 0 : next + 1;
        bh.consume(extractor.fromHtml(page, null));
    }

    /** A news page of typical size: navigation, a 700-word article, related links, comments and a footer. */
    static String syntheticPage() {
        StringBuilder sb = new StringBuilder(80_000);
        sb.append("<!DOCTYPE html><html lang='en'><head><title>Story | Site</title>")
                .append("<meta property='og:title' content='Story'><script>var x = 1;</script></head><body>")
                .append("<header><nav><ul>");
        for (int i = 0; i < 40; i++) {
            sb.append("<li><a href='/s").append(i).append("'>Section ").append(i).append("</a></li>");
        }
        sb.append("</ul></nav></header><main><article><h1>Story</h1><div class='article-body'>");
        for (int i = 0; i < 20; i++) {
            sb.append("<p>The council said on Monday that the new budget would raise spending on schools, roads and ")
                    .append("<a href='/x'>public transport</a>, while cutting the cost of administration by a tenth ")
                    .append("over the next three years, according to documents seen by reporters.</p>");
        }
        sb.append("</div><div class='related'><ul>");
        for (int i = 0; i < 10; i++) {
            sb.append("<li><a href='/r").append(i).append("'>Related headline number ").append(i).append("</a></li>");
        }
        sb.append("</ul></div><section class='comments'>");
        for (int i = 0; i < 10; i++) {
            sb.append("<div class='comment'><p>A reader comment that says something about the story.</p></div>");
        }
        sb.append("</section></article></main><footer><p>Copyright</p></footer></body></html>");
        return sb.toString();
    }
}
