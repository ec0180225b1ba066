package org.newsnlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Main.run(args);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    @Test
    void badFileIsReportedAndTheOthersStillProcessed() throws Exception {
        Path good = Files.writeString(dir.resolve("story.html"),
                "<html><head><title>Rates rise</title></head><body><article>"
                        + "<p>The central bank raised rates on Thursday, its third increase this year.</p>"
                        + "<p>Economists had expected the move after inflation rose again in October.</p>"
                        + "</article></body></html>");
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        Run r = run("extract", "--format", "jsonl", empty.toString(), dir.resolve("missing.html").toString(),
                good.toString());
        assertEquals(1, r.status());
        String[] errLines = r.err().strip().split("\n");
        assertEquals(2, errLines.length, r.err());
        assertTrue(errLines[0].contains("empty.txt") && errLines[0].contains("empty"), errLines[0]);
        assertTrue(errLines[1].contains("missing.html"), errLines[1]);
        String[] outLines = r.out().strip().split("\n");
        assertEquals(1, outLines.length, r.out());
        JsonNode doc = new ObjectMapper().readTree(outLines[0]);
        assertEquals(good.toString(), doc.get("source").asText());
        assertTrue(doc.get("text").asText().contains("third increase"));
    }

    @Test
    void jsonFormatPrintsOneArray() throws Exception {
        Path a = Files.writeString(dir.resolve("a.txt"), "Headline\n\nBody text of the first story.");
        Path b = Files.writeString(dir.resolve("b.txt"), "Other headline\n\nBody text of the second story.");
        Run r = run("extract", a.toString(), b.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode arr = new ObjectMapper().readTree(r.out());
        assertTrue(arr.isArray());
        assertEquals(2, arr.size());
        assertEquals(b.toString(), arr.get(1).get("source").asText());
    }

    @Test
    void unknownFormatIsAUsageError() {
        Run r = run("extract", "--format", "xml", "x.txt");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("xml"), r.err());
    }
}
