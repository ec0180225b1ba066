package org.newsnlp.extract;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads a page's metadata: meta tags (Open Graph, Twitter, Dublin Core, article:*), JSON-LD
 * {@code NewsArticle}/{@code Article} objects, {@code <time>}, {@code <html lang>} and the canonical link.
 *
 * <p>Stateless and safe to use from any thread.
 */
final class PageMetadata {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            .build();

    private static final Pattern ARTICLE_TYPE = Pattern.compile(
            "(?i)(News|Reportage|Analysis|Opinion|Review|Background|Satirical|Scholarly|Tech)?Article|BlogPosting|"
                    + "LiveBlogPosting|Report|SocialMediaPosting|DiscussionForumPosting");
    private static final Pattern URL_LIKE = Pattern.compile("(?i)^(https?:)?//.*");
    private static final Pattern DATE_PREFIX = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern TITLE_SEPARATORS = Pattern.compile("\\s+[|\\-\u2013\u2014:\u00bb\u00b7\u2022]\\s+");

    /** What JSON-LD said about the article. */
    record StructuredData(String headline, String articleBody, String author, String published, String publisher,
                          String language, String url) {
        static final StructuredData NONE = new StructuredData(null, null, null, null, null, null, null);
    }

    /** Metadata plus the JSON-LD article body, when the page has one. */
    record Read(ArticleMetadata metadata, String articleBody, String headlineCandidate) {
    }

    private PageMetadata() {
    }

    /** The elements metadata comes from, gathered in one walk over the page. */
    private static final class Scan implements NodeVisitor {
        Element html;
        Element title;
        final List<Element> h1s = new ArrayList<>();
        final List<Element> metas = new ArrayList<>();
        final List<Element> scripts = new ArrayList<>();
        Element canonical;
        Element datePublished;
        Element time;
        Element author;

        @Override
        public void head(Node node, int depth) {
            if (!(node instanceof Element e)) {
                return;
            }
            switch (e.normalName()) {
                case "html" -> html = html == null ? e : html;
                case "title" -> {
                    if (title == null && e.closest("svg") == null) {
                        title = e;
                    }
                }
                case "h1" -> h1s.add(e);
                case "meta" -> metas.add(e);
                case "script" -> {
                    if (e.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) {
                        scripts.add(e);
                    }
                }
                case "link" -> {
                    if (canonical == null && e.attr("rel").equalsIgnoreCase("canonical") && e.hasAttr("href")) {
                        canonical = e;
                    }
                }
                case "time" -> {
                    if (time == null && (e.hasAttr("datetime") || e.hasAttr("pubdate"))) {
                        time = e;
                    }
                }
                default -> { }
            }
            if (e.attributesSize() == 0) {
                return;
            }
            String itemprop = e.attr("itemprop");
            if (datePublished == null && itemprop.equalsIgnoreCase("datePublished")) {
                datePublished = e;
            }
            if (author == null && (itemprop.equalsIgnoreCase("author") || e.attr("rel").equalsIgnoreCase("author")
                    || e.hasClass("byline") || e.hasClass("author") || e.hasClass("byline-name")
                    || e.hasClass("author-name"))) {
                author = e;
            }
        }
    }

