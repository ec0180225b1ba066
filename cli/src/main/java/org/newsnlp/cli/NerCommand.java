package org.newsnlp.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.newsnlp.NewsNlpException;
import org.newsnlp.internal.SharedData;
import org.newsnlp.model.ModelManifest;
import org.newsnlp.ner.ConllDocument;
import org.newsnlp.ner.ConllReader;
import org.newsnlp.ner.ConllSentence;
import org.newsnlp.ner.NerEvaluation;
import org.newsnlp.ner.NerTrainer;
import org.newsnlp.ner.PerceptronEntityRecognizer;
import org.newsnlp.ner.TagScheme;
import org.newsnlp.ner.UnlabelledCorpus;
import org.newsnlp.ner.WordClusters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsnlp ner}: train, evaluate and run the named-entity recognizer on CoNLL files. */
@Command(name = "ner", mixinStandardHelpOptions = true,
        description = "Named-entity recognition on CoNLL-2003 column files: clusters, train, evaluate, tag.",
        subcommands = {NerCommand.Clusters.class, NerCommand.Train.class, NerCommand.Evaluate.class,
                NerCommand.Tag.class})
final class NerCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    static PerceptronEntityRecognizer model(Path path) {
        return path == null ? PerceptronEntityRecognizer.loadDefault() : PerceptronEntityRecognizer.load(path);
    }

    static List<ConllDocument> conll(Path file) {
        try {
            return ConllReader.read(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new NewsNlpException(file + ": no such file");
        } catch (IOException e) {
            throw new NewsNlpException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** {@code ner clusters}: learns word clusters from the unlabelled text in the shared datasets. */
    @Command(name = "clusters", mixinStandardHelpOptions = true,
            description = "Learn word clusters from the unlabelled text of the shared datasets (BBC, Reuters, "
                    + "20 Newsgroups, AG News) plus the words of a CoNLL training file.")
    static final class Clusters implements Callable<Integer> {
        @Option(names = "--datasets", paramLabel = "DIR",
                description = "The datasets folder (default: ../shared/datasets, found as the tests find it).")
        Path datasets;

        @Option(names = "--conll", paramLabel = "FILE",
                description = "A CoNLL file whose words are added (default: DATASETS/conll2003/eng.train.gz).")
        Path conll;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Cluster file to write (gzipped).")
        Path out;

        @Option(names = "--seed", defaultValue = "7", description = "Random seed of the k-means initialisation.")
        long seed;

        @Option(names = "--clusters", defaultValue = "640", description = "Number of fine clusters (default 640).")
        int fine;

        @Option(names = "--window", defaultValue = "1", description = "Neighbours on each side used as context: 1 or 2.")
        int window;

        @Override
        public Integer call() throws IOException {
            Path ds = datasets != null ? datasets : SharedData.find("datasets").orElseThrow(
                    () -> new NewsNlpException("no shared datasets folder found: pass --datasets DIR"));
            Path c = conll != null ? conll : ds.resolve("conll2003/eng.train.gz");
            long t0 = System.nanoTime();
            List<String> lines = UnlabelledCorpus.lines(ds, Files.exists(c) ? c : null);
            System.err.printf(Locale.ROOT, "read %d lines in %.1f s%n", lines.size(), (System.nanoTime() - t0) / 1e9);
            WordClusters.Settings d = WordClusters.Settings.defaults();
            WordClusters wc = WordClusters.learn(lines, new WordClusters.Settings(d.vocabulary(), d.minCount(),
                    d.contexts(), fine, d.iterations(), seed, window));
            try (OutputStream o = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(out), 1 << 16))) {
                wc.write(o);
            }
            System.err.printf(Locale.ROOT, "%s written to %s in %.1f s%n", wc, out, (System.nanoTime() - t0) / 1e9);
            return 0;
        }
    }

    /** {@code ner train}. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train a model on a CoNLL file (IOB1 or BIO, optionally gzipped).")
    static final class Train implements Callable<Integer> {
        @Option(names = "--train", required = true, paramLabel = "FILE", description = "Training data.")
        Path train;

        @Option(names = "--dev", paramLabel = "FILE", description = "Development data, scored into the manifest.")
        Path dev;

        @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Model file to write.")
        Path out;

        @Option(names = "--clusters", paramLabel = "FILE", description = "Word clusters from 'ner clusters'.")
        Path clusters;

        @Option(names = "--epochs", defaultValue = "12", description = "Passes over the data per stage (default 12).")
        int epochs;

        @Option(names = "--seed", defaultValue = "1", description = "Random seed (default 1).")
        long seed;

        @Option(names = "--no-document-stage", description = "Train one pass only, without document features.")
        boolean noDocumentStage;

        @Option(names = "--unlabelled", paramLabel = "DIR",
                description = "A datasets folder whose news documents (BBC, Reuters, AG News) are tagged by a "
                        + "first model; the names it finds often and consistently become a gazetteer.")
        Path unlabelled;

        @Option(names = "--hash-bits", defaultValue = "20", description = "The weight table has 2^N rows (default 20).")
        int hashBits;

        @Option(names = "--manifest", paramLabel = "FILE", description = "Also write the manifest JSON here.")
        Path manifestOut;

        @Option(names = "--command", paramLabel = "TEXT",
                description = "The rebuild command to record in the manifest (default: this command line).")
        String command;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            WordClusters wc = null;
            if (clusters != null) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(clusters), 1 << 16)) {
                    wc = WordClusters.read(in, clusters.toString());
                } catch (java.util.zip.ZipException e) {
                    throw new NewsNlpException(clusters + ": not a gzipped word-cluster file", e);
                }
            }
            NerTrainer.Settings d = NerTrainer.Settings.defaults();
            NerTrainer.Settings s = new NerTrainer.Settings(epochs, seed, hashBits, d.folds(), !noDocumentStage);
            List<List<String>> unlabelledDocs = unlabelled == null ? null : UnlabelledCorpus.documents(unlabelled);
            long t0 = System.nanoTime();
            List<ConllDocument> trainDocs = conll(train);
            List<ConllDocument> devDocs = dev == null ? null : conll(dev);
            PerceptronEntityRecognizer ner = new NerTrainer(s, wc).train(trainDocs, devDocs, unlabelledDocs,
                    System.err::println);
            ModelManifest m = ner.manifest();
            List<String> data = new ArrayList<>();
            data.add("CoNLL-2003 English train (" + train.getFileName() + "), Reuters RCV1 news 1996-97");
            if (unlabelledDocs != null) {
                data.add("names found by a first model in unlabelled news: "
                        + String.join(", ", UnlabelledCorpus.NEWS_SOURCES));
            }
            if (wc != null) {
                data.add("word clusters from unlabelled text: " + String.join(", ", UnlabelledCorpus.SOURCES)
                        + " and the words of the training file");
            }
            String cmd = command != null ? command : "newsnlp ner train " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
            Map<String, Double> metrics = new LinkedHashMap<>(m.metrics());
            ner = ner.withManifest(new ModelManifest(m.format(), m.formatVersion(), "ner-en", "1", "en", m.labels(),
                    data, metrics, cmd, "Averaged structured perceptron, " + (noDocumentStage ? 1 : 2)
                    + " pass(es), 2^" + hashBits + " weight rows, " + epochs + " epochs, seed " + seed + ". Dev metrics are entity-level "
                    + "(conlleval) on CoNLL-2003 testa, which was not used for training."));
            ner.save(out);
            if (manifestOut != null) {
                Files.writeString(manifestOut, ner.manifest().toJson() + "\n", StandardCharsets.UTF_8);
            }
            System.err.printf(Locale.ROOT, "model written to %s (%d bytes) in %.1f s%n", out, Files.size(out),
                    (System.nanoTime() - t0) / 1e9);
            return 0;
        }
    }

    /** {@code ner evaluate}. */
    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Entity-level precision, recall and F1 per type and overall, as conlleval computes them.")
    static final class Evaluate implements Callable<Integer> {
        @Option(names = "--model", paramLabel = "MODEL", description = "Model file (default: the shipped model).")
        Path modelPath;

        @Option(names = "--conll", required = true, paramLabel = "FILE", description = "Gold CoNLL file.")
        Path conll;

        @Override
        public Integer call() {
            PerceptronEntityRecognizer ner = model(modelPath);
            List<ConllDocument> docs = conll(conll);
            long t0 = System.nanoTime();
            NerEvaluation e = ner.evaluate(docs);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.print(e.report());
            System.err.printf(Locale.ROOT, "tagged %d tokens in %.2f s (%.0f tokens/s, including warm-up)%n",
                    e.tokens(), s, e.tokens() / s);
            return 0;
        }
    }

    /** {@code ner tag}. */
    @Command(name = "tag", mixinStandardHelpOptions = true,
            description = "Print every line of a CoNLL file with the predicted tag appended as the last column "
                    + "(blank and -DOCSTART- lines kept), readable by conlleval.")
    static final class Tag implements Callable<Integer> {
        @Option(names = "--model", paramLabel = "MODEL", description = "Model file (default: the shipped model).")
        Path modelPath;

        @Option(names = "--conll", required = true, paramLabel = "FILE", description = "CoNLL file to tag.")
        Path conll;

        @Option(names = "--scheme", defaultValue = "IOB1",
                description = "Output tag scheme: IOB1 (as CoNLL-2003, default) or BIO.")
        TagScheme scheme;

        @Override
        public Integer call() throws IOException {
            PerceptronEntityRecognizer ner = model(modelPath);
            List<String> lines;
            try {
                lines = ConllReader.readLines(conll);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new NewsNlpException(conll + ": no such file");
            }
            List<ConllDocument> docs = ConllReader.parse(lines, conll.toString());
            String[] tagOfLine = new String[lines.size()];
            for (ConllDocument d : docs) {
                List<List<String>> sentences = new ArrayList<>();
                for (ConllSentence s : d.sentences()) {
                    sentences.add(s.tokens());
                }
                List<String[]> tags = ner.tagDocument(sentences);
                for (int i = 0; i < tags.size(); i++) {
                    ConllSentence s = d.sentences().get(i);
                    String[] t = scheme.fromBio(tags.get(i));
                    for (int k = 0; k < t.length; k++) {
                        tagOfLine[s.firstLine() + k] = t[k];
                    }
                }
            }
            PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(new BufferedOutputStream(System.out, 1 << 16),
                    StandardCharsets.UTF_8));
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String stripped = line.strip();
                if (stripped.isEmpty()) {
                    w.println();
                } else if (ConllReader.isDocStart(stripped)) {
                    w.println(stripped + " O");
                } else {
                    w.println(stripped + " " + tagOfLine[i]);
                }
            }
            w.flush();
            return 0;
        }
    }

    static PrintStream err() {
        return System.err;
    }
}
