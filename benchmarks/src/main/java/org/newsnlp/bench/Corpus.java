package org.newsnlp.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.newsnlp.internal.SharedData;

/**
 * Benchmark inputs: real news articles grouped by size, each as plain text and as an HTML page.
 *
 * <p>Articles come from the BBC News dataset in the shared data folder ({@code datasets/bbc_news}) when it is
 * present, otherwise from the small corpus shipped in this module ({@code benchmarks/corpus}, on the classpath
 * under {@code org/newsnlp/bench/corpus/}). The system property {@code newsnlp.bench.corpus=shipped} forces the
 * shipped corpus. Selection is deterministic, so two runs on the same machine read the same articles.
 *
 * <pre>{@code
 * List<Corpus.Article> articles = Corpus.articles(Corpus.Size.MEDIUM);
 * }</pre>
 *
 * <p>This class has no mutable state and is safe to use from any thread.
 */
public final class Corpus {

    /** Classpath folder of the shipped corpus. */
    public static final String SHIPPED = "org/newsnlp/bench/corpus/";

    /** How many articles a size class holds at most. */
    public static final int MAX_ARTICLES = 24;

    /** Article size classes, by word count of the body text; the names are the {@code @Param} values. */
    public enum Size {
        /** Up to 300 words. */
        SHORT(0, 300),
        /** 300 to 700 words. */
        MEDIUM(300, 700),
        /** More than 700 words. */
        LONG(700, Integer.MAX_VALUE);

        private final int minWords;
        private final int maxWords;

        Size(int minWords, int maxWords) {
            this.minWords = minWords;
            this.maxWords = maxWords;
        }

        /** True when an article of {@code words} words belongs to this class. */
        public boolean holds(int words) {
            return words >= minWords && words < maxWords;
        }

        /** Parses a {@code @Param} value such as {@code "medium"}. */
        public static Size parse(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown article size '" + name + "', expected short, medium or long", e);
            }
        }
    }

    /**
     * One article.
     *
     * @param id    where it comes from ({@code bbc:business/001} or {@code shipped:markets-chipmaker})
     * @param title the headline
     * @param text  the body text, one paragraph per line
     * @param html  an HTML page holding the article with typical page furniture around it
     */
    public record Article(String id, String title, String text, String html) {
        public Article {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(html, "html");
        }

        /** Number of whitespace-separated words of the body text. */
        public int words() {
            return Corpus.words(text);
        }
    }

    private Corpus() {
    }

    /** Where the articles come from: {@code "bbc_news"} or {@code "shipped"}. */
    public static String source() {
        return bbcFile().isPresent() ? "bbc_news" : "shipped";
    }

    /** Up to {@link #MAX_ARTICLES} articles of one size, spread evenly over the source. */
    public static List<Article> articles(Size size) {
        List<Article> all = bbcFile().map(Corpus::bbc).orElseGet(Corpus::shipped);
        List<Article> matching = new ArrayList<>();
        for (Article a : all) {
            if (size.holds(a.words())) {
                matching.add(a);
            }
        }
        if (matching.isEmpty()) {
            throw new IllegalStateException("no " + size.name().toLowerCase(Locale.ROOT) + " article in the "
                    + source() + " corpus");
        }
        if (matching.size() <= MAX_ARTICLES) {
            return List.copyOf(matching);
        }
        List<Article> out = new ArrayList<>(MAX_ARTICLES);
        double step = (double) matching.size() / MAX_ARTICLES;
        for (int i = 0; i < MAX_ARTICLES; i++) {
            out.add(matching.get((int) (i * step)));
        }
        return List.copyOf(out);
    }

    /** {@link #articles(Size)} for a {@code @Param} value. */
    public static List<Article> articles(String size) {
        return articles(Size.parse(size));
    }

    /** Every article of the shipped corpus, whatever {@link #source()} says. */
    public static List<Article> shipped() {
        List<Article> out = new ArrayList<>();
        for (String name : resource("index.txt").split("\n")) {
            String base = name.strip();
            if (base.isEmpty() || base.startsWith("#")) {
                continue;
            }
            String txt = resource(base + ".txt");
            int nl = txt.indexOf('\n');
            String title = nl < 0 ? txt.strip() : txt.substring(0, nl).strip();
            String body = nl < 0 ? "" : txt.substring(nl + 1).strip();
            out.add(new Article("shipped:" + base, title, body, resource(base + ".html")));
        }
        return out;
    }

    private static Optional<Path> bbcFile() {
        if ("shipped".equals(System.getProperty("newsnlp.bench.corpus"))) {
            return Optional.empty();
        }
        return SharedData.find("datasets/bbc_news/bbc_news.jsonl.gz");
    }

    private static List<Article> bbc(Path file) {
        ObjectMapper json = new ObjectMapper();
        List<Article> out = new ArrayList<>(2300);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                JsonNode n = json.readTree(line);
                String title = n.path("title").asText("");
                String text = n.path("text").asText("").strip();
                out.add(new Article("bbc:" + n.path("id").asText(), title, text, page(title, text)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read benchmark corpus " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Wraps an article in a page with navigation, a byline, a related-stories box and a footer. */
    static String page(String title, String text) {
        StringBuilder sb = new StringBuilder(text.length() * 2 + 2000);
        String t = escape(title);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(t)
                .append(" - Example News</title>\n<meta property=\"og:title\" content=\"").append(t).append("\">\n")
                .append("<meta property=\"og:site_name\" content=\"Example News\">\n")
                .append("<link rel=\"stylesheet\" href=\"/static/site.css\"><script src=\"/static/app.js\"></script>\n")
                .append("</head><body>\n<header><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a>")
                .append("</li><li><a href=\"/business\">Business</a></li><li><a href=\"/tech\">Technology</a></li>")
                .append("<li><a href=\"/sport\">Sport</a></li></ul></nav></header>\n<main><article>\n<h1>").append(t)
                .append("</h1>\n<p class=\"byline\">By Staff Reporter</p>\n<time datetime=\"2024-03-01T09:00:00Z\">")
                .append("1 March 2024</time>\n");
        for (String para : text.split("\n")) {
            if (!para.isBlank()) {
                sb.append("<p>").append(escape(para.strip())).append("</p>\n");
            }
        }
        sb.append("</article>\n<aside class=\"related\"><h2>Related stories</h2><ul>")
                .append("<li><a href=\"/a1\">Markets close higher after rate decision</a></li>")
                .append("<li><a href=\"/a2\">Ministers face questions over budget plans</a></li>")
                .append("<li><a href=\"/a3\">Club confirms new manager appointment</a></li></ul></aside>\n</main>\n")
                .append("<footer><p>&copy; Example News. All rights reserved.</p><a href=\"/privacy\">Privacy</a> ")
                .append("<a href=\"/terms\">Terms</a></footer>\n</body></html>\n");
        return sb.toString();
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    static int words(String text) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !in) {
                n++;
            }
            in = !space;
        }
        return n;
    }

    private static String resource(String name) {
        try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(SHIPPED + name)) {
            if (in == null) {
                throw new IllegalStateException("shipped benchmark corpus file " + SHIPPED + name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SHIPPED + name + ": " + e.getMessage(), e);
        }
    }
}
