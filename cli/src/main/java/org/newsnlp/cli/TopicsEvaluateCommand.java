package org.newsnlp.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.newsnlp.topic.LabeledDocument;
import org.newsnlp.topic.TopicDataset;
import org.newsnlp.topic.TopicEvaluation;
import org.newsnlp.topic.TopicModel;
import org.newsnlp.topic.TopicReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsnlp topics evaluate}: scores a model on a labelled dataset. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate a topic model on a labelled dataset: accuracy, micro/macro F1, per-label scores, "
                + "confusion matrix.",
                "For a multi-label model, gold labels the model does not know are ignored and documents left "
                        + "without a gold label are skipped (unless --keep-unlabeled)."})
final class TopicsEvaluateCommand extends TopicsCommand.Base {

    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "Model file, or a shipped model name: news-bbc5, reuters-econ90.")
    String model;

    @Mixin
    TopicsCommand.DataOptions data;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Also write an HTML report (opens offline).")
    Path report;

    @Option(names = "--json", paramLabel = "FILE.json", description = "Also write the metrics as JSON.")
    Path json;


    @Option(names = "--record", paramLabel = "PREFIX",
            description = "Record accuracy, macro-F1 and micro-F1 as PREFIX.* metrics in the model file's manifest.")
    String record;

    @Override
    int execute() throws Exception {
        TopicModel m = TopicModel.loadNamedOrFile(model);
        List<LabeledDocument> docs = TopicDataset.read(data.data, data.options(true));
        Set<String> keep = data.labelSet == null ? null : TopicDataset.readLabelSet(data.labelSet);
        if (m.multiLabel()) {
            Set<String> known = new HashSet<>(m.labels());
            if (keep != null) {
                known.retainAll(keep);
            }
            keep = known;
        }
        docs = TopicsCommand.filter(docs, data.labelMap, keep, data.keepUnlabeled, err(), data.data.toString());
        long start = System.nanoTime();
        TopicEvaluation e = TopicEvaluation.evaluate(m, docs, m.multiLabel());
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("model", m.name() + " " + m.manifest().version());
        info.put("data", data.data.toString());
        if (data.labelMap != null) {
            info.put("labelMap", data.labelMap.toString());
        }
        if (report != null) {
            Files.writeString(report, TopicReport.html(e, "Topic evaluation: " + m.name() + " on "
                    + data.data.getFileName(), info), StandardCharsets.UTF_8);
        }
        if (json != null) {
            Files.writeString(json, TopicReport.json(e, info), StandardCharsets.UTF_8);
        }
        if (data.output() == TopicsCommand.Format.JSON) {
            out().println(TopicReport.json(e, info));
        } else {
            out().printf("%s on %s: %d documents, %s%n", m.name(), data.data, e.documents(),
                    m.multiLabel() ? "multi-label" : "single-label");
            out().printf("accuracy %s%s  macro-F1 %s  micro-F1 %s (P %s, R %s)  %.0f docs/s%n",
                    TopicsCommand.f4(e.accuracy()), m.multiLabel() ? " (subset)" : "", TopicsCommand.f4(e.macroF1()),
                    TopicsCommand.f4(e.microF1()), TopicsCommand.f4(e.microPrecision()),
                    TopicsCommand.f4(e.microRecall()), e.documents() / Math.max(seconds, 1e-9));
            out().printf("%-24s %9s %9s %9s %8s%n", "label", "precision", "recall", "F1", "support");
            for (TopicEvaluation.LabelMetrics l : e.perLabel()) {
                out().printf("%-24s %9s %9s %9s %8d%n", l.label(), TopicsCommand.f4(l.precision()),
                        TopicsCommand.f4(l.recall()), TopicsCommand.f4(l.f1()), l.support());
            }
        }
        out().flush();
        if (record != null) {
            Path file = Path.of(model);
            if (!Files.exists(file)) {
                throw new IllegalArgumentException("--record needs a model file, not the shipped name '" + model + "'");
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put(record + ".documents", (double) e.documents());
            metrics.put(record + ".accuracy", e.accuracy());
            metrics.put(record + ".macroF1", e.macroF1());
            metrics.put(record + ".microF1", e.microF1());
            TopicModel updated = m.withMetrics(metrics);
            updated.save(file);
            updated.saveManifest(TopicsTrainCommand.manifestPath(file));
            err().println("recorded " + record + ".* metrics in " + file);
            err().flush();
        }
        return 0;
    }
}
