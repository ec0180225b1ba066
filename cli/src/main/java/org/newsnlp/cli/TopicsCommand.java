package org.newsnlp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.newsnlp.NewsNlpException;
import org.newsnlp.topic.LabeledDocument;
import org.newsnlp.topic.TopicDataset;
import org.newsnlp.topic.TopicFeatureConfig;
import org.newsnlp.topic.TopicTrainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsnlp topics}: train, evaluate, cross-validate, compare and apply topic models.
 *
 * <pre>{@code
 * newsnlp topics train --data bbc_news.jsonl.gz --out bbc.bin.gz
 * newsnlp topics evaluate --model bbc.bin.gz --data test.jsonl.gz --report report.html
 * }</pre>
 */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Topic classification: train, evaluate, cv, predict and compare.",
        subcommands = {
                TopicsTrainCommand.class,
                TopicsEvaluateCommand.class,
                TopicsCvCommand.class,
                TopicsPredictCommand.class,
                TopicsCompareCommand.class,
        })
final class TopicsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /** Output formats of the evaluation commands. */
    enum Format { TEXT, JSON }

    /** A subcommand that reports failures as one line on standard error and exits 1. */
    abstract static class Base implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        abstract int execute() throws Exception;

        @Override
        public final Integer call() {
            try {
                return execute();
            } catch (IOException | NewsNlpException | IllegalArgumentException e) {
                err().println("newsnlp " + spec.qualifiedName().replaceFirst("^newsnlp ", "") + ": " + e.getMessage());
                err().flush();
                return 1;
            } catch (Exception e) {
                err().println("newsnlp " + spec.qualifiedName().replaceFirst("^newsnlp ", "") + ": " + e);
                err().flush();
                return 1;
            }
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }
    }

    /** Where and how to read a labelled dataset. */
    static final class DataOptions {
        @Option(names = "--data", required = true, paramLabel = "FILE",
                description = "Dataset: CSV or JSON lines, gzipped or not.")
        Path data;

        @Option(names = "--format", paramLabel = "FORMAT",
                description = "auto, csv or jsonl: the dataset format (default auto: from the file name, else the "
                        + "content); text or json: the output format of evaluate, cv and compare (default text). "
                        + "Repeatable.")
        List<String> format = new ArrayList<>(List.of("auto"));

        @Option(names = "--data-format", paramLabel = "auto|csv|jsonl", description = "The dataset format.")
        String dataFormat;

        /** The output format named by {@code --format}, text by default. */
        Format output() {
            Format f = Format.TEXT;
            for (String v : format) {
                String x = v.toLowerCase(Locale.ROOT);
                if (x.equals("json")) {
                    f = Format.JSON;
                } else if (x.equals("text")) {
                    f = Format.TEXT;
                }
            }
            return f;
        }

        @Option(names = "--text-fields", split = ",", paramLabel = "F1,F2",
                description = "Fields that make the text; with two or more the first is the title "
                        + "(JSONL default title,text; CSV default every column but the label; CSV columns by "
                        + "header name or number from 1).")
        List<String> textFields = new ArrayList<>();

        @Option(names = "--label-field", paramLabel = "FIELD",
                description = "Label field (JSONL default label, else labels; CSV default column 1).")
        String labelField;

        @Option(names = "--label-set", paramLabel = "FILE",
                description = "Keep only these labels (first column of a text/TSV file, e.g. categories90.tsv).")
        Path labelSet;

        @Option(names = "--label-map", split = ",", paramLabel = "GOLD=LABEL",
                description = "Rename gold labels, e.g. 1=politics,2=sport (applied before --label-set).")
        Map<String, String> labelMap;

        @Option(names = "--keep-unlabeled",
                description = "Keep documents left without a label (multi-label: negatives for every label; "
                        + "default: dropped).")
        boolean keepUnlabeled;

        TopicDataset.Options options(boolean labelsRequired) {
            TopicDataset.Format f = TopicDataset.Format.AUTO;
            List<String> values = new ArrayList<>(format);
            if (dataFormat != null) {
                values.add(dataFormat);
            }
            for (String v : values) {
                switch (v.toLowerCase(Locale.ROOT)) {
                    case "auto" -> f = TopicDataset.Format.AUTO;
                    case "csv" -> f = TopicDataset.Format.CSV;
                    case "jsonl", "ndjson" -> f = TopicDataset.Format.JSONL;
                    case "text", "json" -> {
                        // output formats
                    }
                    default -> throw new IllegalArgumentException("--format must be auto, csv, jsonl, text or json, got '"
                            + v + "'");
                }
            }
            return new TopicDataset.Options(f, textFields, labelField, labelsRequired);
        }

        /** Reads, renames and filters the documents; reports what was dropped on {@code err}. */
        List<LabeledDocument> load(PrintWriter err) throws IOException {
            List<LabeledDocument> docs = TopicDataset.read(data, options(true));
            Set<String> keep = labelSet == null ? null : TopicDataset.readLabelSet(labelSet);
            return filter(docs, labelMap, keep, keepUnlabeled, err, data.toString());
        }
    }

    static List<LabeledDocument> filter(List<LabeledDocument> docs, Map<String, String> labelMap, Set<String> keep,
                                        boolean keepUnlabeled, PrintWriter err, String source) {
        if (labelMap == null && keep == null && keepUnlabeled) {
            return docs;
        }
        List<LabeledDocument> out = new ArrayList<>(docs.size());
        int dropped = 0;
        for (LabeledDocument d : docs) {
            List<String> labels = new ArrayList<>(d.labels().size());
            for (String l : d.labels()) {
                String m = labelMap == null ? l : labelMap.getOrDefault(l, l);
                if (keep == null || keep.contains(m)) {
                    labels.add(m);
                }
            }
            if (labels.isEmpty() && !keepUnlabeled) {
                dropped++;
                continue;
            }
            out.add(labels.equals(d.labels()) ? d : d.withLabels(labels));
        }
        if (dropped > 0) {
            err.println(source + ": " + dropped + " of " + docs.size() + " documents have no label"
                    + (keep == null ? "" : " in the label set") + " and were left out");
            err.flush();
        }
        if (out.isEmpty()) {
            throw new NewsNlpException(source + ": no labelled documents left");
        }
        return out;
    }

    /** The learner's settings. */
    static final class TrainOptions {
        @Option(names = "--multi-label", negatable = true,
                description = "Multi-label model (default: multi-label when some document has no label or several).")
        Boolean multiLabel;

        @Option(names = "--ngrams", defaultValue = "1", paramLabel = "N", description = "Word n-grams up to N (default 1).")
        int ngrams;

        @Option(names = "--cased-words", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Also count the body's capitalised words as written (default on; --no-cased-words turns it "
                        + "off).")
        boolean casedWords;

        @Option(names = "--stem-plurals", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Remove English plural endings from words (default on; --no-stem-plurals turns it off).")
        boolean stemPlurals;

        @Option(names = "--char-ngrams", defaultValue = "none", paramLabel = "MIN-MAX",
                description = "Character n-grams inside words, e.g. 3-5 (default none).")
        String charNgrams;

        @Option(names = "--min-token-length", defaultValue = "1", paramLabel = "N", description = "Shortest word kept (default 1).")
        int minTokenLength;

        @Option(names = "--hash-bits", defaultValue = "20", paramLabel = "B", description = "2^B hash buckets (default 20).")
        int hashBits;

        @Option(names = "--min-df", defaultValue = "1", paramLabel = "N",
                description = "Drop features seen in fewer training documents (default 1).")
        int minDf;

        @Option(names = "--c", defaultValue = "1.0", paramLabel = "C", description = "SVM cost C (default 1).")
        double c;

        @Option(names = "--nb", defaultValue = "1.0", paramLabel = "ALPHA",
                description = "Naive Bayes feature scaling smoothing, 0 for none (default 1).")
        double nb;

        @Option(names = "--nb-beta", defaultValue = "0.25", paramLabel = "BETA",
                description = "How much of the naive Bayes ratio scales the features, 0..1 (default 0.25; 1 scales by "
                        + "the ratio alone).")
        double nbBeta;

        @Option(names = "--lead-samples",
                description = "Also train on each long article's title and opening paragraphs (helps on short texts).")
        boolean leadSamples;

        @Option(names = "--calibration-folds", defaultValue = "3", paramLabel = "K",
                description = "Held-out folds that fit calibration and thresholds, or 0 for approximate "
                        + "leave-one-out scores of the training data (default 3).")
        int calibrationFolds;

        @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Random seed (default 42).")
        long seed;

        @Option(names = "--threads", paramLabel = "N", description = "Training threads (default: all processors).")
        Integer threads;

        TopicFeatureConfig features() {
            TopicFeatureConfig f = TopicFeatureConfig.DEFAULT.withHashBits(hashBits).withMaxWordNgram(ngrams)
                    .withMinTokenLength(minTokenLength).withMinDocFreq(minDf).withCasedWords(casedWords)
                    .withStemPlurals(stemPlurals);
            String cn = charNgrams.strip().toLowerCase(Locale.ROOT);
            if (!cn.equals("none") && !cn.equals("0")) {
                String[] p = cn.split("-", 2);
                try {
                    int min = Integer.parseInt(p[0]);
                    int max = p.length == 2 ? Integer.parseInt(p[1]) : min;
                    f = f.withCharNgrams(min, max);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--char-ngrams must be MIN-MAX (e.g. 3-5) or none, got '"
                            + charNgrams + "'");
                }
            }
            return f;
        }

        boolean multiLabelFor(List<LabeledDocument> docs) {
            if (multiLabel != null) {
                return multiLabel;
            }
            for (LabeledDocument d : docs) {
                if (d.labels().size() != 1) {
                    return true;
                }
            }
            return false;
        }

        TopicTrainer.Builder trainer(List<LabeledDocument> docs) {
            TopicTrainer.Builder b = TopicTrainer.builder().features(features()).c(c).nbSmoothing(nb).nbInterpolation(nbBeta)
                    .calibrationFolds(calibrationFolds).seed(seed).multiLabel(multiLabelFor(docs)).leadSamples(leadSamples);
            if (threads != null) {
                b.threads(threads);
            }
            return b;
        }
    }

    static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
