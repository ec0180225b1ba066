package org.newsnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsnlp.cli.BenchCommand.Comparison;
import org.newsnlp.cli.BenchCommand.Comparison.Status;
import org.newsnlp.cli.BenchCommand.JmhResult;
import org.newsnlp.cli.BenchCommand.Report;

class BenchCommandTest {

    @TempDir
    Path dir;

    /** One JMH JSON entry, as {@code -rf json} writes it. */
    private static String entry(String benchmark, String mode, int threads, String size, double score, String error) {
        return String.format(Locale.ROOT, """
                {"jmhVersion":"1.37","benchmark":"%s","mode":"%s","threads":%d,"forks":1,
                 "params":{"size":"%s"},
                 "primaryMetric":{"score":%s,"scoreError":%s,"scoreConfidence":[0,0],"scoreUnit":"%s","rawData":[[1.0]]},
                 "secondaryMetrics":{"tokens":{"score":%s,"scoreError":"NaN","scoreUnit":"ops/s"}}}""",
                benchmark, mode, threads, size, score, error, mode.equals("thrpt") ? "ops/s" : "ms/op", score * 500);
    }

    private Path write(String name, String... entries) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "[" + String.join(",", entries) + "]", StandardCharsets.UTF_8);
        return p;
    }

    private static final String TOKENS = "org.newsnlp.bench.TokenizerBenchmark.newsnlpTokens";
    private static final String OPENNLP = "org.newsnlp.bench.TokenizerBenchmark.opennlpTokens";

    @Test
    void readsJmhJson() throws IOException {
        List<JmhResult> r = JmhResult.read(write("a.json", entry(TOKENS, "thrpt", 1, "medium", 1000, "12.5"),
                entry(OPENNLP, "thrpt", 2, "long", 40, "\"NaN\"")));
        assertEquals(2, r.size());
        assertEquals(1000, r.get(0).score());
        assertEquals(12.5, r.get(0).error());
        assertEquals(500_000, r.get(0).tokens());
        assertTrue(Double.isNaN(r.get(1).error()));
        assertEquals("org.newsnlp.bench.TokenizerBenchmark.opennlpTokens [size=long] t=2", r.get(1).key());
        assertEquals("TokenizerBenchmark", r.get(0).className());
    }

    @Test
    void rejectsAFileThatIsNotJmhJson() throws IOException {
        Path p = dir.resolve("bad.json");
        Files.writeString(p, "{\"benchmark\": 1}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JmhResult.read(p));
        assertTrue(e.getMessage().contains("bad.json"), e.getMessage());
    }

    @Test
    void flagsADropBeyondThresholdAndNoise() throws IOException {
        List<JmhResult> old = JmhResult.read(write("old.json", entry(TOKENS, "thrpt", 1, "medium", 1000, "10")));
        List<JmhResult> now = JmhResult.read(write("new.json", entry(TOKENS, "thrpt", 1, "medium", 800, "10")));
        Comparison c = Comparison.of(old, now, 0.10);
        assertEquals(Status.REGRESSED, c.rows().get(0).status());
        assertEquals(-0.2, c.rows().get(0).change(), 1e-9);
        assertTrue(c.failed());
    }

    @Test
    void toleratesADropWithinTheCombinedError() throws IOException {
        List<JmhResult> old = JmhResult.read(write("old.json", entry(TOKENS, "thrpt", 1, "medium", 1000, "150")));
        List<JmhResult> now = JmhResult.read(write("new.json", entry(TOKENS, "thrpt", 1, "medium", 800, "150")));
        Comparison c = Comparison.of(old, now, 0.10);
        assertEquals(Status.WITHIN_NOISE, c.rows().get(0).status());
        assertFalse(c.failed());
    }

    @Test
    void toleratesASmallDropAndReportsImprovements() throws IOException {
        List<JmhResult> old = JmhResult.read(write("old.json", entry(TOKENS, "thrpt", 1, "medium", 1000, "1"),
                entry(OPENNLP, "thrpt", 1, "medium", 40, "1")));
        List<JmhResult> now = JmhResult.read(write("new.json", entry(TOKENS, "thrpt", 1, "medium", 950, "1"),
                entry(OPENNLP, "thrpt", 1, "medium", 80, "1")));
        Comparison c = Comparison.of(old, now, 0.10);
        assertEquals(Status.OK, c.rows().get(0).status());
        assertEquals(Status.IMPROVED, c.rows().get(1).status());
        assertFalse(c.failed());
    }

    @Test
    void treatsTimePerOperationAsLowerIsBetter() throws IOException {
        List<JmhResult> old = JmhResult.read(write("old.json", entry(TOKENS, "avgt", 1, "medium", 10, "0.1")));
        List<JmhResult> now = JmhResult.read(write("new.json", entry(TOKENS, "avgt", 1, "medium", 13, "0.1")));
        assertEquals(Status.REGRESSED, Comparison.of(old, now, 0.10).rows().get(0).status());
        assertEquals(Status.IMPROVED, Comparison.of(now, old, 0.10).rows().get(0).status());
    }

    @Test
    void listsMissingAndNewBenchmarksWithoutFailing() throws IOException {
        List<JmhResult> old = JmhResult.read(write("old.json", entry(TOKENS, "thrpt", 1, "medium", 1000, "1")));
        List<JmhResult> now = JmhResult.read(write("new.json", entry(OPENNLP, "thrpt", 1, "medium", 40, "1")));
        Comparison c = Comparison.of(old, now, 0.10);
        assertEquals(List.of(Status.MISSING, Status.NEW), c.rows().stream().map(Comparison.Row::status).toList());
        assertFalse(c.failed());
    }

    @Test
    void keepsSizesAndThreadCountsApart() throws IOException {
        List<JmhResult> old = JmhResult.read(write("old.json", entry(TOKENS, "thrpt", 1, "short", 1000, "1"),
                entry(TOKENS, "thrpt", 1, "long", 100, "1")));
        List<JmhResult> now = JmhResult.read(write("new.json", entry(TOKENS, "thrpt", 1, "long", 100, "1"),
                entry(TOKENS, "thrpt", 1, "short", 1000, "1")));
        assertTrue(Comparison.of(old, now, 0.10).rows().stream().allMatch(r -> r.status() == Status.OK));
    }

    @ParameterizedTest
    @CsvSource({"10%, 0.10", "0.1, 0.10", "10, 0.10", "2.5%, 0.025", "0%, 0"})
    void parsesThresholds(String text, double expected) {
        assertEquals(expected, Comparison.parseThreshold(text), 1e-12);
    }

    @ParameterizedTest
    @CsvSource({"ten", "150%", "-5%"})
    void rejectsBadThresholds(String text) {
        assertThrows(IllegalArgumentException.class, () -> Comparison.parseThreshold(text));
    }

    @Test
    void exitsOneOnARegressionFromTheCommandLine() throws IOException {
        Path old = write("old.json", entry(TOKENS, "thrpt", 1, "medium", 1000, "10"));
        Path bad = write("bad.json", entry(TOKENS, "thrpt", 1, "medium", 700, "10"));
        Path fine = write("fine.json", entry(TOKENS, "thrpt", 1, "medium", 980, "10"));
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(1, Main.run("bench", "compare", old.toString(), bad.toString(), "--max-drop", "10%"));
            assertEquals(0, Main.run("bench", "compare", old.toString(), fine.toString(), "--max-drop", "10%"));
            assertEquals(0, Main.run("bench", "compare", old.toString(), bad.toString(), "--max-drop", "35%"));
            assertEquals(2, Main.run("bench", "compare", old.toString(), dir.resolve("none.json").toString()));
        } finally {
            System.setOut(saved);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("| TokenizerBenchmark.newsnlpTokens [size=medium] | 1,000 ± 10.00 ops/s | 700.0 ± 10.00 ops/s | -30.0% | regressed |"), out);
    }

    @Test
    void pairsOursWithReferencesOfTheSameStage() throws IOException {
        String e2e = "org.newsnlp.bench.reference.EndToEndBenchmark.";
        String an = "org.newsnlp.bench.AnalyzerBenchmark.";
        List<JmhResult> r = JmhResult.read(write("run.json",
                entry(TOKENS, "thrpt", 1, "medium", 1000, "1"), entry(OPENNLP, "thrpt", 1, "medium", 40, "1"),
                entry("org.newsnlp.bench.TokenizerBenchmark.opennlpSentences", "thrpt", 1, "medium", 7, "1"),
                entry(e2e + "newsnlp", "thrpt", 1, "medium", 200, "1"), entry(e2e + "corenlpTuned", "thrpt", 1, "medium", 10, "1"),
                entry(e2e + "corenlpDefault", "thrpt", 1, "medium", 2, "1"),
                entry(an + "newsnlp", "thrpt", 1, "medium", 100, "1"), entry(an + "newsnlpTwoThreads", "thrpt", 2, "medium", 190, "1")));
        String table = Report.ratios(r);
        assertTrue(table.contains("| newsnlpTokens | opennlpTokens | 1,000 | 40.00 | 25.00× |"), table);
        assertTrue(table.contains("| newsnlp | corenlpTuned | 200.0 | 10.00 | 20.00× |"), table);
        assertTrue(table.contains("| newsnlp | corenlpDefault | 200.0 | 2.00 | 100.00× |"), table);
        assertTrue(table.contains("| newsnlp | newsnlpTwoThreads (scaling, 2 vs 1 thread) | 100.0 | 190.0 | 1.90× |"), table);
        assertFalse(table.contains("opennlpSentences"), table);
        assertEquals("Tokens", Report.stage("ptbTokens"));
        assertEquals("", Report.stage("corenlpDefault"));
        assertTrue(Report.scores(r).contains("| TokenizerBenchmark.newsnlpTokens | size=medium | 1 | 1,000 | ± 1.00 | ops/s | 500,000 |"));
    }

    @Test
    void saysSoWhenNoReferenceRan() throws IOException {
        List<JmhResult> r = JmhResult.read(write("run.json", entry(TOKENS, "thrpt", 1, "medium", 1000, "1")));
        assertTrue(Report.ratios(r).startsWith("(no reference benchmarks"));
    }
}
