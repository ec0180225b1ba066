package org.newsnlp.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Finds the main text of a parsed page. One iterative walk cuts the page into text blocks (runs of text
 * not broken by a block-level tag) with their length, link density and the class/id signals of the
 * elements around them; a readability-like score picks the container holding the article, its siblings
 * join when they look like article text, and a block-level pass drops link lists, chrome and boilerplate
 * inside it, ends the article where reader comments or a list of other stories start, and drops widgets cut
 * off from the article at its edges.
 *
 * <p>Stateless and safe to use from any thread; each call keeps its state in locals.
 */
final class HtmlContent {

    private HtmlContent() {
    }

    /** A run of text between block boundaries. */
    static final class Block {
        final String text;
        final int chars;
        final int linkChars;
        final int words;
        final Frame container;
        final Frame negative;
        final int heading;
        final boolean listItem;
        final boolean quote;
        final String tag;
        final int index;

        Block(String text, int linkChars, Frame container, Frame negative, int heading, boolean listItem,
              boolean quote, int index) {
            this.text = text;
            this.chars = weightedLength(text);
            this.linkChars = Math.min(linkChars, chars);
            this.words = countWords(text);
            this.container = container;
            this.negative = negative;
            this.heading = heading;
            this.listItem = listItem;
            this.quote = quote;
            this.tag = container == null ? "" : container.tag;
            this.index = index;
        }

        double linkDensity() {
            return chars == 0 ? 0 : (double) linkChars / chars;
        }

        boolean endsSentence() {
            char c = text.charAt(text.length() - 1);
            return c == '.' || c == '!' || c == '?' || c == '"' || c == '\u201d' || c == ')' || c == ':'
                    || c == '\u3002' || c == '\'' || c == '\u2019' || c == '\u00bb';
        }
    }

    /** Per-element aggregates, filled during the walk. */
    static final class Frame {
        final Element element;
        final Frame parent;
        final Frame negativeParent;
        final String tag;
        final boolean block;
        final int depth;
        final double classWeight;
        final boolean negative;
        boolean hardNegative;
        int firstBlock;
        int endBlock;
        int chars;
        int linkChars;
        int paragraphs;
        int ownGoodParagraphs;
        double score;

        Frame(Element element, Frame parent, Frame negativeParent, boolean block, double classWeight, boolean negative) {
            this.element = element;
            this.parent = parent;
            this.negativeParent = negativeParent;
            this.tag = element.normalName();
            this.block = block;
            this.depth = parent == null ? 0 : parent.depth + 1;
            this.classWeight = classWeight;
            this.negative = negative;
        }

        double linkDensity() {
            return chars == 0 ? 0 : (double) linkChars / chars;
        }
    }

    /** The result of one page. */
    record Result(List<Block> kept, List<Block> all) {
    }

    private static final Set<String> SKIP = Set.of("script", "style", "noscript", "template", "svg", "math",
            "iframe", "object", "embed", "canvas", "video", "audio", "select", "option", "button", "input",
            "textarea", "head", "map", "applet", "link", "meta", "frameset", "frame", "dialog", "datalist");
    private static final Set<String> INLINE = Set.of("a", "span", "b", "i", "em", "strong", "font", "small",
            "big", "u", "sup", "sub", "abbr", "acronym", "cite", "time", "label", "q", "code", "mark", "s",
            "strike", "ins", "del", "img", "wbr", "nobr", "tt", "var", "kbd", "samp", "bdi", "bdo", "dfn",
            "data", "picture", "source", "blink");
    private static final Set<String> STRUCTURAL_NEGATIVE = Set.of("nav", "aside", "footer", "menu");

    /** Stems in class/id names that mark page chrome even beside "article" or "content" ("comment-body"). */
    private static final String[] STRONG_NEGATIVE = {
            "comment", "disqus", "share", "sharing", "social", "related", "recommend", "promo", "sponsor",
            "outbrain", "taboola", "footer", "sidebar", "breadcrumb", "newsletter", "subscri", "cookie", "consent",
            "gdpr", "popup", "advert", "adsense", "skyscraper", "mostpopular", "mostread", "trending",
            "pagination", "pager", "tagcloud", "taglist", "shoutbox", "morestories", "readmore", "alsoread",
            "readnext", "upnext", "authorbio", "facebook", "twitter", "linkedin", "followus", "signup",
            "newsticker", "bylineshare", "paginat", "relatedposts", "authorbox", "aboutauthor", "abouttheauthor"};
    /** Whole words in class/id names that mark chrome unless an "article"-like word is beside them. */
    private static final Set<String> WEAK_NEGATIVE = Set.of("nav", "navbar", "navigation", "menu", "menus", "ad", "ads",
            "adv", "dfp", "banner", "masthead", "tools", "tool", "toolbar", "utility", "utilities", "rss", "print",
            "reply", "replies", "login", "tags", "tag", "topics", "widget", "widgets", "teaser", "teasers", "promo",
            "rating", "vote", "poll", "community", "remark", "offscreen", "sr", "extra", "aside", "modal",
            "header", "meta", "popular", "links", "combx", "jump", "skip", "search", "logo",
            "brand", "caption", "credit", "copyright", "legal", "disclaimer", "nocontent", "noprint", "cta",
            "recirc", "outbrain", "feedback", "email", "sharebar", "gallery", "facebook", "twitter", "linkedin",
            "pinterest", "whatsapp", "ticker");
    /** Whole words in class/id names that mark the article's container. */
    private static final Set<String> POSITIVE_WORDS = Set.of("article", "articles", "body", "content", "contents",
            "entry", "hentry", "main", "post", "text", "blog", "story", "stories", "permalink", "page", "column",
            "news", "detail", "details", "prose", "copy", "articlebody", "storybody", "articletext", "storytext",
            "postbody", "entrytext", "newstext", "bodytext", "maincontent", "inner", "single");
    /** Class/id names that clearly name the article body. */
    private static final String[] STRONG_POSITIVE = {
            "articlebody", "storybody", "entrycontent", "postcontent", "postbody", "articlecontent", "articletext",
            "storytext", "newstext", "maincontent", "bodytext", "storycontent", "textcontent", "contentbody"};

