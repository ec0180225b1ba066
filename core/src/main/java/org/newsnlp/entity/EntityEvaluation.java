package org.newsnlp.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
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
import org.newsnlp.text.TextSegmenter;
import org.newsnlp.text.TokenizedText;

/**
 * Document-level evaluation of resolved entities against a gold set: for each article, the people,
 * companies and countries it mentions. A predicted entity matches a gold one when one of its surface forms
 * equals one of the gold forms after normalisation (case, dots, dashes, possessives, spacing); countries
 * match by ISO 3166-1 code. Precision counts predicted entities that match a gold entity, recall counts gold
 * entities matched by a prediction, both summed over all documents.
 *
 * <pre>{@code
 * List<EntityEvaluation.GoldDocument> gold = EntityEvaluation.readGold(Path.of("dev-gold.jsonl"));
 * Map<String, EntityEvaluation.Article> texts = EntityEvaluation.readArticles(datasets, gold);
 * EntityEvaluation.Result r = EntityEvaluation.run(gold, texts, TextSegmenter.english(), recognizer, resolver);
 * r.scores(EntityType.COMPANY).f1();
 * }</pre>
 *
 * <p>The gold file is JSON lines, one object per article:
 * {@code {"source":"bbc","id":"business/001","people":[["Harry Shum","Shum"]],"companies":[["Microsoft"]],
 * "countries":["CN","US"]}}; {@code source} is {@code bbc} (BBC News, ids {@code label/NNN}),
 * {@code reuters} (Reuters-21578, numeric ids) or {@code file} (an article stored as a file of its own, the id
 * its file name beside the gold file, read by the caller). This class is stateless and safe to use from any thread.
 */
public final class EntityEvaluation {

    /** The types a gold set annotates. */
    public static final List<EntityType> TYPES = List.of(EntityType.PERSON, EntityType.COMPANY, EntityType.COUNTRY);

    private static final ObjectMapper JSON = new ObjectMapper();

    private EntityEvaluation() {
    }

    /**
     * One annotated article.
     *
     * @param source    {@code bbc}, {@code reuters} or {@code file}
     * @param id        the article's id in its dataset
     * @param people    each person as the list of forms that name them
     * @param companies each company as the list of forms that name it
     * @param countries ISO 3166-1 alpha-2 codes
     */
    public record GoldDocument(String source, String id, List<List<String>> people, List<List<String>> companies,
                               List<String> countries) {
        public GoldDocument {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(id, "id");
            people = people.stream().map(List::copyOf).toList();
            companies = companies.stream().map(List::copyOf).toList();
            countries = List.copyOf(countries);
        }

        /** {@code source:id}. */
        public String key() {
            return source + ":" + id;
        }
    }

    /**
     * An article's title and text.
     *
     * @param title the headline
     * @param text  the body, paragraphs separated by blank lines
     */
    public record Article(String title, String text) {
        public Article {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Counts for one type.
     *
     * @param predicted        predicted entities
     * @param correctPredicted predicted entities that match a gold entity
     * @param gold             gold entities
     * @param foundGold        gold entities matched by a prediction
     */
    public record Scores(int predicted, int correctPredicted, int gold, int foundGold) {
        /** Correct predictions over predictions; 1 when nothing was predicted. */
        public double precision() {
            return predicted == 0 ? 1.0 : (double) correctPredicted / predicted;
        }

        /** Found gold entities over gold entities; 1 when there is no gold entity. */
        public double recall() {
            return gold == 0 ? 1.0 : (double) foundGold / gold;
        }

        /** Harmonic mean of precision and recall. */
        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Scores plus(Scores o) {
            return new Scores(predicted + o.predicted, correctPredicted + o.correctPredicted, gold + o.gold,
                    foundGold + o.foundGold);
        }
    }

    /**
     * What one document got wrong.
     *
     * @param key     {@code source:id}
     * @param type    the type
     * @param spurious predicted entities (names) that match no gold entity
     * @param missed   gold entities (first form) no prediction matched
     */
    public record DocumentErrors(String key, EntityType type, List<String> spurious, List<String> missed) {
        public DocumentErrors {
            spurious = List.copyOf(spurious);
            missed = List.copyOf(missed);
        }
    }

    /**
     * The outcome of an evaluation.
     *
     * @param documents number of documents
     * @param byType    scores per type
     * @param errors    per-document mistakes
     */
    public record Result(int documents, Map<EntityType, Scores> byType, List<DocumentErrors> errors) {
        public Result {
            byType = Map.copyOf(byType);
            errors = List.copyOf(errors);
        }

        /** The scores of {@code type}. */
        public Scores scores(EntityType type) {
            Scores s = byType.get(type);
            if (s == null) {
                throw new IllegalArgumentException("type " + type + " is not evaluated, expected one of " + TYPES);
            }
            return s;
        }
    }

    // ---------------------------------------------------------------- reading

    /** Reads a gold file. */
    public static List<GoldDocument> readGold(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readGold(in, file.toString());
        }
    }

