package org.newsnlp.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.newsnlp.extract.ExtractionEvaluation;
import org.newsnlp.extract.ExtractionMetrics;
import org.newsnlp.extract.JsoupArticleExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code newsnlp extract-eval}: scores the extractor on a folder of pages against a ground-truth file with
 * the ScrapingHub article-extraction benchmark's shingle F1 and the Web Content Extraction Benchmark's
 * ROUGE-LSum.
 *
 * <pre>{@code
 * newsnlp extract-eval --pages ../shared/datasets/extraction/l3s-gn1/html \
 *     --truth ../shared/datasets/extraction/l3s-gn1/ground-truth.json.gz --with-title
 * }</pre>
 */
@Command(name = "extract-eval", mixinStandardHelpOptions = true,
        description = "Score article extraction on a folder of pages against a ground-truth JSON file "
                + "({\"<id>\": {\"articleBody\": \"...\"}}, optionally gzipped): ScrapingHub shingle F1 and "
                + "WCEB ROUGE-LSum (mean and median).")
final class ExtractEvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--pages", paramLabel = "DIR", required = true,
            description = "Folder of pages named <id>.html.gz, <id>.html or <id>.htm.")
    Path pages;

    @Option(names = "--truth", paramLabel = "FILE", required = true,
            description = "Ground truth: a JSON object keyed by page id (.json or .json.gz).")
    Path truth;

    @Option(names = "--field", defaultValue = "articleBody",
            description = "Ground-truth field to score against (default: ${DEFAULT-VALUE}; Dragnet also has fullText).")
    String field;

    @Option(names = "--with-title",
            description = "Score the headline followed by the text, for ground truths that start with the headline "
                    + "(L3S-GN1, Dragnet).")
    boolean withTitle;

    @Option(names = "--score", paramLabel = "FILE",
            description = "Score these predictions (same JSON shape as the truth) instead of running the extractor.")
    Path predictionsIn;

    @Option(names = "--threads", defaultValue = "1", description = "Worker threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--per-page", paramLabel = "FILE", description = "Write per-page scores as CSV.")
    Path perPage;

    @Option(names = "--predictions", paramLabel = "FILE",
            description = "Write the extracted texts as JSON ({\"<id>\": {\"articleBody\": ...}}).")
    Path predictionsOut;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        if (threads < 1) {
            err.println("newsnlp: --threads must be at least 1, got " + threads);
            return 2;
        }
        if (!Files.isRegularFile(truth)) {
            err.println("newsnlp: " + truth + ": no such ground-truth file");
            return 2;
        }
        try {
            Map<String, String> gt = ExtractionEvaluation.readTruth(truth, field);
            ExtractionEvaluation.Report r;
            long t0 = System.nanoTime();
            if (predictionsIn != null) {
                r = scorePredictions(gt, ExtractionEvaluation.readTruth(predictionsIn, "articleBody"));
            } else {
                if (!Files.isDirectory(pages)) {
                    err.println("newsnlp: " + pages + ": no such folder of pages");
                    return 2;
                }
                r = ExtractionEvaluation.run(new JsoupArticleExtractor(), pages, gt, threads, withTitle);
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            if (r.pages().isEmpty()) {
                err.println("newsnlp: no page in " + pages + " has ground truth in " + truth);
                return 1;
            }
            ExtractionMetrics.Summary sh = r.shingles();
            ExtractionMetrics.Summary rl = r.rouge();
            out.printf(Locale.ROOT, "pages scored: %d (ground truth without a page: %d)%n", r.pages().size(),
                    r.missingPages());
            out.printf(Locale.ROOT, "ScrapingHub shingle   P %.3f  R %.3f  F1 %.3f%n", sh.precision(), sh.recall(),
                    sh.f1());
            out.printf(Locale.ROOT, "ROUGE-LSum (WCEB)     mean P %.3f  R %.3f  F1 %.3f  median F1 %.3f%n",
                    rl.precision(), rl.recall(), rl.f1(), rl.medianF1());
            if (predictionsIn == null) {
                out.printf(Locale.ROOT, "time: %.1f s (%.0f pages/s, including reading and scoring)%n", secs,
                        r.pages().size() / secs);
            }
            if (perPage != null) {
                writePerPage(r.pages());
            }
            if (predictionsOut != null) {
                Map<String, Object> json = new LinkedHashMap<>();
                for (ExtractionEvaluation.Page p : r.pages()) {
                    json.put(p.id(), Map.of("articleBody", p.predicted()));
                }
                Files.writeString(predictionsOut, ArticleJson.write(json, false), StandardCharsets.UTF_8);
            }
            return 0;
        } catch (IOException e) {
            err.println("newsnlp: " + e.getMessage());
            return 1;
        }
    }

    private static ExtractionEvaluation.Report scorePredictions(Map<String, String> gt, Map<String, String> pred) {
        List<ExtractionEvaluation.Page> pages = new ArrayList<>(gt.size());
        List<ExtractionMetrics.Score> rouge = new ArrayList<>(gt.size());
        List<ExtractionMetrics.ShingleCounts> sh = new ArrayList<>(gt.size());
        for (Map.Entry<String, String> e : gt.entrySet()) {
            String p = pred.getOrDefault(e.getKey(), "");
            ExtractionMetrics.Score s = ExtractionMetrics.rougeLSum(p, e.getValue());
            ExtractionMetrics.ShingleCounts c = ExtractionMetrics.shingles(p, e.getValue());
            pages.add(new ExtractionEvaluation.Page(e.getKey(), p, e.getValue(), s, c));
            rouge.add(s);
            sh.add(c);
        }
        return new ExtractionEvaluation.Report(pages, ExtractionMetrics.aggregate(rouge),
                ExtractionMetrics.aggregateShingles(sh), 0);
    }

    private void writePerPage(List<ExtractionEvaluation.Page> pages) throws IOException {
        try (Writer w = Files.newBufferedWriter(perPage, StandardCharsets.UTF_8)) {
            w.write("id,rouge_precision,rouge_recall,rouge_f1,shingle_tp,shingle_fp,shingle_fn\n");
            for (ExtractionEvaluation.Page p : pages) {
                w.write(String.format(Locale.ROOT, "%s,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f%n", p.id(),
                        p.rouge().precision(), p.rouge().recall(), p.rouge().f1(), p.shingles().tp(),
                        p.shingles().fp(), p.shingles().fn()));
            }
        }
    }
}
