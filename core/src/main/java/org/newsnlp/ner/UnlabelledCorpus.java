package org.newsnlp.ner;

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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The unlabelled text that word clusters are learned from: the article bodies of the BBC, Reuters-21578,
 * 20 Newsgroups and AG News collections in the shared data folder, plus the sentences of a CoNLL training
 * file (its words only, no labels). Headlines in capitals and newsgroup headers are left out, since they would
 * blur the case statistics.
 *
 * <pre>{@code
 * List<String> lines = UnlabelledCorpus.lines(sharedRoot.resolve("datasets"), conllTrain);
 * }</pre>
 *
 * <p>Stateless and safe to use from any thread.
 */
public final class UnlabelledCorpus {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The dataset files read, relative to the {@code datasets} folder. */
    public static final List<String> SOURCES = List.of(
            "bbc_news/bbc_news.jsonl.gz",
            "reuters21578_modapte/train.jsonl.gz",
            "reuters21578_modapte/test.jsonl.gz",
            "20newsgroups_bydate/train.jsonl.gz",
            "20newsgroups_bydate/test.jsonl.gz",
            "ag_news/test.csv.gz");

    private UnlabelledCorpus() {
    }

    /**
     * Reads the text lines of every source that exists under {@code datasets}, then the sentences of
     * {@code conll} (may be null).
     */
    public static List<String> lines(Path datasets, Path conll) throws IOException {
        List<String> out = new ArrayList<>(1 << 20);
        for (String src : SOURCES) {
            Path p = datasets.resolve(src);
            if (!Files.exists(p)) {
                continue;
            }
            try (BufferedReader r = reader(p)) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    if (src.endsWith(".csv.gz")) {
                        addAgNews(line, out);
                    } else {
                        JsonNode n = JSON.readTree(line);
                        String text = n.path("text").asText("");
                        if (src.startsWith("20newsgroups")) {
                            int body = text.indexOf("\n\n");
                            text = body < 0 ? "" : text.substring(body + 2);
                        }
                        if (src.startsWith("bbc")) {
                            addLines(n.path("title").asText(""), out);
                        }
                        addLines(text, out);
                    }
                }
            }
        }
        if (conll != null) {
            for (ConllDocument doc : ConllReader.read(conll)) {
                for (ConllSentence s : doc.sentences()) {
                    out.add(String.join(" ", s.tokens()));
                }
            }
        }
        return out;
    }

    /** The news sources among {@link #SOURCES} (no newsgroups), whose documents the trainer tags for names. */
    public static final List<String> NEWS_SOURCES = List.of(
            "bbc_news/bbc_news.jsonl.gz",
            "reuters21578_modapte/train.jsonl.gz",
            "reuters21578_modapte/test.jsonl.gz",
            "ag_news/test.csv.gz");

    /** The documents of the news sources under {@code datasets}, each as its lines of text. */
    public static List<List<String>> documents(Path datasets) throws IOException {
        List<List<String>> out = new ArrayList<>();
        for (String src : NEWS_SOURCES) {
            Path p = datasets.resolve(src);
            if (!Files.exists(p)) {
                continue;
            }
            try (BufferedReader r = reader(p)) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    List<String> doc = new ArrayList<>();
                    if (src.endsWith(".csv.gz")) {
                        addAgNews(line, doc);
                    } else {
                        JsonNode n = JSON.readTree(line);
                        String text = n.path("text").asText("");
                        if (src.startsWith("reuters")) {
                            text = text.replaceAll("\\n(?! )", " "); // re-join hard-wrapped lines
                        }
                        addLines(text, doc);
                    }
                    if (!doc.isEmpty()) {
                        out.add(doc);
                    }
                }
            }
        }
        return out;
    }

    private static void addAgNews(String csvLine, List<String> out) {
        // "class","title","description": keep the description only (titles are in title case)
        int third = csvLine.indexOf("\",\"", csvLine.indexOf("\",\"") + 3);
        if (third > 0 && csvLine.endsWith("\"")) {
            String d = csvLine.substring(third + 3, csvLine.length() - 1).replace("\"\"", "\"").replace("\\n", " ")
                    .replace(" #36;", " $").replace("#39;", "'");
            addLines(d, out);
        }
    }

    private static void addLines(String text, List<String> out) {
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end).trim();
            if (!line.isEmpty() && !line.startsWith(">") && !WordClusters.isMostlyUpperCase(line)) {
                out.add(line);
            }
            start = end + 1;
        }
    }

    static BufferedReader reader(Path p) throws IOException {
        InputStream in = Files.newInputStream(p);
        if (p.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }
}