    private static final Pattern BOILERPLATE_LINE = Pattern.compile(
            "(?i)^(advertisement|advertising|anzeige|publicidad|publicit[ée]|pubblicit[àa]|sponsored|"
                    + "share( this( article| story)?)?( on)?|share this:?|print( this( article| story| page)?)?|"
                    + "e-?mail( this( article| story| page)?)?|tweet|facebook|twitter|linkedin|whatsapp|pinterest|"
                    + "reddit|comments?|\\d+ comments?|no comments( yet)?\\.*|leave a (comment|reply)|"
                    + "read more|read more:?|see more|more:?|related( articles| stories| content| news)?:?|"
                    + "tags?:|topics?:|filed under:?|click here.*|back to top|top of page|skip to .*|"
                    + "continue reading.*|story continues below.*|article continues below.*|"
                    + "image|photo|video|watch|listen|close|menu|search|home|next|previous|prev|"
                    + "font size:?|text size:?|[a-]\\s*[a+]|enlarge this image|view gallery|"
                    + "recommended( for you)?|most (read|popular|viewed|shared|emailed)|trending( now)?|"
                    + "sign up|subscribe( now)?|log ?in|sign in|register|loading\\.*|please wait\\.*|"
                    + "all rights reserved\\.?|copyright.*|\\u00a9.*|\\(c\\) .*|privacy policy|terms of (use|service)|"
                    + "cookie (policy|settings)|accept( all)?( cookies)?|advertisement - continue reading below)$");

    /** Calls to action that open a line of chrome inside an article ("Read more: ...", "Sign up for ..."). */
    private static final Pattern CHROME_PREFIX = Pattern.compile(
            "(?iu)^(read more|read also|also read|related|related article|related story|see also|more on this"
                    + "|recommended|watch|listen|sign up|subscribe|click here|follow us|follow (him|her|them) on"
                    + "|join our|download (the|our)|get (the|our) (free )?(app|newsletter)|share this"
                    + "|lesen sie auch|mehr zum thema|lire aussi|à lire aussi|leer más|lee también|leggi anche"
                    + "|leia também|czytaj też|читайте также)\\b\\s*[:\u2013\u2014|>\u00bb-].*");

    /** Byline and date lines above the first paragraph ("By Ana Ruiz", "Updated 5 March 2024, 09:30"). */
    private static final Pattern LEAD_METADATA = Pattern.compile(
            "(?u)(By|BY|by|Von|von|Par|par|Por|por|Di|di|Door|door|Av|av|Af|af)\\s+\\p{Lu}.*"
                    + "|(?iu)(posted|published|updated|last updated|created|modified|veröffentlicht|aktualisiert"
                    + "|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato)\\b.*"
                    + "|(?iu)[\\p{L}.,]*\\s*\\d{1,4}[\\s./,-]+[\\p{L}\\d.]+[\\s./,-]+\\d{2,4}"
                    + "([\\s,|-]+\\d{1,2}[:.h]\\d{2}(\\s*[ap]\\.?m\\.?)?(\\s*\\p{Lu}{2,4})?)?\\s*");

