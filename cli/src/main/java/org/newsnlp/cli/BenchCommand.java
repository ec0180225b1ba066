package org.newsnlp.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newsnlp bench}: runs the JMH benchmarks jar ({@code benchmarks/target/benchmarks.jar}, built with the
 * Maven wrapper when missing) and prints markdown tables of the scores and of the ratios ours / reference.
 * {@code bench compare} checks two JMH JSON results for regressions; {@code bench startup} measures a cold
 * {@code analyze} and the smallest heap it needs.
 *
 * <pre>{@code
 * ./newsnlp bench --quick --output target/bench.json
 * ./newsnlp bench compare baseline.json target/bench.json --max-drop 10%
 * }</pre>
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run the JMH benchmarks and print markdown tables of scores and ratios (ours / reference).",
            "Builds benchmarks/target/benchmarks.jar with ./mvnw when it is missing."},
        subcommands = {BenchCommand.CompareCommand.class, BenchCommand.ReportCommand.class, BenchCommand.StartupCommand.class})
final class BenchCommand implements Callable<Integer> {

    /** Fast settings for CI: one fork, short iterations, medium articles only. */
    static final List<String> QUICK = List.of("-f", "1", "-wi", "2", "-w", "1s", "-i", "3", "-r", "1s", "-p", "size=medium");

    private static final String CORENLP_CLASS = "edu/stanford/nlp/pipeline/StanfordCoreNLP.class";

    @Option(names = "--quick", description = {"Few and short iterations on medium-size articles (under 5 minutes on 2 cores);",
        "skips StartupBenchmark."})
    boolean quick;

    @Option(names = "--output", paramLabel = "FILE", description = "Write JMH's JSON results to FILE.")
    Path output;

    @Option(names = "--reference", description = "Also run the CoreNLP references (builds the jar with -Preference if needed).")
    boolean reference;

    @Option(names = "--jar", paramLabel = "JAR", description = "The benchmarks jar (default: benchmarks/target/benchmarks.jar).")
    Path jar;

    @Option(names = "--build", description = "Rebuild the benchmarks jar first.")
    boolean build;

    @Option(names = "--jmh", paramLabel = "ARG", split = ",", description = "Extra JMH arguments, comma-separated (e.g. -t,2).")
    List<String> jmhArgs = new ArrayList<>();

