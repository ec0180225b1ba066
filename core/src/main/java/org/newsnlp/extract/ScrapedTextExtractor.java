package org.newsnlp.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Separates the lead article in text scraped from a news page (no markup) from what surrounds it.
 *
 * <p>The text is read line by line and cut into sections at marker lines: "Related Articles", "Read more",
 * "More from ..." and similar start a teaser list; "Comments", "Leave a reply" start a comment box; "Download
 * the app", "Try our ..." start an app promotion. The article is the prose before the first such marker:
 * its headline is the short line above the first paragraph (repeated copies dropped), one-word chrome
 * ("logo", "menu") and trailing widget labels go, and lines a scraper broke mid-sentence are joined.
 * Teasers become {@link RelatedItem}s: each ends at its summary paragraph; lines that recur in several
 * teasers (the source name), bullet lines and time stamps ("3 hours ago") are the teaser's metadata.
 *
 * <p>Stateless and safe to use from any thread.
 */
final class ScrapedTextExtractor {

    private static final Pattern RELATED_MARKER = Pattern.compile("(?iu)^(related( articles?| stories| posts| news"
            + "| content| coverage| reading| links| topics)?|read (more|next|also)( on .{1,40})?|more (from|on|in|about)"
            + " .{1,50}|more (stories|news|articles|headlines)|you (may|might|could) (also )?(like|enjoy|be interested in)"
            + "|recommended( for you| stories| articles| reading)?|also read|see also|further reading"
            + "|most (popular|read|viewed|shared|commented)|trending( now| stories| news)?|top stories|latest (news|stories)"
            + "|editor'?s picks|what to read next|keep reading|popular (now|stories)|other stories|up next"
            + "|lesen sie auch|mehr zum thema|(à|a) lire aussi|lire aussi|leer m[aá]s|noticias relacionadas"
            + "|leggi anche|relacionad[ao]s)\\s*[:.\u2026]*$");
    private static final Pattern COMMENT_MARKER = Pattern.compile("(?iu)^((reader |user )?comments?( \\(\\d+\\))?|\\d+ comments?"
            + "|leave a (comment|reply)|join the (conversation|discussion)|add (a |your )?comment|post a comment"
            + "|show comments|view comments|(start the )?discussion|kommentare|commentaires|comentarios)\\s*[:.\u2026]*$");
    private static final Pattern PROMO_MARKER = Pattern.compile("(?iu)^(download (the|our) (\\w+ )?app|get the (\\w+ )?app"
            + "|try (our|the) .{1,40}|install (the|our) (\\w+ )?app|get (the )?(\\w+ )?app|(get started|start now)\\b.*"
            + "|sign up (for|to) (our|the) .{0,30}newsletter.*|subscribe (to|for) .{0,40}|newsletter( sign-?up)?"
            + "|get (our|the) newsletter.*)\\s*[:.!\u2026]*$");
    private static final Pattern PROMO_LINE = Pattern.compile("(?iu).*(\\bdownload\\b.{0,40}\\bapp\\b|\\bapp ?store\\b"
            + "|\\bgoogle play\\b|\\bplay ?store\\b|app-store|play-store|\\bget the app\\b).*");
    private static final Pattern DROP_LINE = Pattern.compile("(?iu)^(advertisement|advertising|sponsored( content)?|ad"
            + "|logo|menu|search|home|share|share this( article| story)?|print|e-?mail|tweet|facebook|twitter|whatsapp"
            + "|close|skip to (main )?content|back to top|no comments( yet)?\\.*|be the first to comment\\.*"
            + "|loading\\.*|(\\w+ )?background|image|photo|video|listen( to this article)?|\\d+ min(ute)?s? read"
            + "|follow us.*|sign in|log ?in|register|subscribe|menu toggle|toggle navigation)\\s*[:.!\u2026]*$");
    private static final Pattern TIME_LINE = Pattern.compile("(?iu)^(time|updated|published|posted)?\\s*:?\\s*("
            + "(\\d+|an?|one)\\s*(second|sec|minute|min|hour|hr|day|week|month|year)s?\\s+ago|just now|yesterday|today"
            + "|\\d{1,2}:\\d{2}(\\s*[ap]\\.?m\\.?)?.*|\\d{4}-\\d{2}-\\d{2}.*"
            + "|(\\d{1,2}\\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}(,\\s*\\d{4})?.*"
            + "|\\d{1,2}\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{4}.*)$");
    private static final Pattern BYLINE = Pattern.compile("(?u)^(by|By|BY|von|Von|par|Par|por|Por|di|Di|door|Door)\\s+\\p{Lu}.*"
            + "|(?iu)^(posted|written|reported|updated|published)\\b.*");
    private static final Pattern BULLET = Pattern.compile("^[\u2022\u00b7\u25cf\u25aa\u2023\u2043*\\-\u2013]\\s*");

    private enum Section { ARTICLE, RELATED, COMMENTS, PROMO }

