package org.newsnlp.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Scores an {@link ArticleExtractor} on a folder of pages against a ground-truth file shaped like the
 * ScrapingHub article-extraction benchmark's ({@code {"<id>": {"articleBody": "..."}}}), with both the
 * ScrapingHub shingle F1 and the Web Content Extraction Benchmark's ROUGE-LSum (see {@link ExtractionMetrics}).
 * Page files are {@code <id>.html.gz}, {@code <id>.html} or {@code <id>.htm}.
 *
 * <pre>{@code
 * Map<String, String> truth = ExtractionEvaluation.readTruth(Path.of("ground-truth.json.gz"), "articleBody");
 * ExtractionEvaluation.Report r = ExtractionEvaluation.run(new JsoupArticleExtractor(), pagesDir, truth, 2);
 * r.rouge().f1();
 * }</pre>
 *
 * <p>Stateless and safe to use from any thread.
 */
public final class ExtractionEvaluation {

    private ExtractionEvaluation() {
    }

    /** One page's prediction and scores. */
    public record Page(String id, String predicted, String truth, ExtractionMetrics.Score rouge,
                       ExtractionMetrics.ShingleCounts shingles) {
    }

    /** All pages' scores and their summaries. */
    public record Report(List<Page> pages, ExtractionMetrics.Summary rouge, ExtractionMetrics.Summary shingles,
                         int missingPages) {
    }

    /**
     * Reads a ground-truth JSON file (optionally gzipped): one object per page id, the text in {@code field}.
     *
     * @throws IOException when the file cannot be read or is not such a JSON object
     */
    public static Map<String, String> readTruth(Path file, String field) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
        JsonNode root;
        try (InputStream in = open(file)) {
            root = new ObjectMapper().readTree(in);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": expected a JSON object keyed by page id");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            JsonNode v = e.getValue();
            JsonNode t = v.isObject() ? v.get(field) : v;
            if (t == null || !t.isTextual()) {
                throw new IOException(file + ": page '" + e.getKey() + "' has no text field '" + field + "'");
            }
            out.put(e.getKey(), t.asText());
        }
        return out;
    }

    /** Reads a page file, gunzipping {@code .gz} files, and decodes it with {@link PageDecoder}. */
    public static String readPage(Path file) throws IOException {
        try (InputStream in = open(file)) {
            return PageDecoder.decode(in.readAllBytes());
        }
    }

    /** The page file for {@code id} in {@code dir}, or null. */
    public static Path pageFile(Path dir, String id) {
        for (String ext : new String[] {".html.gz", ".html", ".htm", ".htm.gz"}) {
            Path p = dir.resolve(id + ext);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Runs the extractor on every page that has ground truth and scores it.
     *
     * @param threads worker threads, at least 1
     * @throws IOException when a page cannot be read
     */
    public static Report run(ArticleExtractor extractor, Path pagesDir, Map<String, String> truth, int threads)
            throws IOException {
        return run(extractor, pagesDir, truth, threads, false);
    }

    /**
     * Runs the extractor on every page that has ground truth and scores it.
     *
     * @param threads   worker threads, at least 1
     * @param withTitle score the headline followed by the text, for ground truths that include the headline
     *                  (L3S-GN1)
     * @throws IOException when a page cannot be read
     */
    public static Report run(ArticleExtractor extractor, Path pagesDir, Map<String, String> truth, int threads,
                             boolean withTitle) throws IOException {
        Objects.requireNonNull(extractor, "extractor");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        List<String> ids = new ArrayList<>();
        int missing = 0;
        for (String id : truth.keySet()) {
            if (pageFile(pagesDir, id) == null) {
                missing++;
            } else {
                ids.add(id);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Page>> futures = new ArrayList<>(ids.size());
            for (String id : ids) {
                futures.add(pool.submit(() -> {
                    String html = readPage(pageFile(pagesDir, id));
                    ExtractedArticle a = extractor.fromHtml(html, null);
                    String predicted = withTitle ? titleAndText(a) : a.text();
                    String t = truth.get(id);
                    return new Page(id, predicted, t, ExtractionMetrics.rougeLSum(predicted, t),
                            ExtractionMetrics.shingles(predicted, t));
                }));
            }
            List<Page> pages = new ArrayList<>(ids.size());
            for (Future<Page> f : futures) {
                try {
                    pages.add(f.get());
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof IOException io) {
                        throw io;
                    }
                    throw new IllegalStateException("evaluation failed: " + c, c);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            List<ExtractionMetrics.Score> rouge = new ArrayList<>(pages.size());
            List<ExtractionMetrics.ShingleCounts> sh = new ArrayList<>(pages.size());
            for (Page p : pages) {
                rouge.add(p.rouge());
                sh.add(p.shingles());
            }
            return new Report(pages, ExtractionMetrics.aggregate(rouge), ExtractionMetrics.aggregateShingles(sh),
                    missing);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The headline, a blank line and the text; just the text when there is no headline. */
    public static String titleAndText(ExtractedArticle a) {
        if (a.title().isEmpty() || a.text().isEmpty()) {
            return a.text();
        }
        return a.title() + "\n\n" + a.text();
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            return new GZIPInputStream(in, 1 << 16);
        }
        return in;
    }
}
