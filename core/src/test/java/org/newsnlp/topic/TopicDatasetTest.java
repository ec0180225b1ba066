package org.newsnlp.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.newsnlp.NewsNlpException;
import org.junit.jupiter.api.Test;

class TopicDatasetTest {

    private static List<LabeledDocument> read(String content, String name, TopicDataset.Options o) throws IOException {
        return TopicDataset.read(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), name, o);
    }

    @Test
    void readsHeaderlessCsvWithQuotesAndNewlines() throws IOException {
        String csv = "\"3\",\"Title, with comma\",\"Line one\nline \"\"two\"\"\"\n\"1\",\"T2\",\"Body 2\"\n";
        List<LabeledDocument> docs = read(csv, "x.csv", TopicDataset.Options.DEFAULT);
        assertEquals(2, docs.size());
        assertEquals("3", docs.get(0).label());
        assertEquals("Title, with comma", docs.get(0).title());
        assertEquals("Line one\nline \"two\"", docs.get(0).text());
        assertEquals("2", docs.get(1).id());
    }

    @Test
    void readsCsvColumnsByHeaderName() throws IOException {
        String csv = "id,topic,headline,body\r\nA7,sport,Win,They won\r\n";
        List<LabeledDocument> docs = read(csv, "x.csv",
                new TopicDataset.Options(TopicDataset.Format.AUTO, List.of("headline", "body"), "topic", true));
        assertEquals(List.of("sport"), docs.get(0).labels());
        assertEquals("Win", docs.get(0).title());
        assertEquals("They won", docs.get(0).text());
        assertEquals("A7", docs.get(0).id());
    }

    @Test
    void unknownCsvColumnIsReportedWithTheHeader() {
        NewsNlpException e = assertThrows(NewsNlpException.class, () -> read("a,b\n1,2\n", "data.csv",
                new TopicDataset.Options(TopicDataset.Format.CSV, List.of("text"), "a", true)));
        assertTrue(e.getMessage().contains("data.csv") && e.getMessage().contains("'text'"), e.getMessage());
    }

    @Test
    void readsJsonLinesWithLabelOrLabels() throws IOException {
        String jsonl = "{\"id\": 5, \"label\": \"tech\", \"title\": \"T\", \"text\": \"Body\"}\n\n"
                + "{\"labels\": [\"earn\", \"acq\", \"earn\"], \"text\": \"B2\"}\n{\"labels\": [], \"text\": \"B3\"}\n";
        List<LabeledDocument> docs = read(jsonl, "x.jsonl", TopicDataset.Options.DEFAULT);
        assertEquals(3, docs.size());
        assertEquals("5", docs.get(0).id());
        assertEquals(List.of("earn", "acq"), docs.get(1).labels());
        assertEquals("3", docs.get(1).id());
        assertEquals("", docs.get(1).title());
        assertEquals(List.of(), docs.get(2).labels());
    }

    @Test
    void detectsGzipFromTheBytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("{\"label\": \"a\", \"text\": \"x\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        List<LabeledDocument> docs = TopicDataset.read(new ByteArrayInputStream(bytes.toByteArray()), "data.bin",
                TopicDataset.Options.DEFAULT);
        assertEquals("a", docs.get(0).label());
    }

    @Test
    void badJsonNamesFileAndLine() {
        NewsNlpException e = assertThrows(NewsNlpException.class,
                () -> read("{\"label\": \"a\", \"text\": \"x\"}\n{oops\n", "d.jsonl", TopicDataset.Options.DEFAULT));
        assertTrue(e.getMessage().startsWith("d.jsonl:2:"), e.getMessage());
    }

    @Test
    void missingLabelIsAnErrorUnlessOptional() throws IOException {
        String jsonl = "{\"text\": \"x\"}\n";
        assertThrows(NewsNlpException.class, () -> read(jsonl, "d.jsonl", TopicDataset.Options.DEFAULT));
        assertEquals(List.of(), read(jsonl, "d.jsonl", TopicDataset.Options.DEFAULT.withLabelsRequired(false))
                .get(0).labels());
    }

    @Test
    void unterminatedCsvQuoteNamesTheFile() {
        NewsNlpException e = assertThrows(NewsNlpException.class,
                () -> read("\"1\",\"ok\"\n\"2\",\"never closed\n", "broken.csv", TopicDataset.Options.DEFAULT));
        assertTrue(e.getMessage().contains("broken.csv") && e.getMessage().contains("record 2"), e.getMessage());
    }
}