    @Parameters(paramLabel = "REGEX", arity = "0..*", description = "Benchmarks to run (JMH include patterns); all when none.")
    List<String> includes = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        Optional<Path> root = projectRoot();
        Path benchJar = jar != null ? jar
                : root.map(r -> r.resolve("benchmarks/target/benchmarks.jar")).orElse(Path.of("benchmarks.jar"));
        boolean needsBuild = build || !Files.isRegularFile(benchJar) || reference && !hasCoreNlp(benchJar);
        if (needsBuild) {
            if (jar != null || root.isEmpty()) {
                System.err.println("bench: " + benchJar + (Files.isRegularFile(benchJar) ? " has no CoreNLP classes" : " not found")
                        + "; build it from the project root with ./mvnw -pl benchmarks -am package -DskipTests"
                        + (reference ? " -Preference" : ""));
                return 2;
            }
            int rc = buildJar(root.get(), reference);
            if (rc != 0) {
                System.err.println("bench: building the benchmarks jar failed (exit " + rc + ")");
                return 2;
            }
        }
        Path json = output != null ? output : Files.createTempFile("newsnlp-bench", ".json");
        List<String> selection = new ArrayList<>(includes);
        if (!reference) {
            selection.addAll(List.of("-e", "\\.reference\\."));
        }
        if (quick) {
            // cold-start single shots need fresh JVMs without warm-up, which the quick settings override
            selection.addAll(List.of("-e", "StartupBenchmark"));
        }
        List<String> expected = listBenchmarks(benchJar, selection);
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-jar", benchJar.toString()));
        cmd.addAll(selection);
        if (quick) {
            cmd.addAll(QUICK);
        }
        cmd.addAll(jmhArgs);
        cmd.addAll(List.of("-rf", "json", "-rff", json.toAbsolutePath().toString()));
        System.err.println("bench: " + String.join(" ", cmd));
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        int rc = p.waitFor();
        if (!Files.isRegularFile(json) || Files.size(json) == 0) {
            System.err.println("bench: JMH wrote no results (exit " + rc + ")");
            return rc == 0 ? 1 : rc;
        }
        List<JmhResult> results = JmhResult.read(json);
        PrintStream out = System.out;
        out.println();
        out.print(Report.scores(results));
        out.println();
        out.print(Report.ratios(results));
        if (output == null) {
            Files.deleteIfExists(json);
        } else {
            System.err.println("bench: JMH results in " + output);
        }
        List<String> failed = new ArrayList<>(expected);
        results.forEach(r -> failed.remove(r.benchmark()));
        if (!failed.isEmpty()) {
            out.println();
            out.println("No result (the benchmark failed; see the JMH log above): " + String.join(", ", failed));
            return rc == 0 ? 1 : rc;
        }
        return rc;
    }

    /** The benchmarks JMH would run for a selection ({@code -l}), fully qualified; empty when listing fails. */
    private static List<String> listBenchmarks(Path benchJar, List<String> selection) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-jar", benchJar.toString(), "-l"));
        cmd.addAll(selection);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> names = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            boolean listing = false;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("Benchmarks:")) {
                    listing = true;
                } else if (listing && !line.isBlank()) {
                    names.add(line.strip());
                }
            }
        }
        return p.waitFor() == 0 ? names : List.of();
    }

    /** {@code bench compare OLD NEW --max-drop 10%}: exit 1 when a benchmark dropped beyond the threshold. */
    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = {"Compare two JMH JSON results; exit 1 on a regression.",
                "A benchmark regresses when its score dropped by more than --max-drop AND by more than the combined",
                "JMH score error of both runs, so that noise alone does not fail a build."})
    static final class CompareCommand implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "OLD", description = "Baseline JMH JSON.")
        Path baseline;

        @Parameters(index = "1", paramLabel = "NEW", description = "Candidate JMH JSON.")
        Path candidate;

        @Option(names = "--max-drop", paramLabel = "PCT", defaultValue = "10%",
                description = "Largest tolerated drop, e.g. 10% or 0.1 (default: ${DEFAULT-VALUE}).")
        String maxDrop;

        @Override
        public Integer call() {
            double threshold;
            try {
                threshold = Comparison.parseThreshold(maxDrop);
            } catch (IllegalArgumentException e) {
                System.err.println("bench compare: " + e.getMessage());
                return 2;
            }
            List<JmhResult> old;
            List<JmhResult> now;
            try {
                old = JmhResult.read(baseline);
                now = JmhResult.read(candidate);
            } catch (IOException | IllegalArgumentException e) {
                System.err.println("bench compare: " + e.getMessage());
                return 2;
            }
            Comparison c = Comparison.of(old, now, threshold);
            System.out.print(c.markdown());
            if (c.failed()) {
                System.err.println("bench compare: " + c.regressions() + " benchmark(s) dropped by more than "
                        + Report.percent(threshold) + " beyond noise");
                return 1;
            }
            return 0;
        }
    }

    /** {@code bench report FILE...}: the score and ratio tables of saved JMH JSON results. */
    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Print the score and ratio tables of saved JMH JSON results (ratios within each file).")
    static final class ReportCommand implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "JMH JSON result files.")
        List<Path> files;

        @Override
        public Integer call() {
            for (Path f : files) {
                List<JmhResult> results;
                try {
                    results = JmhResult.read(f);
                } catch (IOException | IllegalArgumentException e) {
                    System.err.println("bench report: " + e.getMessage());
                    return 2;
                }
                System.out.println("Results: " + f);
                System.out.println();
                System.out.print(Report.scores(results));
                System.out.println();
                System.out.print(Report.ratios(results));
                System.out.println();
            }
            return 0;
        }
    }

    /** {@code bench startup}: wall time of a cold {@code analyze} and the smallest working {@code -Xmx}. */
    @Command(name = "startup", mixinStandardHelpOptions = true,
            description = {"Measure cold-start wall time and the smallest -Xmx of 'newsnlp analyze FILE'.",
                "With --reference, the same for CoreNLP (tuned and default) on the same file."})
    static final class StartupCommand implements Callable<Integer> {

        @Option(names = "--file", paramLabel = "FILE", description = "The article (default: the first shipped benchmark article, HTML).")
        Path file;

        @Option(names = "--runs", defaultValue = "5", description = "Cold runs for the wall time (default: ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--reference", description = "Also measure CoreNLP (needs the -Preference benchmarks jar).")
        boolean reference;

        @Option(names = "--cli-jar", paramLabel = "JAR", description = "The newsnlp jar (default: cli/target/newsnlp.jar).")
        Path cliJar;

        @Option(names = "--bench-jar", paramLabel = "JAR", description = "The reference benchmarks jar (default: benchmarks/target/benchmarks.jar).")
        Path benchJar;

        @Option(names = "--cds", description = {"Also measure newsnlp with an application class-data-sharing archive, made by one",
            "run with -XX:ArchiveClassesAtExit, as the ./newsnlp script does."})
        boolean cds;

        /** The logging options of the ./newsnlp script: JVM messages to stderr, no class-data-sharing notes. */
        private static final List<String> QUIET = List.of("-Xlog:disable", "-Xlog:all=warning:stderr", "-Xlog:cds*=off:stderr");

        @Override
        public Integer call() throws IOException, InterruptedException {
            Optional<Path> root = projectRoot();
            Path cli = cliJar != null ? cliJar : root.map(r -> r.resolve("cli/target/newsnlp.jar")).orElse(Path.of("newsnlp.jar"));
            Path article = file;
            if (article == null) {
                Optional<Path> shipped = root.flatMap(StartupCommand::firstShipped);
                if (shipped.isEmpty()) {
                    System.err.println("bench startup: no --file given and no shipped corpus found under benchmarks/corpus");
                    return 2;
                }
                article = shipped.get();
            }
            if (!Files.isRegularFile(cli)) {
                System.err.println("bench startup: " + cli + " not found; build it with ./mvnw -pl cli -am package -DskipTests");
                return 2;
            }
            List<String[]> rows = new ArrayList<>();
            List<String> ours = List.of("-jar", cli.toString(), "analyze", article.toString());
            rows.add(measure("newsnlp analyze", ours, 64, 1024));
            if (cds) {
                rows.add(measureShared(ours));
            }
            if (reference) {
                Path bj = benchJar != null ? benchJar : root.map(r -> r.resolve("benchmarks/target/benchmarks.jar")).orElse(Path.of("benchmarks.jar"));
                if (!Files.isRegularFile(bj) || !hasCoreNlp(bj)) {
                    System.err.println("bench startup: " + bj + " lacks CoreNLP; build it with ./mvnw -Preference -pl benchmarks -am package -DskipTests");
                    return 2;
                }
                for (String variant : List.of("tuned", "default")) {
                    List<String> args = List.of("-cp", bj.toString(), "org.newsnlp.bench.reference.CoreNlpAnalyze", variant,
                            article.toString());
                    rows.add(measure("CoreNLP " + variant, args, 128, 8192));
                }
            }
            System.out.println();
            System.out.println("Article: " + article + " (" + Files.size(article) + " bytes)");
            System.out.println();
            System.out.println("| command | cold wall time, median of " + runs + " (min) | smallest -Xmx that works |");
            System.out.println("| --- | ---: | ---: |");
            for (String[] r : rows) {
                System.out.println("| " + r[0] + " | " + r[1] + " | " + r[2] + " |");
            }
            return 0;
        }

        private String[] measure(String label, List<String> args, int lowMb, int highMb) throws IOException, InterruptedException {
            System.err.println("bench startup: " + label + ": checking it runs with -Xmx" + highMb + "m");
            Run first = run(highMb, args);
            if (!first.ok) {
                System.err.println("bench startup: " + label + " fails even with -Xmx" + highMb + "m:\n" + first.errorTail);
                String why = first.errorTail.lines().filter(l -> l.contains("Exception") || l.contains("Error"))
                        .findFirst().orElse(first.errorTail.lines().reduce((a, b) -> b).orElse("?")).strip();
                return new String[] {label, "fails: " + why.replace("|", "/"), "-"};
            }
            long[] times = new long[runs];
            for (int i = 0; i < runs; i++) {
                Run r = run(highMb, args);
                times[i] = r.nanos;
            }
            Arrays.sort(times);
            String wall = Report.seconds(times[times.length / 2]) + " (" + Report.seconds(times[0]) + ")";
            int lo = lowMb;
            int hi = highMb;
            if (run(lo, args).ok) {
                hi = lo;
            }
            while (hi - lo > Math.max(8, lo / 16)) {
                int mid = (lo + hi) / 2;
                boolean ok = run(mid, args).ok;
                System.err.println("bench startup: " + label + " -Xmx" + mid + "m " + (ok ? "works" : "fails"));
                if (ok) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            return new String[] {label, wall, hi + "m"};
        }

        private String[] measureShared(List<String> ours) throws IOException, InterruptedException {
            String label = "newsnlp analyze, class-data sharing";
            Path dir = Files.createTempDirectory("newsnlp-startup");
            Path jsa = dir.resolve("newsnlp.jsa");
            try {
                List<String> dump = new ArrayList<>();
                dump.add("-XX:ArchiveClassesAtExit=" + jsa);
                dump.addAll(QUIET);
                dump.addAll(ours);
                System.err.println("bench startup: " + label + ": writing the archive " + jsa);
                Run d = run(1024, dump);
                if (!d.ok || !Files.isRegularFile(jsa)) {
                    return new String[] {label, "fails: no archive written (" + d.errorTail.replace("|", "/") + ")", "-"};
                }
                List<String> shared = new ArrayList<>();
                shared.add("-XX:SharedArchiveFile=" + jsa);
                shared.addAll(QUIET);
                shared.addAll(ours);
                List<String> strict = new ArrayList<>(shared);
                strict.add(1, "-Xshare:on"); // fails instead of silently running without the archive
                Run check = run(1024, strict);
                if (!check.ok) {
                    return new String[] {label, "fails: archive not usable (" + check.errorTail.replace("|", "/") + ")", "-"};
                }
                return measure(label, shared, 64, 1024);
            } finally {
                Files.deleteIfExists(jsa);
                Files.deleteIfExists(dir);
            }
        }

        private record Run(boolean ok, long nanos, String errorTail) {
        }

        private static Run run(int xmxMb, List<String> args) throws IOException, InterruptedException {
            List<String> cmd = new ArrayList<>();
            cmd.add(javaBinary());
            cmd.add("-Xmx" + xmxMb + "m");
            cmd.addAll(args);
            Path err = Files.createTempFile("newsnlp-startup", ".err");
            try {
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(err.toFile()).start();
                boolean done = p.waitFor(10, TimeUnit.MINUTES);
                long t = System.nanoTime() - t0;
                if (!done) {
                    p.destroyForcibly();
                    return new Run(false, t, "timed out");
                }
                String stderr = Files.readString(err, StandardCharsets.UTF_8);
                boolean oom = stderr.contains("OutOfMemoryError");
                String tail = stderr.length() > 2000 ? stderr.substring(0, 2000) : stderr;
                return new Run(p.exitValue() == 0 && !oom, t, tail.strip());
            } finally {
                Files.deleteIfExists(err);
            }
        }

        private static Optional<Path> firstShipped(Path root) {
            Path index = root.resolve("benchmarks/corpus/index.txt");
            if (!Files.isRegularFile(index)) {
                return Optional.empty();
            }
            try {
                for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
                    String name = line.strip();
                    if (!name.isEmpty() && !name.startsWith("#")) {
                        Path html = root.resolve("benchmarks/corpus/" + name + ".html");
                        if (Files.isRegularFile(html)) {
                            return Optional.of(html);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + index + ": " + e.getMessage(), e);
            }
            return Optional.empty();
        }
    }

    /**
     * One benchmark score from JMH's JSON output.
     *
     * @param benchmark fully qualified method name
     * @param mode      JMH mode ({@code thrpt}, {@code avgt}, {@code sample}, {@code ss})
     * @param threads   benchmark threads
     * @param params    {@code @Param} values, sorted by name
     * @param score     primary score
     * @param error     half-width of JMH's 99.9% confidence interval, {@code NaN} when JMH gave none
     * @param unit      score unit
     * @param tokens    the {@code tokens} secondary metric (tokens per second), {@code NaN} when absent
     */
    record JmhResult(String benchmark, String mode, int threads, Map<String, String> params, double score,
                     double error, String unit, double tokens) {

        JmhResult {
            Objects.requireNonNull(benchmark, "benchmark");
            Objects.requireNonNull(mode, "mode");
            params = Map.copyOf(params);
            Objects.requireNonNull(unit, "unit");
        }

        /** Benchmark, parameters and thread count: what identifies a score across runs. */
        String key() {
            return benchmark + paramText() + (threads == 1 ? "" : " t=" + threads);
        }

        /** {@code " [size=medium]"} or an empty string. */
        String paramText() {
            if (params.isEmpty()) {
                return "";
            }
            StringBuilder sb = new StringBuilder(" [");
            new TreeMap<>(params).forEach((k, v) -> sb.append(sb.length() > 2 ? ", " : "").append(k).append('=').append(v));
            return sb.append(']').toString();
        }

        /** The class part of {@link #benchmark()}, without its package. */
        String className() {
            String cls = benchmark.substring(0, Math.max(0, benchmark.lastIndexOf('.')));
            return cls.substring(cls.lastIndexOf('.') + 1);
        }

        /** The method part of {@link #benchmark()}. */
        String method() {
            return benchmark.substring(benchmark.lastIndexOf('.') + 1);
        }

        /** True when a higher score is better (throughput); false for time per operation. */
        boolean higherIsBetter() {
            return "thrpt".equals(mode);
        }

        /** Reads a JMH JSON result file ({@code -rf json}). */
        static List<JmhResult> read(Path file) throws IOException {
            JsonNode root;
            try {
                root = new ObjectMapper().readTree(file.toFile());
            } catch (IOException e) {
                throw new IOException("cannot read JMH results " + file + ": " + e.getMessage(), e);
            }
            if (root == null || !root.isArray()) {
                throw new IllegalArgumentException("JMH results " + file + " are not a JSON array (write them with -rf json)");
            }
            List<JmhResult> out = new ArrayList<>(root.size());
            for (JsonNode n : root) {
                JsonNode pm = n.path("primaryMetric");
                if (!n.hasNonNull("benchmark") || !pm.has("score")) {
                    throw new IllegalArgumentException("JMH results " + file + ": entry without benchmark or primaryMetric.score: " + n);
                }
                Map<String, String> params = new LinkedHashMap<>();
                n.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
                double tokens = n.path("secondaryMetrics").path("tokens").path("score").asDouble(Double.NaN);
                out.add(new JmhResult(n.get("benchmark").asText(), n.path("mode").asText("thrpt"), n.path("threads").asInt(1),
                        params, number(pm.get("score")), number(pm.get("scoreError")), pm.path("scoreUnit").asText(""), tokens));
            }
            return out;
        }

        private static double number(JsonNode n) {
            if (n == null || n.isNull()) {
                return Double.NaN;
            }
            if (n.isNumber()) {
                return n.asDouble();
            }
            try {
                return Double.parseDouble(n.asText());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
    }

    /** Markdown tables of a run: scores, and ratios of newsnlp methods to reference methods in the same class. */
    static final class Report {

        private Report() {
        }

        /** All scores. */
        static String scores(List<JmhResult> results) {
            StringBuilder sb = new StringBuilder();
            sb.append("| benchmark | params | threads | score | error (99.9%) | unit | tokens/s |\n");
            sb.append("| --- | --- | ---: | ---: | ---: | --- | ---: |\n");
            for (JmhResult r : results) {
                sb.append("| ").append(r.className()).append('.').append(r.method()).append(" | ")
                        .append(r.paramText().isEmpty() ? "" : r.paramText().substring(2, r.paramText().length() - 1))
                        .append(" | ").append(r.threads()).append(" | ").append(number(r.score())).append(" | ")
                        .append(Double.isNaN(r.error()) ? "" : "± " + number(r.error())).append(" | ")
                        .append(r.unit()).append(" | ").append(Double.isNaN(r.tokens()) ? "" : number(r.tokens()))
                        .append(" |\n");
            }
            return sb.toString();
        }

        /**
         * Ratios ours / reference from one run. In each benchmark class and parameter set, a method named
         * {@code newsnlpX} is ours and is paired with every other method whose name, without its leading lower-case
         * library word ({@code opennlp}, {@code corenlp}, {@code ptb}) and a trailing {@code Tuned} or
         * {@code Default}, is also {@code X}. A method {@code newsnlpXTwoThreads} gives a thread-scaling row.
         */
        static String ratios(List<JmhResult> results) {
            Map<String, List<JmhResult>> groups = new LinkedHashMap<>();
            for (JmhResult r : results) {
                groups.computeIfAbsent(r.className() + r.paramText(), k -> new ArrayList<>()).add(r);
            }
            StringBuilder sb = new StringBuilder();
            int rows = 0;
            sb.append("| benchmark | params | newsnlp | reference | newsnlp score | reference score | speed ratio (newsnlp / reference) |\n");
            sb.append("| --- | --- | --- | --- | ---: | ---: | ---: |\n");
            for (List<JmhResult> group : groups.values()) {
                for (JmhResult ours : group) {
                    if (!ours.method().startsWith("newsnlp")) {
                        continue;
                    }
                    String stage = ours.method().substring("newsnlp".length());
                    for (JmhResult ref : group) {
                        String m = ref.method();
                        boolean pair = !m.startsWith("newsnlp") && stage(m).equals(stage)
                                || m.equals(ours.method() + "TwoThreads");
                        if (pair && ours.mode().equals(ref.mode())) {
                            double ratio = ref.method().startsWith("newsnlp") ? ref.score() / ours.score()
                                    : ours.higherIsBetter() ? ours.score() / ref.score() : ref.score() / ours.score();
                            String params = ours.paramText().isEmpty() ? "" : ours.paramText().substring(2, ours.paramText().length() - 1);
                            String refLabel = ref.method().startsWith("newsnlp") ? ref.method() + " (scaling, 2 vs 1 thread)" : ref.method();
                            sb.append("| ").append(ours.className()).append(" | ").append(params).append(" | ")
                                    .append(ours.method()).append(" | ").append(refLabel).append(" | ")
                                    .append(number(ours.score())).append(" | ").append(number(ref.score())).append(" | ")
                                    .append(String.format(Locale.ROOT, "%.2f×", ratio)).append(" |\n");
                            rows++;
                        }
                    }
                }
            }
            return rows == 0 ? "(no reference benchmarks in this run: no ratios)\n" : sb.toString();
        }

        /** {@code opennlpTokens} → {@code Tokens}, {@code corenlpTuned} → {@code ""}. */
        static String stage(String method) {
            int i = 0;
            while (i < method.length() && Character.isLowerCase(method.charAt(i))) {
                i++;
            }
            String s = method.substring(i);
            for (String variant : List.of("Tuned", "Default")) {
                if (s.endsWith(variant)) {
                    return s.substring(0, s.length() - variant.length());
                }
            }
            return s;
        }

        static String number(double v) {
            if (Double.isNaN(v)) {
                return "NaN";
            }
            double a = Math.abs(v);
            String f = a >= 1000 ? "%,.0f" : a >= 100 ? "%.1f" : a >= 1 ? "%.2f" : "%.4f";
            return String.format(Locale.ROOT, f, v);
        }

        static String percent(double fraction) {
            return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
        }

        static String seconds(long nanos) {
            return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
        }
    }

    /**
     * A regression check between two JMH runs. A benchmark regresses when its score got worse by more than the
     * threshold (a fraction of the old score) and the change also exceeds the combined error of both runs,
     * {@code sqrt(errOld² + errNew²)}, JMH's 99.9% confidence half-widths; a run without an error estimate counts
     * as error zero. Throughput must not fall; time per operation must not rise.
     *
     * @param rows      one row per benchmark of either run, in the baseline's order, then new ones
     * @param threshold the tolerated fraction
     */
    record Comparison(List<Row> rows, double threshold) {

        /** The verdict for one benchmark. */
        enum Status { OK, IMPROVED, REGRESSED, WITHIN_NOISE, MISSING, NEW }

        /**
         * One benchmark compared.
         *
         * @param key    benchmark, params and threads
         * @param old    baseline, {@code null} when new
         * @param now    candidate, {@code null} when missing
         * @param change relative change, positive when better, {@code NaN} when one side is missing
         * @param status the verdict
         */
        record Row(String key, JmhResult old, JmhResult now, double change, Status status) {
        }

        Comparison {
            rows = List.copyOf(rows);
        }

        /** Compares a baseline with a candidate run. */
        static Comparison of(List<JmhResult> baseline, List<JmhResult> candidate, double threshold) {
            if (!(threshold >= 0)) {
                throw new IllegalArgumentException("threshold must be >= 0, got " + threshold);
            }
            Map<String, JmhResult> now = new LinkedHashMap<>();
            for (JmhResult r : candidate) {
                now.put(r.key(), r);
            }
            List<Row> rows = new ArrayList<>();
            for (JmhResult o : baseline) {
                JmhResult n = now.remove(o.key());
                if (n == null) {
                    rows.add(new Row(o.key(), o, null, Double.NaN, Status.MISSING));
                    continue;
                }
                double diff = o.higherIsBetter() ? n.score() - o.score() : o.score() - n.score();
                double change = diff / o.score();
                double noise = Math.sqrt(square(o.error()) + square(n.error()));
                Status s;
                if (change < -threshold) {
                    s = -diff > noise ? Status.REGRESSED : Status.WITHIN_NOISE;
                } else if (change > threshold && diff > noise) {
                    s = Status.IMPROVED;
                } else {
                    s = Status.OK;
                }
                rows.add(new Row(o.key(), o, n, change, s));
            }
            for (JmhResult n : now.values()) {
                rows.add(new Row(n.key(), null, n, Double.NaN, Status.NEW));
            }
            return new Comparison(rows, threshold);
        }

        /** Parses {@code "10%"}, {@code "0.1"} or {@code "10"} (read as percent when above 1). */
        static double parseThreshold(String text) {
            String s = text.strip();
            boolean pct = s.endsWith("%");
            if (pct) {
                s = s.substring(0, s.length() - 1).strip();
            }
            double v;
            try {
                v = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--max-drop must look like 10% or 0.1, got '" + text + "'", e);
            }
            if (pct || v > 1) {
                v /= 100;
            }
            if (!(v >= 0 && v < 1)) {
                throw new IllegalArgumentException("--max-drop must be between 0% and 100%, got '" + text + "'");
            }
            return v;
        }

        /** Number of regressed benchmarks. */
        long regressions() {
            return rows.stream().filter(r -> r.status() == Status.REGRESSED).count();
        }

        /** True when at least one benchmark regressed. */
        boolean failed() {
            return regressions() > 0;
        }

        /** The comparison as a markdown table, worst change first. */
        String markdown() {
            StringBuilder sb = new StringBuilder();
            sb.append("| benchmark | old | new | change | verdict |\n| --- | ---: | ---: | ---: | --- |\n");
            List<Row> sorted = new ArrayList<>(rows);
            sorted.sort(Comparator.comparingDouble(r -> Double.isNaN(r.change()) ? Double.MAX_VALUE : r.change()));
            for (Row r : sorted) {
                sb.append("| ").append(r.key().replace("org.newsnlp.bench.", "")).append(" | ").append(cell(r.old())).append(" | ").append(cell(r.now()))
                        .append(" | ").append(Double.isNaN(r.change()) ? "" : String.format(Locale.ROOT, "%+.1f%%", r.change() * 100))
                        .append(" | ").append(r.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(" |\n");
            }
            sb.append("\nThreshold: a drop of more than ").append(Report.percent(threshold))
                    .append(" that also exceeds the combined 99.9% score error of both runs.\n");
            return sb.toString();
        }

        private static String cell(JmhResult r) {
            if (r == null) {
                return "-";
            }
            return Report.number(r.score()) + (Double.isNaN(r.error()) ? "" : " ± " + Report.number(r.error())) + " " + r.unit();
        }

        private static double square(double v) {
            return Double.isNaN(v) ? 0 : v * v;
        }
    }

    /** The folder holding {@code mvnw} and {@code benchmarks/pom.xml}: the working directory or a parent. */
    static Optional<Path> projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("benchmarks/pom.xml"))) {
                return Optional.of(dir);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    static boolean hasCoreNlp(Path jar) {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            return z.getEntry(CORENLP_CLASS) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static int buildJar(Path root, boolean reference) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-q", "-B", "-DskipTests",
                "-pl", "benchmarks", "-am", "package"));
        if (reference) {
            cmd.add("-Preference");
        }
        System.err.println("bench: building the benchmarks jar: " + String.join(" ", cmd));
        Process p = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                System.err.println(line);
            }
        }
        return p.waitFor();
    }

    private static String javaBinary() {
        Path java = Path.of(System.getProperty("java.home"), "bin", File.separatorChar == '\\' ? "java.exe" : "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }
}
