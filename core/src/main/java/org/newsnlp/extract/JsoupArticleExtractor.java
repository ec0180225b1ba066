package org.newsnlp.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The article extractor built on jsoup. For HTML it scores the page's text blocks by length, link density
 * and the class/id names around them (comment, share, related, promo, footer, navigation, sidebar, ads,
 * cookie and newsletter boxes count against a block), picks the container that holds the article, keeps
 * its paragraphs, headings, lists and quotes, and reads the metadata from meta tags, Open Graph, JSON-LD
 * and {@code <time>}. A JSON-LD {@code articleBody} is used as a second opinion, never relied on. For
 * scraped text it separates the lead article from page chrome, comment boxes, app promotions and
 * related-article teasers, which it returns apart from the text.
 *
 * <pre>{@code
 * ArticleExtractor x = new JsoupArticleExtractor();
 * ExtractedArticle a = x.fromHtml(html, "https://example.com/story");
 * a.text();                   // paragraphs separated by blank lines
 * a.metadata().published();   // "2024-05-01T09:30:00+02:00"
 * }</pre>
 *
 * <p>Malformed markup, empty pages, very large pages and deeply nested markup never throw: every walk is
 * iterative, and a page without an article gives empty text and a note. Instances are immutable and safe
 * to share between threads.
 */
public final class JsoupArticleExtractor implements ArticleExtractor {

    /** Pages longer than this many characters are cut before parsing (and the result says so). */
    public static final int MAX_HTML_CHARS = 16 * 1024 * 1024;

    private static final int PARSER_MAX_DEPTH = 512;
    private static final int UNCLOSED_TITLE_CHARS = 2000;

    private final ScrapedTextExtractor scraped = new ScrapedTextExtractor();

    /** An extractor with the default settings. */
    public JsoupArticleExtractor() {
    }

    @Override
    public ExtractedArticle fromHtml(String html, String url) {
        List<String> notes = new ArrayList<>();
        String h = html == null ? "" : html;
        if (h.length() > MAX_HTML_CHARS) {
            h = h.substring(0, MAX_HTML_CHARS);
            notes.add("page longer than " + MAX_HTML_CHARS + " characters: only its start was read");
        }
        if (h.isBlank()) {
            notes.add("empty page: no article text found");
            return new ExtractedArticle("", new ArticleMetadata(null, null, null, null, null, url, null),
                    List.of(), notes);
        }
        Document doc = parse(h, url);
        Element titleEl = doc.head() == null ? null : doc.head().selectFirst("title");
        if (titleEl != null && titleEl.text().length() > UNCLOSED_TITLE_CHARS) {
            String repaired = closeTitle(h);
            if (repaired != null) {
                doc = parse(repaired, url);
                notes.add("the page's <title> was not closed: closed it before the next tag");
            }
        }
        PageMetadata.Read read = PageMetadata.read(doc, url);
        ArticleMetadata md = read.metadata();
        Element body = doc.body();
        HtmlContent.Result r = HtmlContent.extract(body);
        List<String> paragraphs = new ArrayList<>(r.kept().size());
        for (HtmlContent.Block b : r.kept()) {
            paragraphs.add(b.text);
        }
        paragraphs = StructuredBody.reconcile(paragraphs, r.all(), read.articleBody(), notes);
        md = md.withTitle(pageHeadline(r, md.title(), titleEl == null ? null : doc.title()));
        paragraphs = withoutHeadline(paragraphs, md.title());
        String text = String.join("\n\n", paragraphs);
        if (text.isEmpty()) {
            notes.add("no article text found");
        }
        return new ExtractedArticle(text, md, List.of(), notes);
    }

    private static Document parse(String html, String url) {
        Parser parser = Parser.htmlParser();
        parser.setMaxDepth(PARSER_MAX_DEPTH);
        return Jsoup.parse(html, url == null ? "" : url, parser);
    }

    /** The source with {@code </title>} inserted before the first tag after an unclosed {@code <title>}. */
    static String closeTitle(String html) {
        String lower = html.substring(0, Math.min(html.length(), 200_000)).toLowerCase(Locale.ROOT);
        int open = lower.indexOf("<title");
        if (open < 0) {
            return null;
        }
        int gt = lower.indexOf('>', open);
        if (gt < 0) {
            return null;
        }
        int next = lower.indexOf('<', gt + 1);
        if (next < 0 || isTitleEndTag(lower, next)) {
            return null;
        }
        return html.substring(0, next) + "</title>" + html.substring(next);
    }