    static Read read(Document doc, String url) {
        Scan scan = new Scan();
        NodeTraversor.traverse(scan, doc);
        StructuredData ld = jsonLd(scan.scripts);
        Map<String, String> metas = metaMap(scan.metas);
        String ogTitle = meta(metas, "og:title", "twitter:title", "dc.title", "title", "sailthru.title", "parsely-title");
        String docTitle = scan.title == null ? null : clean(scan.title.text());
        if (docTitle != null && docTitle.length() > 300) {
            docTitle = null; // a broken title swallowed page text
        }
        String h1 = null;
        for (Element e : scan.h1s) {
            String t = clean(e.text());
            if (t != null && t.length() >= 8) {
                h1 = t;
                break;
            }
        }
        String title = firstNonNull(ld.headline(), ogTitle);
        if (title == null && h1 != null && docTitle != null && docTitle.contains(h1)) {
            title = h1;
        }
        if (title == null && docTitle != null) {
            title = stripSiteName(docTitle);
        }
        if (title == null) {
            title = h1;
        }
        String byline = firstNonNull(ld.author(), nonUrl(meta(metas, "author", "article:author", "dc.creator",
                "byl", "sailthru.author", "parsely-author", "twitter:creator")));
        if (byline == null) {
            Element a = scan.author;
            if (a != null) {
                Element name = a.selectFirst("[itemprop=name]");
                if (name != null) {
                    a = name;
                }
                String t = clean(a.text());
                if (t != null && t.length() <= 100) {
                    byline = t.replaceFirst("(?i)^by\\s+", "");
                }
            }
        }
        String published = isoDate(firstNonNull(ld.published(), meta(metas, "article:published_time",
                "og:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
                "publish-date", "publication_date", "date", "dc.date", "dc.date.issued", "dcterms.created",
                "sailthru.date", "parsely-pub-date", "article.published", "published-date", "release_date")));
        if (published == null) {
            Element e = scan.datePublished;
            if (e != null) {
                published = isoDate(firstNonBlank(e.attr("content"), e.attr("datetime"), e.text()));
            }
        }
        if (published == null) {
            Element t = scan.time;
            if (t != null) {
                published = isoDate(firstNonBlank(t.attr("datetime"), t.text()));
            }
        }
        String canonical = null;
        Element link = scan.canonical;
        if (link != null) {
            canonical = blankToNull(link.absUrl("href"));
            if (canonical == null) {
                canonical = blankToNull(link.attr("href"));
            }
        }
        if (canonical == null) {
            canonical = firstNonNull(meta(metas, "og:url"), ld.url());
        }
        String site = firstNonNull(meta(metas, "og:site_name", "application-name", "publisher", "dc.publisher",
                "twitter:site"), ld.publisher());
        if (site == null) {
            site = host(canonical != null ? canonical : url);
        }
        if (site != null && site.startsWith("@")) {
            site = site.substring(1);
        }
        String lang = language(scan.html, metas, ld);
        ArticleMetadata md = new ArticleMetadata(title, byline, published, site, canonical, url, lang);
        return new Read(md, ld.articleBody(), h1);
    }

    static String language(Element html, Map<String, String> metas, StructuredData ld) {
        String lang = html == null ? "" : firstNonBlank(html.attr("lang"), html.attr("xml:lang"));
        if (lang.isBlank()) {
            String m = metas.get("http-equiv:content-language");
            if (m != null) {
                lang = m;
            }
        }
        if (lang.isBlank()) {
            String v = meta(metas, "language", "dc.language", "content-language", "og:locale");
            lang = v == null ? "" : v;
        }
        if (lang.isBlank() && ld.language() != null) {
            lang = ld.language();
        }
        return isoLanguage(lang);
    }

    private static final Map<String, String> ISO3 = new HashMap<>();
    private static final Map<String, String> NAMES = new HashMap<>();

