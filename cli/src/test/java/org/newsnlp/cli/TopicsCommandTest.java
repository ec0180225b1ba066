package org.newsnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TopicsCommandTest {

    @TempDir
    static Path dir;
    static Path jsonl;
    static Path csv;

    private static final String[][] WORDS = {
            {"match", "goal", "striker", "league", "coach", "season", "cup", "team"},
            {"shares", "market", "profit", "bank", "investors", "economy", "sales", "prices"},
    };
    private static final String[] LABELS = {"sport", "business"};

    @BeforeAll
    static void writeData() throws IOException {
        SplittableRandom r = new SplittableRandom(3);
        StringBuilder j = new StringBuilder();
        StringBuilder c = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            int l = i % 2;
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 25; w++) {
                text.append(r.nextInt(2) == 0 ? WORDS[l][r.nextInt(8)] : "the").append(' ');
            }
            j.append("{\"id\": \"d").append(i).append("\", \"label\": \"").append(LABELS[l])
                    .append("\", \"title\": \"\", \"text\": \"").append(text).append("\"}\n");
            c.append('"').append(l + 1).append("\",\"Title ").append(i).append("\",\"").append(text).append("\"\n");
        }
        jsonl = dir.resolve("docs.jsonl.gz");
        try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(jsonl))) {
            gz.write(j.toString().getBytes(StandardCharsets.UTF_8));
        }
        csv = dir.resolve("docs.csv");
        Files.writeString(csv, c.toString());
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void trainEvaluatePredictRoundTrip() throws IOException {
        Path model = dir.resolve("m.bin.gz");
        String[] t = run("topics", "train", "--data", jsonl.toString(), "--out", model.toString());
        assertEquals("0", t[0], t[2]);
        assertTrue(Files.exists(model) && Files.exists(dir.resolve("m.bin.gz.manifest.json")));

        Path report = dir.resolve("r.html");
        String[] e = run("topics", "evaluate", "--model", model.toString(), "--data", jsonl.toString(),
                "--report", report.toString(), "--format", "json");
        assertEquals("0", e[0], e[2]);
        JsonNode metrics = new ObjectMapper().readTree(e[1]);
        assertTrue(metrics.get("accuracy").asDouble() > 0.9, e[1]);
        assertTrue(Files.readString(report).contains("<svg"));

        String[] p = run("topics", "predict", "--model", model.toString(), "--data", jsonl.toString());
        assertEquals("0", p[0], p[2]);
        List<String> lines = p[1].lines().toList();
        assertEquals(60, lines.size());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals("d0", first.get("id").asText());
        assertEquals(2, first.get("topics").size());
        assertEquals(null, first.get("labels"));
    }

    @Test
    void cvPrintsJsonWithMeanAndFolds() throws IOException {
        String[] r = run("topics", "cv", "--data", csv.toString(), "--folds", "3", "--format", "json");
        assertEquals("0", r[0], r[2]);
        JsonNode j = new ObjectMapper().readTree(r[1]);
        assertTrue(j.get("accuracy").asDouble() > 0.8, r[1]);
        assertEquals(3, j.get("foldAccuracy").size());
        assertTrue(j.has("macroF1"));
    }

    @Test
    void compareLearnersPrintsOneTable() {
        String[] r = run("topics", "compare", "--data", jsonl.toString(), "--test-fraction", "0.25");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("newsnlp linear SVM") && r[1].contains("OpenNLP maxent")
                && r[1].contains("OpenNLP naive Bayes"), r[1]);
    }

    @Test
    void predictsWithTheShippedDefaultModel() throws IOException {
        Path f = dir.resolve("story.txt");
        Files.writeString(f, "The striker scored twice as the home team won the league match.");
        String[] r = run("topics", "predict", f.toString());
        assertEquals("0", r[0], r[2]);
        JsonNode j = new ObjectMapper().readTree(r[1]);
        assertEquals("story.txt", j.get("id").asText());
        assertEquals("sport", j.get("topics").get(0).get("label").asText());
    }

    @Test
    void badModelFileIsOneLineError() throws IOException {
        Path junk = dir.resolve("junk.bin");
        Files.writeString(junk, "junk");
        String[] r = run("topics", "evaluate", "--model", junk.toString(), "--data", jsonl.toString());
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("junk.bin") && r[2].contains("not a newsnlp topic model"), r[2]);
    }
}
