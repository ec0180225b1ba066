package org.newsnlp.ner;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.newsnlp.NewsNlpException;

/**
 * Reads CoNLL-2003 column files (plain or gzipped): one token per line, columns separated by spaces or tabs,
 * the word first and the tag last, a blank line between sentences and a {@code -DOCSTART-} line before each
 * document. A file without {@code -DOCSTART-} lines is one document.
 *
 * <pre>{@code
 * List<ConllDocument> docs = ConllReader.read(Path.of("eng.train.gz"));
 * }</pre>
 *
 * <p>Stateless and safe to use from any thread.
 */
public final class ConllReader {

    /** The first column of a document separator line. */
    public static final String DOCSTART = "-DOCSTART-";

    private ConllReader() {
    }

    /** Reads all lines of {@code file}, gunzipping it when it starts with the gzip magic number. */
    public static List<String> readLines(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream in = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(raw, 1 << 16) : raw;
            List<String> lines = new ArrayList<>(1 << 16);
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            }
            return lines;
        }
    }

    /** Reads and parses {@code file}. */
    public static List<ConllDocument> read(Path file) throws IOException {
        return parse(readLines(file), file.toString());
    }

    /** True for a {@code -DOCSTART-} line. */
    public static boolean isDocStart(String line) {
        return line.startsWith(DOCSTART) && (line.length() == DOCSTART.length()
                || Character.isWhitespace(line.charAt(DOCSTART.length())));
    }

    /**
     * Parses the lines of a CoNLL file.
     *
     * @param source the file name, for error messages
     * @throws NewsNlpException when the lines do not have a consistent number of columns
     */
    public static List<ConllDocument> parse(List<String> lines, String source) {
        List<ConllDocument> docs = new ArrayList<>();
        List<ConllSentence> sentences = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        int first = -1;
        int columns = -1;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i).strip() : "";
            boolean docStart = i < lines.size() && isDocStart(line);
            if (line.isEmpty() || docStart) {
                if (!tokens.isEmpty()) {
                    sentences.add(new ConllSentence(tokens, columns > 1 ? tags : List.of(), first));
                    tokens.clear();
                    tags.clear();
                }
                if (docStart && !sentences.isEmpty()) {
                    docs.add(new ConllDocument(sentences));
                    sentences.clear();
                }
                continue;
            }
            String[] cols = line.split("[ \t]+");
            if (columns < 0) {
                columns = cols.length;
            } else if (cols.length != columns) {
                throw new NewsNlpException(source + ": line " + (i + 1) + " has " + cols.length
                        + " columns, expected " + columns + " like the first token line");
            }
            if (tokens.isEmpty()) {
                first = i;
            }
            tokens.add(cols[0]);
            tags.add(cols[cols.length - 1]);
        }
        if (!sentences.isEmpty()) {
            docs.add(new ConllDocument(sentences));
        }
        return docs;
    }
}