    ExtractedArticle extract(String text) {
        List<String> lines = new ArrayList<>();
        for (String raw : text.split("\\R", -1)) {
            lines.add(raw.replace('\u00a0', ' ').replaceAll("[ \\t\\x0B\\f]+", " ").strip());
        }
        int firstProse = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (isProse(l) || (startsBrokenSentence(lines, i) && isProse(l + " " + lines.get(i + 1)))) {
                if (!isMarker(l) && !PROMO_LINE.matcher(l).matches()) {
                    firstProse = i;
                    break;
                }
            }
        }
        List<String> notes = new ArrayList<>();
        if (firstProse < 0) {
            notes.add("no article text found in the scraped text");
            String title = firstTitleLike(lines, lines.size());
            return new ExtractedArticle("", ArticleMetadata.empty().withTitle(title), List.of(), notes);
        }
        String title = firstTitleLike(lines, firstProse);
        // cut the rest of the page into sections
        List<String> article = new ArrayList<>();
        List<List<String>> relatedSections = new ArrayList<>();
        List<String> related = null;
        Section section = Section.ARTICLE;
        for (int i = firstProse; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isEmpty()) {
                if (section == Section.ARTICLE) {
                    article.add(l);
                } else if (section == Section.RELATED) {
                    related.add(l);
                }
                continue;
            }
            String bare = BULLET.matcher(l).replaceFirst("");
            if (RELATED_MARKER.matcher(bare).matches()) {
                section = Section.RELATED;
                related = new ArrayList<>();
                relatedSections.add(related);
                continue;
            }
            if (COMMENT_MARKER.matcher(bare).matches()) {
                section = Section.COMMENTS;
                continue;
            }
            if (PROMO_MARKER.matcher(bare).matches()) {
                section = Section.PROMO;
                continue;
            }
            if (section == Section.PROMO && countWords(l) >= 25 && !PROMO_LINE.matcher(l).matches() && article.size() > 0
                    && relatedSections.isEmpty()) {
                section = Section.ARTICLE; // the promotion box was inside the article
            }
            switch (section) {
                case ARTICLE -> article.add(l);
                case RELATED -> related.add(l);
                default -> { }
            }
        }
        List<String> paragraphs = articleParagraphs(article, title);
        List<RelatedItem> items = new ArrayList<>();
        for (List<String> r : relatedSections) {
            items.addAll(teasers(r));
        }
        if (paragraphs.isEmpty()) {
            notes.add("no article text found in the scraped text");
        }
        return new ExtractedArticle(String.join("\n\n", paragraphs), ArticleMetadata.empty().withTitle(title),
                items, notes);
    }

    private static boolean isMarker(String l) {
        String bare = BULLET.matcher(l).replaceFirst("");
        return RELATED_MARKER.matcher(bare).matches() || COMMENT_MARKER.matcher(bare).matches()
                || PROMO_MARKER.matcher(bare).matches();
    }

    /** The headline: the last title-like line above the first paragraph (its copies are the same line). */
    private static String firstTitleLike(List<String> lines, int end) {
        String best = null;
        for (int i = 0; i < end; i++) {
            String l = lines.get(i);
            if (isTitleLike(l)) {
                best = l;
            }
        }
        return best;
    }

    private static boolean isTitleLike(String l) {
        int w = countWords(l);
        return w >= 3 && w <= 30 && !DROP_LINE.matcher(l).matches() && !BYLINE.matcher(l).matches() && !isMarker(l) && !TIME_LINE.matcher(l).matches()
                && !PROMO_LINE.matcher(l).matches() && !l.endsWith(":");
    }

    /** Joins broken lines, drops chrome, the headline's copies and the widget labels after the last paragraph. */
    private static List<String> articleParagraphs(List<String> article, String title) {
        List<String> joined = new ArrayList<>();
        StringBuilder cur = null;
        for (int i = 0; i < article.size(); i++) {
            String l = article.get(i);
            if (l.isEmpty()) {
                if (cur != null) {
                    joined.add(cur.toString());
                    cur = null;
                }
                continue;
            }
            if (DROP_LINE.matcher(l).matches() || (PROMO_LINE.matcher(l).matches() && countWords(l) <= 30)
                    || l.equals(title)) {
                if (cur != null) {
                    joined.add(cur.toString());
                    cur = null;
                }
                continue;
            }
            if (cur != null && continues(cur, l)) {
                cur.append(' ').append(l);
            } else {
                if (cur != null) {
                    joined.add(cur.toString());
                }
                cur = new StringBuilder(l);
            }
        }
        if (cur != null) {
            joined.add(cur.toString());
        }
        int last = -1;
        for (int i = 0; i < joined.size(); i++) {
            if (isProse(joined.get(i))) {
                last = i;
            }
        }
        List<String> out = new ArrayList<>();
        String prev = null;
        for (int i = 0; i <= last; i++) {
            String p = joined.get(i);
            if (!p.equals(prev)) {
                out.add(p);
            }
            prev = p;
        }
        return out;
    }

    /** A scraper broke this line mid-sentence: the next line carries on. */
    private static boolean continues(CharSequence prev, String next) {
        if (prev.length() == 0) {
            return false;
        }
        char last = prev.charAt(prev.length() - 1);
        if (".!?\u2026\"\u201d'\u2019)\u3002".indexOf(last) >= 0) {
            return false;
        }
        char first = next.charAt(0);
        if (Character.isLowerCase(first)) {
            return true;
        }
        if (last == ',' || last == ';' || last == '-' || last == '\u2013' || last == '(') {
            return true;
        }
        if (countWords(prev) < 4) {
            return false;
        }
        // a lower-case last word ("... behind the US in") cannot end a sentence or a caption
        return Character.isLowerCase(last) && lastWordLower(prev);
    }

    private static boolean lastWordLower(CharSequence s) {
        int i = s.length() - 1;
        while (i >= 0 && !Character.isWhitespace(s.charAt(i))) {
            i--;
        }
        return i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1));
    }

    private static boolean startsBrokenSentence(List<String> lines, int i) {
        return i + 1 < lines.size() && !lines.get(i).isEmpty() && !lines.get(i + 1).isEmpty()
                && countWords(lines.get(i)) >= 4 && continues(lines.get(i), lines.get(i + 1));
    }

    private static boolean isProse(String l) {
        int w = countWords(l);
        if (w >= 30) {
            return true;
        }
        if (w < 6 || l.isEmpty()) {
            return false;
        }
        char last = l.charAt(l.length() - 1);
        return ".!?\u2026\"\u201d'\u2019\u3002".indexOf(last) >= 0;
    }

    /** Teasers in a related-articles section: each ends at its summary; recurring lines are metadata. */
    private static List<RelatedItem> teasers(List<String> lines) {
        List<List<String>> segments = new ArrayList<>();
        List<String> seg = new ArrayList<>();
        List<String> summaries = new ArrayList<>();
        for (String l : lines) {
            if (l.isEmpty()) {
                continue;
            }
            if (PROMO_LINE.matcher(l).matches() || DROP_LINE.matcher(l).matches()) {
                continue;
            }
            if (countWords(l) >= 20 && isProse(l)) {
                segments.add(seg);
                summaries.add(l);
                seg = new ArrayList<>();
            } else {
                seg.add(l);
            }
        }
        // lines recurring in several teasers (the source's name) and bullet lines are metadata
        Map<String, Integer> inSegments = new HashMap<>();
        List<String> bulletTexts = new ArrayList<>();
        List<List<String>> all = new ArrayList<>(segments);
        all.add(seg);
        for (List<String> s : all) {
            for (String l : new java.util.HashSet<>(s)) {
                inSegments.merge(l, 1, Integer::sum);
            }
            for (String l : s) {
                if (BULLET.matcher(l).lookingAt()) {
                    bulletTexts.add(BULLET.matcher(l).replaceFirst(""));
                }
            }
        }
        List<RelatedItem> out = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            List<String> candidates = new ArrayList<>();
            for (String l : all.get(k)) {
                boolean meta = BULLET.matcher(l).lookingAt() || bulletTexts.contains(l) || TIME_LINE.matcher(l).matches()
                        || (inSegments.getOrDefault(l, 0) > 1 && all.size() > 2) || countWords(l) < 2;
                if (!meta && !candidates.contains(l)) {
                    candidates.add(l);
                }
            }
            if (k < segments.size()) {
                String summary = summaries.get(k);
                String t = mostRepeated(all.get(k), candidates);
                if (t != null) {
                    out.add(new RelatedItem(t, summary, null));
                } else if (!out.isEmpty()) {
                    // a second summary paragraph of the same teaser
                    RelatedItem prev = out.remove(out.size() - 1);
                    out.add(new RelatedItem(prev.title(), prev.summary() + "\n\n" + summary, null));
                }
            } else {
                // headlines without summaries: a plain list, bullets included
                List<String> seen = new ArrayList<>();
                for (String l : all.get(k)) {
                    String bare = BULLET.matcher(l).replaceFirst("");
                    boolean elsewhere = k > 0 && inSegments.getOrDefault(l, 0) > 1;
                    if (!elsewhere && !bulletSource(bare, segments) && isTitleLike(bare) && !seen.contains(bare)) {
                        seen.add(bare);
                        out.add(new RelatedItem(bare, "", null));
                    }
                }
            }
        }
        return out;
    }

    /** A bullet line that names the source of the teasers above ("• South China Morning Post"). */
    private static boolean bulletSource(String bare, List<List<String>> segments) {
        for (List<String> s : segments) {
            if (s.contains(bare)) {
                return true;
            }
        }
        return false;
    }

    private static String mostRepeated(List<String> segment, List<String> candidates) {
        if (candidates.isEmpty()) {
            return null;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String c : candidates) {
            counts.put(c, 0);
        }
        for (String l : segment) {
            counts.computeIfPresent(l, (k, v) -> v + 1);
        }
        String best = null;
        int bestCount = -1;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    static int countWords(CharSequence s) {
        return HtmlContent.countWords(s);
    }
}