    /** Walks {@code body} and returns the article's blocks in page order. */
    static Result extract(Element body) {
        Walker w = new Walker();
        NodeTraversor.filter(w, body);
        w.flush();
        List<Block> blocks = w.blocks;
        if (blocks.isEmpty()) {
            return new Result(List.of(), blocks);
        }
        int pageChars = 0;
        for (Block b : blocks) {
            pageChars += b.chars;
        }
        score(blocks, pageChars);
        Frame best = null;
        double bestScore = 0;
        for (int pass = 0; pass < 2 && best == null; pass++) {
            for (Frame f : w.frames) {
                if (pass == 0 && inChrome(f, pageChars)) {
                    continue;
                }
                double s = finalScore(f);
                if (s > bestScore) {
                    bestScore = s;
                    best = f;
                }
            }
        }
        if (best == null) {
            return new Result(List.of(), blocks);
        }
        best = widen(best, bestScore, w.frames);
        bestScore = Math.max(bestScore, finalScore(best));
        // a container holding only a small part of its parent's good text is widened to the parent
        List<int[]> ranges = new ArrayList<>();
        ranges.add(new int[] {best.firstBlock, best.endBlock});
        Frame root = best;
        // a table cell alone in its row: the article may go on in the next rows (one row per paragraph)
        Frame anchor = best;
        if (best.tag.equals("td") && best.parent != null && best.parent.tag.equals("tr")
                && best.parent.chars <= best.chars + 20 && best.parent.parent != null) {
            anchor = best.parent;
        }
        if (anchor.parent != null) {
            double threshold = Math.max(10, bestScore * 0.2);
            List<int[]> sibs = new ArrayList<>();
            boolean any = false;
            boolean rows = anchor != best;
            for (Frame f : w.frames) {
                if (f.parent != anchor.parent || f == anchor || f.endBlock <= f.firstBlock) {
                    continue;
                }
                double s = f.score * (1 - f.linkDensity());
                String cls = f.element.className();
                if (!cls.isEmpty() && cls.equals(best.element.className())) {
                    s += bestScore * 0.2; // the article body split in two by an advert or a figure
                }
                boolean accept = s >= threshold;
                if (!accept && (f.tag.equals("p") || rows) && f.linkDensity() < 0.25 && f.chars > 80
                        && !isNegative(f)) {
                    accept = true;
                }
                if (accept && !isNegative(f)) {
                    sibs.add(new int[] {f.firstBlock, f.endBlock});
                    any = true;
                }
            }
            if (any) {
                ranges.addAll(sibs);
                ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
                root = anchor.parent;
            }
        }
        List<Block> candidates = new ArrayList<>();
        for (int[] r : ranges) {
            for (int i = r[0]; i < r[1]; i++) {
                candidates.add(blocks.get(i));
            }
        }
        List<Block> kept = filter(candidates, root, pageChars);
        return new Result(kept, blocks);
    }

    private static double finalScore(Frame f) {
        if (f.score <= 0) {
            return 0;
        }
        return f.score * (1 - f.linkDensity()) + f.classWeight * Math.min(1.0, f.score / 10.0);
    }

    /** The element is, or sits inside, an element named as chrome that does not wrap most of the page. */
    private static boolean inChrome(Frame f, int pageChars) {
        if (f.negative && realNegative(f, pageChars)) {
            return true;
        }
        return f.negativeParent != null && negativeCounts(f.negativeParent, pageChars);
    }

    private static boolean contains(Frame outer, Frame inner) {
        return inner.firstBlock >= outer.firstBlock && inner.endBlock <= outer.endBlock && inner.depth > outer.depth;
    }

    /**
     * Moves from the best container to an ancestor when the article is spread over several similar containers
     * (one table cell per paragraph) or when an ancestor scores higher, as Readability does.
     */
    private static Frame widen(Frame best, double bestScore, List<Frame> frames) {
        List<Frame> alternatives = new ArrayList<>();
        for (Frame f : frames) {
            if (f != best && finalScore(f) >= bestScore * 0.75 && !contains(f, best) && !contains(best, f)) {
                alternatives.add(f);
            }
        }
        if (alternatives.size() >= 2 && best.score >= 3) {
            for (Frame a = best.parent; a != null && a.parent != null; a = a.parent) {
                int inside = 0;
                for (Frame f : alternatives) {
                    if (contains(a, f)) {
                        inside++;
                    }
                }
                if (inside >= 2) {
                    best = a;
                    break;
                }
            }
        }
        double top = best.score * (1 - best.linkDensity());
        double threshold = top / 3;
        for (Frame a = best.parent; a != null && a.parent != null; a = a.parent) {
            double s = a.score * (1 - a.linkDensity());
            if (s < threshold) {
                break;
            }
            if (s > top) {
                best = a;
                break;
            }
        }
        return best;
    }

    private static boolean isNegative(Frame f) {
        return f.negative;
    }

    /** Text under a chrome-named element still counts a little: the name may be wrong, the text is there. */
    private static final double NEGATIVE_DAMPING = 0.2;

