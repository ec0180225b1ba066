package org.newsnlp.topic;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.newsnlp.NewsNlpException;

/**
 * Reads labelled documents from CSV or JSON-lines files, gzipped or not (detected from the bytes).
 *
 * <p>JSON lines: one object per line; the label is the {@code label} field (a string or number) or the
 * {@code labels} field (an array), the text is the {@code title} and {@code text} fields unless other
 * fields are named, the id is the {@code id} field or the line number. CSV (RFC 4180 quoting): without
 * a header, columns are numbered from 1, the label is column 1 and the text is every other column; with
 * named fields the first row must be a header that has them.
 *
 * <pre>{@code
 * List<LabeledDocument> docs = TopicDataset.read(Path.of("bbc_news.jsonl.gz"), TopicDataset.Options.DEFAULT);
 * }</pre>
 *
 * <p>Stateless and safe to use from any thread.
 */
public final class TopicDataset {

    /** The file format. */
    public enum Format {
        /** From the file name ({@code .csv}, {@code .jsonl}, {@code .json}, with or without {@code .gz}), else the content. */
        AUTO,
        /** Comma-separated values. */
        CSV,
        /** One JSON object per line. */
        JSONL
    }

    /**
     * How to read a dataset.
     *
     * @param format     the format
     * @param textFields the fields (JSONL keys, CSV header names or 1-based column numbers) that make the text;
     *                   with two or more, the first is the title; empty for the defaults
     * @param labelField the label field, or {@code null} for the default ({@code label}/{@code labels}, CSV column 1)
     * @param labelsRequired fail on a JSON line without a label field (else it gets no labels, as for prediction)
     */
    public record Options(Format format, List<String> textFields, String labelField, boolean labelsRequired) {

        /** Defaults: format from the file, default fields, labels required. */
        public static final Options DEFAULT = new Options(Format.AUTO, List.of(), null, true);

        /** A copy that does or does not require labels. */
        public Options withLabelsRequired(boolean required) {
            return new Options(format, textFields, labelField, required);
        }