    /** A real {@code </title>} end tag at {@code at}; a mangled one ({@code </titlevalue="true" -->}) is not. */
    private static boolean isTitleEndTag(String lower, int at) {
        int end = at + "</title".length();
        if (!lower.startsWith("</title", at)) {
            return false;
        }
        if (end >= lower.length()) {
            return true;
        }
        char c = lower.charAt(end);
        return c == '>' || c == '/' || Character.isWhitespace(c);
    }

    /**
     * The headline as the page shows it above the article: the short block before the text that shares the most
     * words with the declared titles ({@code <title>}, Open Graph, JSON-LD), a heading preferred; the nearest
     * large heading (h1 or h2 before h3) when no title is declared; otherwise the declared title.
     */
    static String pageHeadline(HtmlContent.Result r, String declared, String docTitle) {
        List<HtmlContent.Block> all = r.all();
        if (all.isEmpty()) {
            return declared;
        }
        java.util.Set<String> ref = new java.util.HashSet<>(titleWords(declared));
        if (docTitle != null && docTitle.length() <= 300) {
            ref.addAll(titleWords(docTitle));
        }
        int start = r.kept().isEmpty() ? all.size() : r.kept().get(0).index;
        int end = Math.min(all.size(), start + 3);
        HtmlContent.Block best = null;
        double bestScore = 0;
        for (int i = Math.max(0, start - 60); i < end; i++) {
            HtmlContent.Block b = all.get(i);
            if (b.words < 2 || b.words > 35 || b.linkDensity() > 0.5) {
                continue;
            }
            List<String> words = titleWords(b.text);
            if (words.isEmpty()) {
                continue;
            }
            int shared = 0;
            for (String w : words) {
                if (ref.contains(w)) {
                    shared++;
                }
            }
            double cover = (double) shared / words.size();
            double score;
            if (!ref.isEmpty()) {
                if (cover < 0.7 || shared < Math.min(3, words.size())) {
                    continue;
                }
                score = shared * cover + (b.heading == 1 ? 2 : b.heading > 0 ? 1 : 0);
            } else {
                if (b.heading == 0 || b.heading > 3 || b.words < 3) {
                    continue;
                }
                score = b.heading == 3 ? 0.5 : 1;
            }
            score += i < start ? 0.01 * (i - start + 60) : 0;
            if (score > bestScore) {
                bestScore = score;
                best = b;
            }
        }
        if (best != null) {
            return best.text;
        }
        // no block matches a declared title that looks like a site name: the nearest heading above the text
        if (declared != null && titleWords(declared).size() > 4) {
            return declared;
        }
        for (int i = start - 1; i >= Math.max(0, start - 15); i--) {
            HtmlContent.Block b = all.get(i);
            if (b.heading >= 1 && b.heading <= 2 && b.words >= 3 && b.words <= 25 && b.linkDensity() <= 0.5) {
                return b.text;
            }
        }
        return declared;
    }

    private static List<String> titleWords(String s) {
        List<String> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        StringBuilder w = new StringBuilder();
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                w.append(Character.toLowerCase(c));
            } else if (w.length() > 0) {
                out.add(w.toString());
                w.setLength(0);
            }
        }
        return out;
    }

    /** The headline lives in the metadata: a copy at the top of the text goes. */
    private static List<String> withoutHeadline(List<String> paragraphs, String title) {
        if (paragraphs.isEmpty() || title == null) {
            return paragraphs;
        }
        String t = StructuredBody.normalise(title);
        for (int i = 0; i < Math.min(3, paragraphs.size()); i++) {
            if (StructuredBody.normalise(paragraphs.get(i)).equals(t)) {
                List<String> out = new ArrayList<>(paragraphs);
                out.remove(i);
                return out;
            }
        }
        return paragraphs;
    }

    @Override
    public ExtractedArticle fromText(String text) {
        return scraped.extract(text == null ? "" : text);
    }
}