    private static void score(List<Block> blocks, int pageChars) {
        for (Block b : blocks) {
            if (b.container == null) {
                continue;
            }
            if (b.chars < 25 || b.heading > 0) {
                continue;
            }
            double damp = b.negative != null && negativeCounts(b.negative, pageChars) ? NEGATIVE_DAMPING : 1.0;
            int commas = 0;
            for (int i = 0; i < b.text.length(); i++) {
                char c = b.text.charAt(i);
                if (c == ',' || c == '\uff0c' || c == '\u3001' || c == '\u060c') {
                    commas++;
                }
            }
            double s = (1 + commas + Math.min(3, b.chars / 100.0)) * (1 - b.linkDensity()) * damp;
            Frame f = b.container;
            // text directly inside a wrapper scores the wrapper; text in a paragraph scores its ancestors
            f.score += s;
            f.paragraphs++;
            Frame p = f.parent;
            double[] weights = {1.0, 0.5, 1.0 / 6, 1.0 / 9, 1.0 / 12};
            for (int level = 0; p != null && level < weights.length; level++) {
                p.score += s * weights[level];
                p = p.parent;
            }
        }
    }

    /** A negative ancestor counts unless it wraps most of the page (a layout wrapper named "with-sidebar"). */
    private static boolean negativeCounts(Frame neg, int pageChars) {
        for (Frame f = neg; f != null; f = f.negativeParent) {
            if (realNegative(f, pageChars)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A chrome-named element is taken at its word unless it wraps most of the page or holds several article
     * paragraphs of its own (a "share-wrapper" around the story; comment threads name each comment).
     */
    private static boolean realNegative(Frame f, int pageChars) {
        return f.chars < pageChars * 0.6 && (f.hardNegative || f.ownGoodParagraphs < 3);
    }

    private static boolean negativeBelow(Block b, Frame root, int pageChars) {
        for (Frame f = b.negative; f != null; f = f.negativeParent) {
            if (f.depth > root.depth && realNegative(f, pageChars)) {
                return true;
            }
        }
        return false;
    }

    /** The block opens a chrome-named box below the root that holds more than the block itself. */
    private static boolean headsChromeBox(Block b, Frame root, int pageChars) {
        for (Frame f = b.negative; f != null; f = f.negativeParent) {
            if (f.depth > root.depth && realNegative(f, pageChars) && f.endBlock > b.index + 1) {
                return true;
            }
        }
        return false;
    }

    /** The block sits in chrome below the root that is not a comment thread (a share bar, a toolbar). */
    private static boolean inToolbar(Block b, Frame root, int pageChars) {
        boolean chrome = false;
        for (Frame f = b.negative; f != null; f = f.negativeParent) {
            if (f.depth > root.depth && realNegative(f, pageChars)) {
                if (f.hardNegative) {
                    return false;
                }
                chrome = true;
            }
        }
        return chrome;
    }

    private static List<Block> filter(List<Block> candidates, Frame root, int pageChars) {
        int n = candidates.size();
        boolean[] keep = new boolean[n];
        boolean[] good = new boolean[n];
        for (int i = 0; i < n; i++) {
            Block b = candidates.get(i);
            double ld = b.linkDensity();
            if (negativeBelow(b, root, pageChars)) {
                continue;
            }
            if (b.words <= 12 && BOILERPLATE_LINE.matcher(b.text).matches()) {
                continue;
            }
            if (b.words <= 30 && CHROME_PREFIX.matcher(b.text).matches()) {
                continue;
            }
            if (ld > 0.6 || (b.words < 30 && ld > 0.5) || (b.words < 8 && ld > 0.3)) {
                continue;
            }
            keep[i] = true;
            good[i] = b.heading == 0 && ld < 0.34 && (b.chars >= 100 || (b.words >= 8 && b.endsSentence()));
        }
        for (int i = commentsStart(candidates, good, root, pageChars); i < n; i++) {
            keep[i] = false;
            good[i] = false;
        }
        dropDetachedEdges(candidates, keep, good);
        int first = -1;
        int last = -1;
        for (int i = 0; i < n; i++) {
            if (good[i]) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        List<Block> out = new ArrayList<>();
        if (first < 0) {
            // a very short article: keep what is left of the best container
            for (int i = 0; i < n; i++) {
                if (keep[i] && candidates.get(i).words >= 2) {
                    out.add(candidates.get(i));
                }
            }
            return out;
        }
        // short blocks before the first paragraph stay when they sit just above it (headline, byline, date)
        int lead = first;
        for (int i = first - 1; i >= 0 && first - i <= 4; i--) {
            if (!keep[i]) {
                break;
            }
            lead = i;
        }
        int tail = last;
        for (int i = last + 1; i < n && i - last <= 2; i++) {
            Block b = candidates.get(i);
            if (!keep[i] || b.linkChars > 0 || b.heading > 0 || !b.endsSentence()) {
                break;
            }
            tail = i;
        }
        Set<String> seen = new HashSet<>();
        for (int i = lead; i <= tail; i++) {
            if (!keep[i]) {
                continue;
            }
            Block b = candidates.get(i);
            if (i > last && b.words < 3) {
                continue;
            }
            if (i < first && b.words <= 12 && LEAD_METADATA.matcher(b.text).matches()) {
                continue; // byline and date lines are metadata, not body text
            }
            if (b.words >= 5 && !seen.add(b.text)) {
                continue;
            }
            out.add(b);
        }
        return out;
    }

    /** Dropped blocks (links, chrome, boilerplate) between two groups of paragraphs that separate them. */
    private static final int DETACHING_GAP = 10;

    /**
     * Paragraphs at the edges of the range that are cut off from the article by a long run of links, labels and
     * chrome, and hold much less text than it, are a widget (a poll, a promotion, a teaser), not the article.
     */
    private static void dropDetachedEdges(List<Block> candidates, boolean[] keep, boolean[] good) {
        int n = candidates.size();
        List<int[]> groups = new ArrayList<>();
        int[] current = null;
        int run = 0;
        for (int i = 0; i < n; i++) {
            if (!good[i]) {
                run += keep[i] ? 0 : 1;
                continue;
            }
            if (current == null || run >= DETACHING_GAP) {
                current = new int[] {i, i, 0};
                groups.add(current);
            }
            current[1] = i;
            current[2] += candidates.get(i).chars;
            run = 0;
        }
        if (groups.size() < 2) {
            return;
        }
        int main = 0;
        for (int g = 1; g < groups.size(); g++) {
            if (groups.get(g)[2] > groups.get(main)[2]) {
                main = g;
            }
        }
        int[] m = groups.get(main);
        Set<Frame> articleParents = new HashSet<>();
        for (int i = m[0]; i <= m[1]; i++) {
            if (good[i]) {
                articleParents.add(parentOf(candidates.get(i)));
            }
        }
        double small = m[2] * DETACHED_SHARE;
        for (int g = main - 1; g >= 0 && detached(groups.get(g), small, candidates, good, articleParents); g--) {
            clear(good, groups.get(g));
        }
        for (int g = main + 1; g < groups.size() && detached(groups.get(g), small, candidates, good, articleParents);
             g++) {
            clear(good, groups.get(g));
        }
    }

    private static Frame parentOf(Block b) {
        return b.container == null || b.container.parent == null ? b.container : b.container.parent;
    }

    /** A small group none of whose paragraphs sits beside the article's paragraphs in the same element. */
    private static boolean detached(int[] group, double small, List<Block> candidates, boolean[] good,
                                    Set<Frame> articleParents) {
        if (group[2] >= small) {
            return false;
        }
        for (int i = group[0]; i <= group[1]; i++) {
            if (good[i] && articleParents.contains(parentOf(candidates.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static final double DETACHED_SHARE = 0.25;

    private static void clear(boolean[] flags, int[] group) {
        for (int i = group[0]; i <= group[1]; i++) {
            flags[i] = false;
        }
    }

    /** A label that opens the reader comments ("Comments", "3 comments", "Comments are closed", "Post a comment"). */
    private static final Pattern COMMENTS_LABEL = Pattern.compile(
            "(?iu)((\\d+\\s+)?((most\\s+)?recent\\s+|latest\\s+|top\\s+)?(reader'?s'?\\s+|readers'\\s+|user\\s+|your\\s+|visitor\\s+)?"
                    + "comments(\\s*\\(.{0,40}\\))?|1 comment|have your say (on|about) this (story|article)|.*\\b(comments|feedback|discussion) (is|are|has been|have been) (now )?closed.*"
                    + "|(comments|discussion) (on|for) this (story|article|post|entry)"
                    + "|(leave|post|add|write|submit|make) (a|your) (comment|reply|response)s?"
                    + "|join the (discussion|conversation|debate)|readers'? (views|reactions|responses)"
                    + "|tell us what you think|what do you think\\?"
                    + "|kommentare|commentaires|comentarios|commenti|comentários|reacties|komentarze|комментарии)"
                    + "[\\s:.!\u2026\u00bb\u203a>]*");
    /** A label that opens a list of other stories ("Related articles", "More from Sport", "Other news"). */
    private static final Pattern RELATED_LABEL = Pattern.compile("(?iu)(related( articles?| stories| posts| news"
            + "| content| coverage| links| items)?|more (stories|news|articles|headlines|top stories)|other (news|stories)"
            + "|more from .{1,40}|you (may|might|could) (also )?(like|enjoy|be interested in)"
            + "|recommended( for you| stories| articles| reading)?|most (popular|read|viewed|shared|emailed|commented)"
            + "|top stories|latest (news|stories|headlines)|also in (this section|.{1,30})|see also|further reading"
            + "|editor'?s (picks|choice)|what to read next|popular (now|stories)|in other news"
            + "|lesen sie auch|mehr zum thema|(à |a )?lire aussi|noticias relacionadas|leggi anche)[\\s:\u2026]*");
    /** The signature line of one reader comment ("Posted by: Ann on 5 March 2024 10:30", "Report this comment"). */
    private static final Pattern COMMENT_SIGNATURE = Pattern.compile(
            "(?iu)(?<lead>((posted|submitted|written|added|commented)( by)?|comment (by|from))\\s*:?)\\s*\\S.{0,80}?"
                    + "\\s(on|at|@|\\||-)\\s.*\\d.*"
                    + "|(?<report>report (this )?(comment|post|abuse)|report (as )?inappropriate)|.{1,40}\\s(?<wrote>wrote:)");

    /**
     * Where a list of other stories starts after the article: a label such as "Related articles" after at least
     * two paragraphs, with much less paragraph text after it than before it, where most paragraphs come right
     * after a link or a heading (teasers: a title, then a summary). An inline box in the middle of the article
     * is followed by the rest of the article, paragraph after paragraph; a label inside a chrome-named box
     * ("related-links") heads only that box, which the chrome rule drops already.
     */
    private static final double RELATED_TAIL_RATIO = 2.5;

    private static int relatedStart(List<Block> candidates, boolean[] good, Frame root, int pageChars) {
        int n = candidates.size();
        int total = 0;
        // paragraphs from i on, and those of them right after a link or a heading (a teaser's title)
        int[] paragraphsFrom = new int[n + 1];
        int[] titledFrom = new int[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            paragraphsFrom[i] = paragraphsFrom[i + 1];
            titledFrom[i] = titledFrom[i + 1];
            if (good[i]) {
                total += candidates.get(i).chars;
                paragraphsFrom[i]++;
                Block prev = i > 0 ? candidates.get(i - 1) : null;
                if (prev != null && !good[i - 1] && (prev.linkDensity() >= 0.5 || prev.heading > 0)) {
                    titledFrom[i]++;
                }
            }
        }
        int goodSeen = 0;
        int before = 0;
        for (int i = 0; i < n; i++) {
            Block b = candidates.get(i);
            if (good[i]) {
                goodSeen++;
                before += b.chars;
                continue;
            }
            if (goodSeen >= 2 && b.words <= 8 && before >= (total - before) * RELATED_TAIL_RATIO
                    && titledFrom[i + 1] * 2 >= paragraphsFrom[i + 1] && RELATED_LABEL.matcher(b.text).matches()
                    && !headsChromeBox(b, root, pageChars)) {
                return i;
            }
        }
        return n;
    }

    /** The kind of comment signature a block is ("posted by:", "report this comment"), or null. */
    private static String signature(Block b) {
        if (b.words > 20) {
            return null;
        }
        java.util.regex.Matcher m = COMMENT_SIGNATURE.matcher(b.text);
        if (!m.matches()) {
            return null;
        }
        String kind = m.group("lead") != null ? m.group("lead") : m.group("report") != null ? "report" : "wrote";
        return kind.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    /**
     * Where the reader comments start inside the candidates, or {@code candidates.size()}: at a comments label
     * after the article's first paragraphs, or, when two signatures of the same kind ("Posted by: ... on ...")
     * with prose between them follow the article, at the first comment.
     */
    private static int commentsStart(List<Block> candidates, boolean[] good, Frame root, int pageChars) {
        int n = candidates.size();
        int related = relatedStart(candidates, good, root, pageChars);
        if (related < n) {
            return related;
        }
        int goodSeen = 0;
        int firstSignature = -1;
        int secondSignature = -1;
        String kind = null;
        boolean proseBetween = false;
        for (int i = 0; i < n && secondSignature < 0; i++) {
            Block b = candidates.get(i);
            // a label in a share bar or toolbar ("Comments" beside "Share") is no section heading
            if (goodSeen >= 2 && b.words <= 12 && b.linkDensity() < 0.5 && i + 1 < n
                    && COMMENTS_LABEL.matcher(b.text).matches() && !inToolbar(b, root, pageChars)) {
                return i;
            }
            String sig = goodSeen >= 1 ? signature(b) : null;
            if (sig != null) {
                if (firstSignature < 0 || !sig.equals(kind) || !proseBetween) {
                    firstSignature = i;
                    kind = sig;
                    proseBetween = false;
                } else {
                    secondSignature = i;
                }
            }
            if (good[i]) {
                goodSeen++;
                proseBetween |= firstSignature >= 0;
            }
        }
        if (secondSignature < 0) {
            return n;
        }
        if (firstSignature == 0 || !good[firstSignature - 1]) {
            return firstSignature; // the signature heads its comment
        }
        // the signature closes its comment: the first comment is the prose just above it, back to the label or
        // link above it, and no longer than the second comment; without such a boundary the prose may be article
        for (int i = firstSignature - 1; i >= 0 && firstSignature - i < secondSignature - firstSignature; i--) {
            if (!good[i]) {
                return i + 1;
            }
        }
        return firstSignature;
    }

    /**
     * Length in Latin-letter equivalents: a Chinese, Japanese or Korean character carries about as much as a
     * short word, so it counts three.
     */
    static int weightedLength(CharSequence s) {
        int n = s.length();
        int extra = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '\u3040' && (c <= '\u9fff' || (c >= '\uac00' && c <= '\ud7af') || (c >= '\uf900' && c <= '\ufaff'))) {
                extra += 2;
            }
        }
        return n + extra;
    }

    static int countWords(CharSequence s) {
        int words = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean ws = Character.isWhitespace(s.charAt(i));
            if (!ws && !in) {
                words++;
            }
            in = !ws;
        }
        return words;
    }

    /** CMS taxonomy and script-hook classes ("tag-sports", "entry-category-social", "js-share") say nothing. */
    private static final Set<String> TAXONOMY_PREFIXES = Set.of("js", "is", "has", "page", "pageid", "parent",
            "postid", "single", "format", "lang", "text", "col", "row", "d", "flex", "font", "bg", "m", "p", "mt",
            "mb", "px", "py", "w", "h", "hidden", "visible", "align", "float", "u", "g");
    private static final Set<String> TAXONOMY_PARTS = Set.of("tag", "tags", "category", "categories", "cat",
            "author", "format", "type", "status", "topic", "topics", "term", "section", "channel", "keyword",
            "keywords", "id", "pageid");

    /** A CMS taxonomy or script-hook class ("tag-sports", "entry-category-social", "js-share", "postid-12"). */
    private static boolean taxonomy(String token) {
        int cut = firstSeparator(token, 0);
        if (cut < 0) {
            return false;
        }
        if (TAXONOMY_PREFIXES.contains(token.substring(0, cut))) {
            return true;
        }
        int start = 0;
        while (cut >= 0) {
            if (TAXONOMY_PARTS.contains(token.substring(start, cut))) {
                return true;
            }
            start = cut + 1;
            cut = firstSeparator(token, start);
        }
        return false;
    }

    private static int firstSeparator(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-' || c == '_') {
                return i;
            }
        }
        return -1;
    }

    private static boolean containsAny(String s, String[] stems) {
        for (String stem : stems) {
            if (s.contains(stem)) {
                return true;
            }
        }
        return false;
    }


    private static final int STRONG_POS = 1;
    private static final int STRONG_NEG = 2;
    private static final int WEAK_NEG = 4;
    private static final int POS = 8;

    /**
     * Signals of one element's class and id: -2 chrome, -1 chrome by a weaker word ("more", "tools"), 0 nothing,
     * 1 article-like, 2 article body.
     */
    static int classSignal(Element e, Map<String, Integer> cache) {
        String cls = e.className();
        String id = e.id();
        if (cls.isEmpty() && id.isEmpty()) {
            return 0;
        }
        int flags = 0;
        if (!cls.isEmpty()) {
            Integer cached = cache.get(cls);
            if (cached == null) {
                int f = 0;
                for (String t : cls.split("\\s+")) {
                    if (!t.isEmpty()) {
                        f |= tokenFlags(t.toLowerCase(Locale.ROOT));
                    }
                }
                cached = f;
                if (cache.size() < 10_000) {
                    cache.put(cls, cached);
                }
            }
            flags = cached;
        }
        if (!id.isEmpty()) {
            flags |= tokenFlags(id.toLowerCase(Locale.ROOT));
        }
        if ((flags & STRONG_POS) != 0) {
            return 2;
        }
        if ((flags & STRONG_NEG) != 0) {
            return -2;
        }
        if ((flags & WEAK_NEG) != 0 && (flags & POS) == 0) {
            return -1;
        }
        return (flags & POS) != 0 ? 1 : 0;
    }

    private static int tokenFlags(String token) {
        String flat = token.indexOf('-') >= 0 || token.indexOf('_') >= 0
                ? token.replace("-", "").replace("_", "") : token;
        if (containsAny(flat, STRONG_POSITIVE)) {
            return STRONG_POS;
        }
        if (taxonomy(token)) {
            return 0;
        }
        int f = 0;
        if (containsAny(flat, STRONG_NEGATIVE)) {
            f |= STRONG_NEG;
        }
        for (String w : words(token)) {
            if (WEAK_NEGATIVE.contains(w)) {
                f |= WEAK_NEG;
            } else if (POSITIVE_WORDS.contains(w)) {
                f |= POS;
            }
        }
        return f;
    }

    static double classWeight(int signal) {
        return switch (signal) {
            case -1, -2 -> -25;
            case 1 -> 25;
            case 2 -> 50;
            default -> 0;
        };
    }

    /** Splits a lower-cased class or id at non-letters ("article_NavWebPart" has already lost its case). */
    private static List<String> words(String token) {
        List<String> out = new ArrayList<>(4);
        int start = -1;
        for (int i = 0; i <= token.length(); i++) {
            boolean letter = i < token.length() && Character.isLetter(token.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                out.add(token.substring(start, i));
                start = -1;
            }
        }
        return out;
    }

    /** Class, id, role and tag say this element is page chrome, not article. */
    static boolean looksNegative(Element e, int signal) {
        String tag = e.normalName();
        if (STRUCTURAL_NEGATIVE.contains(tag)) {
            return true;
        }
        String role = e.attr("role").toLowerCase(Locale.ROOT);
        if (role.equals("navigation") || role.equals("complementary") || role.equals("contentinfo")
                || role.equals("menu") || role.equals("menubar") || role.equals("dialog") || role.equals("alert")) {
            return true;
        }
        String itemprop = e.attr("itemprop").toLowerCase(Locale.ROOT);
        if (itemprop.contains("articlebody") || itemprop.equals("text")) {
            return false;
        }
        return signal < 0;
    }

    private static final Pattern HARD_NEGATIVE = Pattern.compile(
            "comment|disqus|repl(y|ies)|respond|discussion|forum|talkback|trackback|pingback|feedback|guestbook");

    /** Comment threads: never an article wrapper, however much prose they hold. */
    private static boolean hardNegative(Element e) {
        String tag = e.normalName();
        if (tag.equals("nav") || tag.equals("footer")) {
            return true;
        }
        String ci = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
        return HARD_NEGATIVE.matcher(ci).find();
    }

    static boolean hidden(Element e) {
        if (e.hasAttr("hidden")) {
            return true;
        }
        if ("true".equalsIgnoreCase(e.attr("aria-hidden")) && !"body".equals(e.normalName())) {
            return true;
        }
        String style = e.attr("style");
        if (!style.isEmpty()) {
            String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
            return s.contains("display:none") || s.contains("visibility:hidden");
        }
        return false;
    }

    /** The single walk: builds frames and blocks without recursion. */
    private static final class Walker implements NodeFilter {
        final List<Block> blocks = new ArrayList<>();
        final List<Frame> frames = new ArrayList<>();
        final StringBuilder text = new StringBuilder(256);
        final Map<String, Integer> classCache = new HashMap<>(256);
        Frame top;
        Frame topBlock;
        Frame negative;
        int linkDepth;
        int linkChars;
        int headingDepth;
        int headingLevel;
        int listDepth;
        int quoteDepth;
        boolean pendingSpace;

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
                appendText(t.getWholeText());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element e)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            String tag = e.normalName();
            if (SKIP.contains(tag) || (top != null && hidden(e))) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (tag.equals("br")) {
                flush();
                return FilterResult.SKIP_ENTIRELY;
            }
            boolean block = !INLINE.contains(tag);
            if (block) {
                flush();
            }
            int signal = classSignal(e, classCache);
            boolean neg = top != null && looksNegative(e, signal);
            Frame f = new Frame(e, top, negative, block, classWeight(signal), neg);
            f.firstBlock = blocks.size();
            top = f;
            if (block) {
                topBlock = f;
            }
            if (neg) {
                negative = f;
                f.hardNegative = hardNegative(e);
            }
            if (tag.equals("a")) {
                linkDepth++;
            } else if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
                if (headingDepth++ == 0) {
                    headingLevel = tag.charAt(1) - '0';
                }
            } else if (tag.equals("li") || tag.equals("dd") || tag.equals("dt")) {
                listDepth++;
            } else if (tag.equals("blockquote")) {
                quoteDepth++;
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (top == null || top.element != node) {
                return FilterResult.CONTINUE;
            }
            Frame f = top;
            if (f.block) {
                flush();
            }
            String tag = f.tag;
            if (tag.equals("a")) {
                linkDepth--;
            } else if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
                headingDepth--;
            } else if (tag.equals("li") || tag.equals("dd") || tag.equals("dt")) {
                listDepth--;
            } else if (tag.equals("blockquote")) {
                quoteDepth--;
            }
            f.endBlock = blocks.size();
            top = f.parent;
            if (f.block) {
                Frame b = top;
                while (b != null && !b.block) {
                    b = b.parent;
                }
                topBlock = b;
            }
            if (negative == f) {
                negative = f.negativeParent;
            }
            if (top != null) {
                top.chars += f.chars;
                top.linkChars += f.linkChars;
            }
            if (f.chars > 0) {
                frames.add(f);
            }
            return FilterResult.CONTINUE;
        }

        private void appendText(String s) {
            int before = text.length();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u200b') {
                    pendingSpace = true;
                } else {
                    if (pendingSpace && text.length() > 0) {
                        text.append(' ');
                    }
                    pendingSpace = false;
                    text.append(c);
                }
            }
            if (linkDepth > 0) {
                linkChars += weightedLength(text.subSequence(before, text.length()));
            }
        }

        void flush() {
            pendingSpace = false;
            if (text.length() == 0) {
                return;
            }
            String s = text.toString();
            text.setLength(0);
            int lc = linkChars;
            linkChars = 0;
            Frame c = topBlock;
            int heading = headingDepth > 0 && countWords(s) <= 30 ? headingLevel : 0;
            Block b = new Block(s, lc, c, negative, heading, listDepth > 0,
                    quoteDepth > 0, blocks.size());
            blocks.add(b);
            if (negative != null && b.chars >= 100 && b.linkDensity() < 0.25 && heading == 0) {
                negative.ownGoodParagraphs++;
            }
            // the block's own characters count for every open element
            if (top != null) {
                top.chars += b.chars;
                top.linkChars += b.linkChars;
            }
        }
    }
}