    static {
        for (String two : Locale.getISOLanguages()) {
            Locale l = Locale.forLanguageTag(two);
            try {
                ISO3.putIfAbsent(l.getISO3Language(), l.getLanguage());
            } catch (MissingResourceException ignored) {
                // no three-letter code for this language
            }
            NAMES.putIfAbsent(l.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT), l.getLanguage());
        }
    }

    /** {@code "en-US"}, {@code "en_GB"}, {@code "eng"}, {@code "English"} → {@code "en"}; null when unknown. */
    static String isoLanguage(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        int comma = s.indexOf(',');
        if (comma > 0) {
            s = s.substring(0, comma).strip();
        }
        String primary = s.split("[-_\\s]", 2)[0].toLowerCase(Locale.ROOT);
        if (primary.length() == 2 && primary.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return legacy(primary);
        }
        if (primary.length() == 3 && primary.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return legacy(ISO3.getOrDefault(primary, primary));
        }
        String byName = NAMES.get(primary);
        return byName == null ? null : legacy(byName);
    }

    private static String legacy(String code) {
        return switch (code) {
            case "iw" -> "he";
            case "in" -> "id";
            case "ji" -> "yi";
            default -> code;
        };
    }

    /** Every meta tag's content by its lower-cased property, name or itemprop (the first tag wins), in one walk. */
    private static Map<String, String> metaMap(List<Element> metas) {
        Map<String, String> m = new HashMap<>();
        for (Element e : metas) {
            String v = clean(e.attr("content"));
            if (v == null) {
                continue;
            }
            for (String attr : new String[] {"property", "name", "itemprop"}) {
                String key = e.attr(attr);
                if (!key.isEmpty()) {
                    m.putIfAbsent(key.toLowerCase(Locale.ROOT), v);
                }
            }
            String equiv = e.attr("http-equiv");
            if (!equiv.isEmpty()) {
                m.putIfAbsent("http-equiv:" + equiv.toLowerCase(Locale.ROOT), v);
            }
        }
        return m;
    }

    private static String meta(Map<String, String> metas, String... names) {
        for (String n : names) {
            String v = metas.get(n);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    static StructuredData jsonLd(List<Element> scripts) {
        StructuredData best = StructuredData.NONE;
        int bestRank = Integer.MAX_VALUE;
        for (Element s : scripts) {
            JsonNode root;
            try {
                root = JSON.readTree(s.data());
            } catch (Exception e) {
                continue;
            }
            if (root == null) {
                continue;
            }
            Deque<JsonNode> todo = new ArrayDeque<>();
            todo.push(root);
            int visited = 0;
            while (!todo.isEmpty() && visited++ < 10_000) {
                JsonNode n = todo.pop();
                if (n.isArray()) {
                    for (JsonNode c : n) {
                        todo.add(c);
                    }
                    continue;
                }
                if (!n.isObject()) {
                    continue;
                }
                JsonNode graph = n.get("@graph");
                if (graph != null) {
                    todo.add(graph);
                }
                JsonNode main = n.get("mainEntity");
                if (main != null && main.isObject()) {
                    todo.add(main);
                }
                int rank = typeRank(n.get("@type"));
                if (rank < bestRank) {
                    bestRank = rank;
                    best = new StructuredData(str(n.get("headline")), body(n.get("articleBody")), names(n.get("author")),
                            str(n.get("datePublished")), names(n.get("publisher")), str(n.get("inLanguage")),
                            str(n.get("url")));
                }
            }
        }
        return best;
    }

    private static int typeRank(JsonNode type) {
        if (type == null) {
            return Integer.MAX_VALUE;
        }
        List<String> types = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else {
            types.add(type.asText());
        }
        int rank = Integer.MAX_VALUE;
        for (String t : types) {
            if (t.endsWith("NewsArticle")) {
                rank = Math.min(rank, 0);
            } else if (ARTICLE_TYPE.matcher(t).matches()) {
                rank = Math.min(rank, 1);
            }
        }
        return rank;
    }

    private static String str(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isArray()) {
            return n.size() == 0 ? null : str(n.get(0));
        }
        if (n.isObject()) {
            return str(n.get("@value"));
        }
        return clean(org.jsoup.parser.Parser.unescapeEntities(n.asText(), false));
    }

    /** The article body with its line breaks; markup inside it (some sites put HTML there) becomes lines. */
    private static String body(JsonNode n) {
        if (n == null || !n.isTextual()) {
            return null;
        }
        String raw = n.asText();
        if (raw.indexOf('<') >= 0) {
            raw = org.jsoup.Jsoup.parse(raw.replaceAll("(?i)<br\\s*/?>|</p\\s*>|</h[1-6]\\s*>|</li\\s*>", "\n"))
                    .wholeText();
        } else {
            raw = org.jsoup.parser.Parser.unescapeEntities(raw, false);
        }
        return raw.isBlank() ? null : raw.strip();
    }

    private static String names(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        Iterator<JsonNode> it = n.isArray() ? n.elements() : List.of(n).iterator();
        while (it.hasNext()) {
            JsonNode a = it.next();
            String v = a.isObject() ? str(a.get("name")) : str(a);
            v = nonUrl(v);
            if (v != null && !out.contains(v)) {
                out.add(v);
            }
        }
        return out.isEmpty() ? null : String.join(", ", out);
    }

    /** ISO-8601 form of a date as pages write it; null when it is not a date. */
    static String isoDate(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        String fixed = s.replaceFirst(" ", "T").replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2").replaceFirst("Z$", "+00:00");
        try {
            return OffsetDateTime.parse(fixed).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(fixed).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        Matcher m = DATE_PREFIX.matcher(s);
        if (m.find()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))).toString();
            } catch (RuntimeException ignored) {
                return null;
            }
        }
        return null;
    }

    static String stripSiteName(String title) {
        Matcher m = TITLE_SEPARATORS.matcher(title);
        List<int[]> cuts = new ArrayList<>();
        while (m.find()) {
            cuts.add(new int[] {m.start(), m.end()});
        }
        if (cuts.isEmpty()) {
            return title;
        }
        // keep the longest part: the headline is usually longer than the site name and section
        String best = null;
        int prev = 0;
        for (int i = 0; i <= cuts.size(); i++) {
            int end = i < cuts.size() ? cuts.get(i)[0] : title.length();
            String part = title.substring(prev, end).strip();
            if (best == null || part.length() > best.length()) {
                best = part;
            }
            if (i < cuts.size()) {
                prev = cuts.get(i)[1];
            }
        }
        return best != null && HtmlContent.countWords(best) >= 3 ? best : title;
    }

    private static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            String h = URI.create(url.strip()).getHost();
            if (h == null) {
                return null;
            }
            return h.startsWith("www.") ? h.substring(4) : h;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String nonUrl(String s) {
        return s == null || URL_LIKE.matcher(s).matches() ? null : s;
    }

    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
        return t.isEmpty() ? null : t;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }
}
