package org.newsnlp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.newsnlp.NewsNlpException;
import org.newsnlp.entity.EntityEvaluation;
import org.newsnlp.entity.EntityRecognizer;
import org.newsnlp.entity.EntityResolver;
import org.newsnlp.entity.EntityType;
import org.newsnlp.internal.SharedData;
import org.newsnlp.model.DefaultModels;
import org.newsnlp.text.TextSegmenter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsnlp entities}: tools for resolved entities.
 *
 * <pre>{@code
 * newsnlp entities evaluate --gold dev-gold.jsonl --data ../shared/datasets
 * }</pre>
 */
@Command(name = "entities", mixinStandardHelpOptions = true,
        description = "Resolved entities (people, companies, countries): evaluation against a gold set.",
        subcommands = {EntitiesCommand.Evaluate.class})
final class EntitiesCommand implements Runnable {

    /** Classpath resource of the shipped development gold set. */
    static final String DEV_GOLD = "org/newsnlp/models/entities/dev-gold.jsonl";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Which recognizer feeds the resolver during an evaluation. */
    enum RecognizerChoice { DEFAULT, NONE }

    /** {@code newsnlp entities evaluate}. */
    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Document-level precision, recall and F1 per type (people, companies, countries) of the "
                    + "default pipeline on a gold set of BBC News and Reuters-21578 articles.")
    static final class Evaluate implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--gold", paramLabel = "FILE",
                description = "Gold set (JSON lines). Default: the shipped development set.")
        Path gold;

        @Option(names = "--data", paramLabel = "DIR",
                description = "The datasets folder holding bbc_news/ and reuters21578_modapte/. "
                        + "Default: datasets/ of the shared folder (NEWSNLP_SHARED or ../shared).")
        Path data;

        @Option(names = "--recognizer", paramLabel = "NAME", defaultValue = "default",
                description = "default (the shipped NER model) or none (the gazetteer alone). Default: ${DEFAULT-VALUE}.")
        RecognizerChoice recognizer;

        @Option(names = "--errors", description = "Also list, per document, the spurious and missed entities.")
        boolean errors;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
                description = "text or json. Default: ${DEFAULT-VALUE}.")
        String format;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String fmt = format.toLowerCase(Locale.ROOT);
            if (!fmt.equals("text") && !fmt.equals("json")) {
                err.println("entities evaluate: unknown --format '" + format + "', expected text or json");
                return 2;
            }
            try {
                List<EntityEvaluation.GoldDocument> docs = readGold(err);
                if (docs == null) {
                    return 2;
                }
                Optional<Path> datasets = data != null ? Optional.of(data) : SharedData.find("datasets");
                if (datasets.isEmpty() || !Files.isDirectory(datasets.get())) {
                    err.println("entities evaluate: datasets folder not found"
                            + (data != null ? " at " + data : "; pass --data DIR or set NEWSNLP_SHARED"));
                    return 2;
                }
                Map<String, EntityEvaluation.Article> articles = EntityEvaluation.readArticles(datasets.get(), docs);
                EntityRecognizer rec = recognizer == RecognizerChoice.NONE ? null : DefaultModels.entityRecognizer();
                EntityResolver res = DefaultModels.entityResolver();
                EntityEvaluation.Result r = EntityEvaluation.run(docs, articles, TextSegmenter.english(), rec, res);
                if (fmt.equals("json")) {
                    out.println(json(r));
                } else {
                    text(r, out);
                }
                out.flush();
                return 0;
            } catch (IOException e) {
                err.println("entities evaluate: " + e.getMessage());
                return 1;
            } catch (NewsNlpException e) {
                err.println("entities evaluate: " + e.getMessage());
                return 1;
            }
        }

        private List<EntityEvaluation.GoldDocument> readGold(PrintWriter err) throws IOException {
            if (gold != null) {
                if (!Files.isRegularFile(gold)) {
                    err.println("entities evaluate: gold file " + gold + " does not exist");
                    return null;
                }
                return EntityEvaluation.readGold(gold);
            }
            try (InputStream in = EntitiesCommand.class.getClassLoader().getResourceAsStream(DEV_GOLD)) {
                if (in == null) {
                    err.println("entities evaluate: the shipped gold set " + DEV_GOLD
                            + " is not on the classpath; pass --gold FILE");
                    return null;
                }
                return EntityEvaluation.readGold(in, DEV_GOLD);
            }
        }

        private void text(EntityEvaluation.Result r, PrintWriter out) {
            out.printf(Locale.ROOT, "%d documents, recognizer: %s%n", r.documents(),
                    recognizer.name().toLowerCase(Locale.ROOT));
            out.printf(Locale.ROOT, "%-10s %9s %9s %9s %6s %6s %6s%n", "type", "predicted", "gold", "correct",
                    "P", "R", "F1");
            for (EntityType t : EntityEvaluation.TYPES) {
                EntityEvaluation.Scores s = r.scores(t);
                out.printf(Locale.ROOT, "%-10s %9d %9d %9d %6.3f %6.3f %6.3f%n", t.name().toLowerCase(Locale.ROOT),
                        s.predicted(), s.gold(), s.correctPredicted(), s.precision(), s.recall(), s.f1());
            }
            if (errors) {
                for (EntityEvaluation.DocumentErrors e : r.errors()) {
                    out.printf(Locale.ROOT, "%s %s spurious=%s missed=%s%n", e.key(),
                            e.type().name().toLowerCase(Locale.ROOT), e.spurious(), e.missed());
                }
            }
        }

        private String json(EntityEvaluation.Result r) throws IOException {
            ObjectMapper m = new ObjectMapper();
            ObjectNode root = m.createObjectNode();
            root.put("documents", r.documents());
            root.put("recognizer", recognizer.name().toLowerCase(Locale.ROOT));
            ObjectNode types = root.putObject("types");
            for (EntityType t : EntityEvaluation.TYPES) {
                EntityEvaluation.Scores s = r.scores(t);
                ObjectNode o = types.putObject(t.name().toLowerCase(Locale.ROOT));
                o.put("predicted", s.predicted());
                o.put("gold", s.gold());
                o.put("correctPredicted", s.correctPredicted());
                o.put("foundGold", s.foundGold());
                o.put("precision", s.precision());
                o.put("recall", s.recall());
                o.put("f1", s.f1());
            }
            if (errors) {
                ArrayNode a = root.putArray("errors");
                for (EntityEvaluation.DocumentErrors e : r.errors()) {
                    ObjectNode o = a.addObject();
                    o.put("document", e.key());
                    o.put("type", e.type().name().toLowerCase(Locale.ROOT));
                    e.spurious().forEach(o.putArray("spurious")::add);
                    e.missed().forEach(o.putArray("missed")::add);
                }
            }
            return m.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        }
    }
}