        public Options {
            Objects.requireNonNull(format, "format");
            textFields = textFields == null ? List.of() : List.copyOf(textFields);
            for (String f : textFields) {
                if (f.isBlank()) {
                    throw new IllegalArgumentException("text field names must not be blank: " + textFields);
                }
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private TopicDataset() {
    }

    /**
     * Reads a dataset file.
     *
     * @throws IOException      when the file cannot be read
     * @throws NewsNlpException when its content is not a dataset in the expected shape (the message names the
     *                          file and line)
     */
    public static List<LabeledDocument> read(Path file, Options options) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), options);
        }
    }

    /** Reads a dataset from a stream (not closed); {@code source} names it in messages and picks the format. */
    public static List<LabeledDocument> read(InputStream in, String source, Options options) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(options, "options");
        BufferedInputStream bin = new BufferedInputStream(in, 1 << 16);
        bin.mark(2);
        int b0 = bin.read();
        int b1 = bin.read();
        bin.reset();
        InputStream raw = bin;
        if (b0 == 0x1f && b1 == 0x8b) {
            raw = new BufferedInputStream(new GZIPInputStream(bin, 1 << 16), 1 << 16);
        }
        Format format = options.format();
        if (format == Format.AUTO) {
            format = formatOf(source, raw);
        }
        try (Reader reader = new InputStreamReader(raw, StandardCharsets.UTF_8)) {
            return format == Format.CSV ? readCsv(reader, source, options) : readJsonl(reader, source, options);
        } catch (java.util.zip.ZipException e) {
            throw new IOException(source + ": corrupt gzip data (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads a label list: the first column of each line of a text or TSV file, skipping blank lines, lines
     * starting with {@code #}, and a header line whose first column is {@code category} or {@code label}.
     */
    public static Set<String> readLabelSet(Path file) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String first = line.split("[\t,]", 2)[0].strip();
            if (first.isEmpty() || first.startsWith("#")) {
                continue;
            }
            if (out.isEmpty() && (first.equalsIgnoreCase("category") || first.equalsIgnoreCase("label"))) {
                continue;
            }
            out.add(first);
        }
        if (out.isEmpty()) {
            throw new NewsNlpException(file + ": no labels found");
        }
        return out;
    }

    private static Format formatOf(String source, InputStream raw) throws IOException {
        String n = source.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        if (n.endsWith(".csv")) {
            return Format.CSV;
        }
        if (n.endsWith(".jsonl") || n.endsWith(".json") || n.endsWith(".ndjson")) {
            return Format.JSONL;
        }
        raw.mark(4096);
        int c;
        int seen = 0;
        do {
            c = raw.read();
            seen++;
        } while (c != -1 && Character.isWhitespace(c) && seen < 4096);
        raw.reset();
        return c == '{' ? Format.JSONL : Format.CSV;
    }

    private static List<LabeledDocument> readJsonl(Reader reader, String source, Options options) throws IOException {
        BufferedReader br = new BufferedReader(reader, 1 << 16);
        List<LabeledDocument> out = new ArrayList<>();
        List<String> fields = options.textFields();
        String line;
        int lineNo = 0;
        while ((line = br.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                throw new NewsNlpException(source + ":" + lineNo + ": not a JSON object: " + e.getOriginalMessage(), e);
            }
            if (!node.isObject()) {
                throw new NewsNlpException(source + ":" + lineNo + ": not a JSON object");
            }
            List<String> labels = jsonLabels(node, options.labelField(), options.labelsRequired(), source, lineNo);
            String title;
            String text;
            if (fields.isEmpty()) {
                if (!node.has("title") && !node.has("text")) {
                    throw new NewsNlpException(source + ":" + lineNo + ": no 'title' or 'text' field; name the text "
                            + "fields (found " + fieldNames(node) + ")");
                }
                title = jsonText(node.get("title"));
                text = jsonText(node.get("text"));
            } else {
                List<String> parts = new ArrayList<>(fields.size());
                for (String f : fields) {
                    if (!node.has(f)) {
                        throw new NewsNlpException(source + ":" + lineNo + ": no field '" + f + "' (found "
                                + fieldNames(node) + ")");
                    }
                    parts.add(jsonText(node.get(f)));
                }
                title = parts.size() >= 2 ? parts.get(0) : "";
                text = String.join("\n", parts.size() >= 2 ? parts.subList(1, parts.size()) : parts);
            }
            JsonNode id = node.get("id");
            String docId = id == null || id.isNull() ? String.valueOf(lineNo) : id.asText();
            out.add(new LabeledDocument(docId, title, text, labels));
        }
        return out;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String jsonText(JsonNode v) {
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static List<String> jsonLabels(JsonNode node, String field, boolean required, String source, int lineNo) {
        JsonNode v;
        if (field != null) {
            v = node.get(field);
            if (v == null && !required) {
                return List.of();
            }
            if (v == null) {
                throw new NewsNlpException(source + ":" + lineNo + ": no label field '" + field + "' (found "
                        + fieldNames(node) + ")");
            }
        } else {
            v = node.has("label") ? node.get("label") : node.get("labels");
            if (v == null && !required) {
                return List.of();
            }
            if (v == null) {
                throw new NewsNlpException(source + ":" + lineNo + ": no 'label' or 'labels' field (found "
                        + fieldNames(node) + ")");
            }
        }
        List<String> labels = new ArrayList<>();
        if (v.isArray()) {
            for (Iterator<JsonNode> it = v.elements(); it.hasNext();) {
                JsonNode e = it.next();
                if (!e.isNull()) {
                    labels.add(e.asText());
                }
            }
        } else if (!v.isNull()) {
            labels.add(v.asText());
        }
        return labels;
    }

    private static List<LabeledDocument> readCsv(Reader reader, String source, Options options) throws IOException {
        CsvReader csv = new CsvReader(new BufferedReader(reader, 1 << 16), source);
        List<String> row = csv.next();
        if (row == null) {
            return List.of();
        }
        List<String> fields = options.textFields();
        String labelField = options.labelField();
        boolean named = (labelField != null && !isNumber(labelField)) || fields.stream().anyMatch(f -> !isNumber(f));
        Map<String, Integer> header = new java.util.HashMap<>();
        int rowNo = 1;
        if (named) {
            for (int i = 0; i < row.size(); i++) {
                header.putIfAbsent(row.get(i).strip(), i);
            }
            row = csv.next();
            rowNo++;
        }
        int labelCol = column(labelField == null ? "1" : labelField, header, source);
        List<Integer> textCols = new ArrayList<>();
        for (String f : fields) {
            textCols.add(column(f, header, source));
        }
        List<LabeledDocument> out = new ArrayList<>();
        int dataRow = 0;
        for (; row != null; row = csv.next(), rowNo++) {
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            dataRow++;
            if (labelCol >= row.size()) {
                throw new NewsNlpException(source + ": row " + rowNo + " has " + row.size()
                        + " columns, the label is column " + (labelCol + 1));
            }
            List<Integer> cols = textCols;
            if (cols.isEmpty()) {
                cols = new ArrayList<>();
                for (int i = 0; i < row.size(); i++) {
                    if (i != labelCol) {
                        cols.add(i);
                    }
                }
            }
            List<String> parts = new ArrayList<>(cols.size());
            for (int c : cols) {
                if (c >= row.size()) {
                    throw new NewsNlpException(source + ": row " + rowNo + " has " + row.size()
                            + " columns, a text field is column " + (c + 1));
                }
                parts.add(row.get(c));
            }
            String title = parts.size() >= 2 ? parts.get(0) : "";
            String text = String.join("\n", parts.size() >= 2 ? parts.subList(1, parts.size()) : parts);
            String label = row.get(labelCol).strip();
            String id = header.containsKey("id") ? row.get(header.get("id")) : String.valueOf(dataRow);
            out.add(new LabeledDocument(id, title, text, label.isEmpty() ? List.of() : List.of(label)));
        }
        return out;
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    private static int column(String field, Map<String, Integer> header, String source) {
        if (isNumber(field)) {
            int c = Integer.parseInt(field);
            if (c < 1) {
                throw new NewsNlpException(source + ": CSV columns are numbered from 1, got " + field);
            }
            return c - 1;
        }
        Integer c = header.get(field);
        if (c == null) {
            throw new NewsNlpException(source + ": no CSV column '" + field + "' in the header " + header.keySet()
                    + " (without a header, number the columns from 1)");
        }
        return c;
    }

    /** RFC 4180 records: quoted fields may hold commas, newlines and doubled quotes. */
    static final class CsvReader {
        private final Reader in;
        private final String source;
        private int peeked = -2;
        private int records;

        CsvReader(Reader in, String source) {
            this.in = in;
            this.source = source;
        }

        private int read() throws IOException {
            if (peeked != -2) {
                int c = peeked;
                peeked = -2;
                return c;
            }
            return in.read();
        }

        /** The next record, or {@code null} at the end. */
        List<String> next() throws IOException {
            int c = read();
            if (c == -1) {
                return null;
            }
            records++;
            List<String> row = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (true) {
                if (quoted) {
                    if (c == -1) {
                        throw new NewsNlpException(source + ": CSV record " + records + " has an unterminated quoted field");
                    }
                    if (c == '"') {
                        int d = read();
                        if (d == '"') {
                            f.append('"');
                        } else {
                            quoted = false;
                            c = d;
                            continue;
                        }
                    } else {
                        f.append((char) c);
                    }
                } else if (c == -1 || c == '\n') {
                    row.add(f.toString());
                    return row;
                } else if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        peeked = d;
                    }
                    row.add(f.toString());
                    return row;
                } else if (c == ',') {
                    row.add(f.toString());
                    f.setLength(0);
                    wasQuoted = false;
                } else if (c == '"' && f.length() == 0 && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else {
                    f.append((char) c);
                }
                c = read();
            }
        }
    }
}