    /**
     * Reads a gold set from a stream.
     *
     * @param source names the stream in error messages
     */
    public static List<GoldDocument> readGold(InputStream in, String source) throws IOException {
        List<GoldDocument> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int no = 0;
        Set<String> seen = new HashSet<>();
        while ((line = r.readLine()) != null) {
            no++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode n = JSON.readTree(line);
                GoldDocument d = new GoldDocument(text(n, "source"), text(n, "id"), forms(n.get("people")),
                        forms(n.get("companies")), codes(n.get("countries")));
                if (!d.source().equals("bbc") && !d.source().equals("reuters") && !d.source().equals("file")) {
                    throw new IllegalArgumentException("source must be 'bbc', 'reuters' or 'file', got '"
                            + d.source() + "'");
                }
                if (!seen.add(d.key())) {
                    throw new IllegalArgumentException("duplicate document " + d.key());
                }
                out.add(d);
            } catch (IOException | RuntimeException e) {
                throw new NewsNlpException(source + " line " + no + ": bad gold record: " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("missing text field '" + field + "'");
        }
        return v.asText();
    }

    private static List<List<String>> forms(JsonNode n) {
        List<List<String>> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        for (JsonNode e : n) {
            List<String> f = new ArrayList<>();
            if (e.isTextual()) {
                f.add(e.asText());
            } else {
                for (JsonNode x : e) {
                    f.add(x.asText());
                }
            }
            if (f.isEmpty()) {
                throw new IllegalArgumentException("an entity needs at least one form");
            }
            out.add(f);
        }
        return out;
    }

    private static List<String> codes(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null) {
            for (JsonNode e : n) {
                String c = e.asText();
                if (c.length() != 2) {
                    throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code, got '" + c + "'");
                }
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Reads the gold set's articles from the shared datasets folder ({@code bbc_news/bbc_news.jsonl.gz},
     * {@code reuters21578_modapte/{train,test}.jsonl.gz}); {@code file} documents are left to the caller. Reuters bodies are unwrapped: their hard line
     * breaks join into paragraphs and the closing "Reuter" sign-off is dropped.
     *
     * @throws NewsNlpException when an article is not in the data
     */
    public static Map<String, Article> readArticles(Path datasets, List<GoldDocument> gold) throws IOException {
        Set<String> wanted = new HashSet<>();
        boolean bbc = false;
        boolean reuters = false;
        for (GoldDocument d : gold) {
            if (d.source().equals("file")) {
                continue; // stored as files of their own, read by the caller
            }
            wanted.add(d.key());
            bbc |= d.source().equals("bbc");
            reuters |= d.source().equals("reuters");
        }
        Map<String, Article> out = new HashMap<>();
        if (bbc) {
            readJsonl(datasets.resolve("bbc_news/bbc_news.jsonl.gz"), "bbc", wanted, out);
        }
        if (reuters) {
            for (String split : List.of("train", "test")) {
                readJsonl(datasets.resolve("reuters21578_modapte/" + split + ".jsonl.gz"), "reuters", wanted, out);
            }
        }
        for (String k : wanted) {
            if (!out.containsKey(k)) {
                throw new NewsNlpException("gold document " + k + " is not in the datasets under " + datasets);
            }
        }
        return out;
    }

    private static void readJsonl(Path file, String source, Set<String> wanted, Map<String, Article> out)
            throws IOException {
        if (!Files.exists(file)) {
            throw new NewsNlpException("dataset file " + file + " does not exist");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode n = JSON.readTree(line);
                String key = source + ":" + n.get("id").asText();
                if (!wanted.contains(key)) {
                    continue;
                }
                String title = n.path("title").asText("");
                String text = n.path("text").asText("");
                if (source.equals("reuters")) {
                    text = unwrapReuters(text);
                }
                out.put(key, new Article(title, text));
            }
        }
    }

    /** Joins Reuters' hard-wrapped lines; an indented line starts a paragraph. */
    static String unwrapReuters(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder sb = new StringBuilder(text.length());
        for (String raw : lines) {
            String l = raw.strip();
            if (l.isEmpty()) {
                continue;
            }
            if (l.equalsIgnoreCase("reuter") || l.equalsIgnoreCase("reuter^m")) {
                continue;
            }
            boolean paragraph = raw.startsWith(" ") || raw.startsWith("\t");
            if (sb.length() > 0) {
                sb.append(paragraph ? "\n\n" : " ");
            }
            sb.append(l);
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- scoring

    /**
     * Runs a recognizer and a resolver over every gold article and scores them. The text analysed is the
     * body; the title goes to the resolver for salience only (Reuters titles are in capitals).
     *
     * @param recognizer the recognizer, or {@code null} to resolve from the lists alone
     */
    public static Result run(List<GoldDocument> gold, Map<String, Article> articles, TextSegmenter segmenter,
                             EntityRecognizer recognizer, EntityResolver resolver) {
        Map<String, List<Entity>> predicted = new HashMap<>();
        for (GoldDocument d : gold) {
            Article a = articles.get(d.key());
            if (a == null) {
                throw new IllegalArgumentException("no article for gold document " + d.key());
            }
            String body = d.source().equals("bbc") ? a.title() + "\n\n" + a.text() : a.text();
            TokenizedText t = segmenter.segment(body);
            List<Mention> mentions = recognizer == null ? List.of() : recognizer.recognize(t);
            predicted.put(d.key(), resolver.resolve(t, a.title(), mentions));
        }
        return score(gold, predicted);
    }

    /** Scores predictions (keyed by {@link GoldDocument#key()}) against the gold set. */
    public static Result score(List<GoldDocument> gold, Map<String, List<Entity>> predicted) {
        Map<EntityType, Scores> totals = new EnumMap<>(EntityType.class);
        for (EntityType t : TYPES) {
            totals.put(t, new Scores(0, 0, 0, 0));
        }
        List<DocumentErrors> errors = new ArrayList<>();
        for (GoldDocument d : gold) {
            List<Entity> p = predicted.getOrDefault(d.key(), List.of());
            for (EntityType type : TYPES) {
                List<Set<String>> g = new ArrayList<>();
                List<String> gNames = new ArrayList<>();
                if (type == EntityType.COUNTRY) {
                    for (String c : new LinkedHashSet<>(d.countries())) {
                        g.add(Set.of(c));
                        gNames.add(c);
                    }
                } else {
                    for (List<String> forms : type == EntityType.PERSON ? d.people() : d.companies()) {
                        Set<String> s = new HashSet<>();
                        for (String f : forms) {
                            s.add(normalise(f));
                        }
                        g.add(s);
                        gNames.add(forms.get(0));
                    }
                }
                List<Set<String>> pr = new ArrayList<>();
                List<String> pNames = new ArrayList<>();
                for (Entity e : p) {
                    if (e.type() != type) {
                        continue;
                    }
                    Set<String> s = new HashSet<>();
                    if (type == EntityType.COUNTRY) {
                        s.add(e.code());
                    } else {
                        s.add(normalise(e.name()));
                        for (Mention m : e.mentions()) {
                            s.add(normalise(m.text()));
                        }
                    }
                    pr.add(s);
                    pNames.add(type == EntityType.COUNTRY ? e.code() : e.name());
                }
                int correct = 0;
                List<String> spurious = new ArrayList<>();
                for (int i = 0; i < pr.size(); i++) {
                    if (matchesAny(pr.get(i), g)) {
                        correct++;
                    } else {
                        spurious.add(pNames.get(i));
                    }
                }
                int found = 0;
                List<String> missed = new ArrayList<>();
                for (int i = 0; i < g.size(); i++) {
                    if (matchesAny(g.get(i), pr)) {
                        found++;
                    } else {
                        missed.add(gNames.get(i));
                    }
                }
                totals.put(type, totals.get(type).plus(new Scores(pr.size(), correct, g.size(), found)));
                if (!spurious.isEmpty() || !missed.isEmpty()) {
                    errors.add(new DocumentErrors(d.key(), type, spurious, missed));
                }
            }
        }
        return new Result(gold.size(), totals, errors);
    }

    private static boolean matchesAny(Set<String> forms, List<Set<String>> others) {
        for (Set<String> o : others) {
            for (String f : forms) {
                if (o.contains(f)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Case-folded, dots and possessives dropped, dashes and runs of spaces made single spaces. */
    public static String normalise(String form) {
        String s = form.replace('\u2019', '\'').toLowerCase(Locale.ROOT).strip();
        if (s.endsWith("'s")) {
            s = s.substring(0, s.length() - 2);
        }
        if (s.startsWith("the ")) {
            s = s.substring(4);
        }
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' || c == '"' || c == ',') {
                continue;
            }
            if (Character.isWhitespace(c) || c == '-' || c == '\u2013') {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
