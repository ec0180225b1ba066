package org.newsnlp.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.newsnlp.topic.LabeledDocument;
import org.newsnlp.topic.TopicCrossValidation;
import org.newsnlp.topic.TopicModel;
import org.newsnlp.topic.TopicTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsnlp topics train}: trains a topic model on a labelled dataset and saves it. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a topic model on a labelled dataset and save it with its manifest.",
                "The manifest goes to manifest.json beside a file named model.bin.gz, else to MODEL.manifest.json."})
final class TopicsTrainCommand extends TopicsCommand.Base {

    @Mixin
    TopicsCommand.DataOptions data;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Model file to write.")
    Path out;

    @Mixin
    TopicsCommand.TrainOptions train;

    @Option(names = "--name", paramLabel = "NAME", description = "Model name (default: from the file name).")
    String name;

    @Option(names = "--model-version", defaultValue = "1", paramLabel = "V", description = "Model version (default 1).")
    String modelVersion;

    @Option(names = "--describe-data", paramLabel = "TEXT",
            description = "What the data is, for the manifest (repeatable; default: the data file name).")
    List<String> describeData = new ArrayList<>();

    @Option(names = "--cv", paramLabel = "K",
            description = "Also cross-validate with K folds and record cv.* metrics in the manifest.")
    Integer cv;

    @Override
    int execute() throws Exception {
        List<LabeledDocument> docs = data.load(err());
        String modelName = name != null ? name : defaultName(out);
        TopicTrainer.Builder builder = train.trainer(docs).name(modelName).version(modelVersion).progress(true)
                .trainingData(describeData.isEmpty() ? List.of(data.data.getFileName().toString()) : describeData)
                .command("newsnlp " + commandLine());
        TopicTrainer trainer = builder.build();
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (cv != null) {
            TopicCrossValidation r = TopicCrossValidation.run(trainer.toBuilder().progress(false).build(), docs, cv,
                    train.seed);
            metrics.put("cv.folds", (double) cv);
            metrics.put("cv.accuracy", r.meanAccuracy());
            metrics.put("cv.accuracy.std", r.stdAccuracy());
            metrics.put("cv.macroF1", r.meanMacroF1());
            metrics.put("cv.microF1", r.meanMicroF1());
            err().printf("%d-fold cv: accuracy %s ± %s, macro-F1 %s, micro-F1 %s%n", cv, TopicsCommand.f4(r.meanAccuracy()),
                    TopicsCommand.f4(r.stdAccuracy()), TopicsCommand.f4(r.meanMacroF1()), TopicsCommand.f4(r.meanMicroF1()));
        }
        TopicModel model = trainer.train(docs);
        if (!metrics.isEmpty()) {
            model = model.withMetrics(metrics);
        }
        model.save(out);
        Path manifest = manifestPath(out);
        model.saveManifest(manifest);
        err().printf("trained %s (%s, %d labels, %d documents, %.1f s) -> %s, %s%n", model.name(),
                model.multiLabel() ? "multi-label" : "single-label", model.labels().size(), docs.size(),
                model.manifest().metrics().getOrDefault("train.seconds", 0.0), out, manifest);
        err().flush();
        return 0;
    }

    private String commandLine() {
        StringBuilder b = new StringBuilder();
        for (String a : spec.commandLine().getParseResult().originalArgs()) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(a.matches("[A-Za-z0-9_./=,:+-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return b.toString();
    }

    static String defaultName(Path out) {
        String n = out.getFileName().toString();
        if (n.equals("model.bin.gz") && out.toAbsolutePath().getParent() != null) {
            n = out.toAbsolutePath().getParent().getFileName().toString();
        }
        n = n.replaceFirst("(\\.bin)?(\\.gz)?$", "").replaceAll("[^A-Za-z0-9._-]", "-");
        return n.isEmpty() || !Character.isLetterOrDigit(n.charAt(0)) ? "topics" : n;
    }

    static Path manifestPath(Path out) {
        Path abs = out.toAbsolutePath();
        if (abs.getFileName().toString().equals("model.bin.gz")) {
            return abs.resolveSibling("manifest.json");
        }
        return abs.resolveSibling(abs.getFileName() + ".manifest.json");
    }
}
