package org.newsnlp.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Shared shape of the commands that read documents and print one JSON object per document: reads the
 * inputs in order, reports unreadable ones on stderr and goes on, exits 1 if any failed.
 */
abstract class DocumentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "json|jsonl", defaultValue = "json",
            description = "Output: a JSON array (json, default) or one JSON object per line (jsonl).")
    OutputFormat format;

    @Option(names = "--html", description = "Read every input as HTML.")
    boolean forceHtml;

    @Option(names = "--text", description = "Read every input as plain text.")
    boolean forceText;

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "Input files (.html, .htm, .txt, optionally .gz), folders of them, or - for stdin.")
    List<String> files;

    /** Processes a chunk of readable documents; returns one JSON object per document, or throws for one. */
    abstract List<Result> process(List<Inputs.Document> docs);

    /** The outcome for one document: a JSON object or an error message. */
    record Result(Map<String, Object> json, String error) {
    }

    /** Called once before any document is processed (loads models). */
    void prepare() {
    }

    @Override
    public Integer call() {
        if (forceHtml && forceText) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--html and --text exclude each other");
        }
        Inputs.Kind kind = forceHtml ? Inputs.Kind.HTML : forceText ? Inputs.Kind.TEXT : Inputs.Kind.AUTO;
        PrintStream out = System.out;
        PrintStream err = System.err;
        prepare();
        OutputFormat.Writer w = format.writer(out);
        w.begin();
        int failed = 0;
        List<String> sources = Inputs.expand(files);
        int chunk = Math.max(8, Runtime.getRuntime().availableProcessors() * 8);
        for (int i = 0; i < sources.size(); i += chunk) {
            List<Inputs.Document> docs = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            List<Integer> order = new ArrayList<>();
            for (String src : sources.subList(i, Math.min(sources.size(), i + chunk))) {
                try {
                    docs.add(Inputs.read(src, kind, System.in));
                    order.add(docs.size() - 1);
                } catch (Inputs.BadInputException e) {
                    errors.add(e.getMessage());
                    order.add(-errors.size());
                }
            }
            List<Result> results = docs.isEmpty() ? List.of() : process(docs);
            for (int o : order) {
                if (o < 0) {
                    err.println("newsnlp: " + errors.get(-o - 1));
                    failed++;
                } else {
                    Result r = results.get(o);
                    if (r.error() != null) {
                        err.println("newsnlp: " + docs.get(o).source() + ": " + r.error());
                        failed++;
                    } else {
                        w.write(r.json());
                    }
                }
            }
        }
        w.end();
        return failed == 0 ? 0 : 1;
    }
}
