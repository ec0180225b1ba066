package org.newsnlp.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Uses a page's JSON-LD {@code articleBody} as a second opinion on the extracted paragraphs: when the
 * extraction found much less than the structured body, the page's own blocks that make up the body are
 * taken instead (they keep the paragraph breaks the structured body often lacks), or the structured body
 * itself when the blocks do not cover it.
 *
 * <p>Stateless and safe to use from any thread.
 */
final class StructuredBody {

    private static final int MIN_BODY_WORDS = 40;

    private StructuredBody() {
    }

    static List<String> reconcile(List<String> paragraphs, List<HtmlContent.Block> all, String articleBody,
                                  List<String> notes) {
        if (articleBody == null) {
            return paragraphs;
        }
        String body = normalise(articleBody);
        int bodyWords = HtmlContent.countWords(body);
        if (bodyWords < MIN_BODY_WORDS) {
            return paragraphs;
        }
        int ours = 0;
        int oursInBody = 0;
        String bodyKey = key(articleBody);
        for (String p : paragraphs) {
            int w = HtmlContent.countWords(p);
            ours += w;
            if (bodyKey.contains(key(p))) {
                oursInBody += w;
            }
        }
        // the extraction agrees with the structured body: keep it, less what the body says is not article
        if (ours >= bodyWords * 0.7 && oursInBody >= bodyWords * 0.6) {
            return trimmed(paragraphs, articleBody, ours, oursInBody, bodyWords, notes);
        }
        List<String> fromBlocks = new ArrayList<>();
        int covered = 0;
        for (HtmlContent.Block b : all) {
            if (b.words >= 4 && bodyKey.contains(key(b.text))) {
                fromBlocks.add(b.text);
                covered += b.words;
            }
        }
        if (covered >= bodyWords * 0.8 && covered > ours) {
            notes.add("article text taken from the page blocks matching its JSON-LD articleBody");
            return dedupe(fromBlocks);
        }
        if (ours < bodyWords * 0.5) {
            notes.add("article text taken from the page's JSON-LD articleBody");
            List<String> out = new ArrayList<>();
            for (String line : articleBody.split("\\R")) {
                String t = line.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
            return out;
        }
        return paragraphs;
    }

    /**
     * Drops our paragraphs the structured body lacks (captions, "read more" lines, promotions) when the body
     * holds nearly all of our text and is not shorter than it: a truncated body must not cut the article.
     */
    private static List<String> trimmed(List<String> paragraphs, String body, int ours, int oursInBody, int bodyWords,
                                        List<String> notes) {
        int missing = ours - oursInBody;
        if (missing == 0 || missing > ours * 0.2 || bodyWords < oursInBody * 0.95) {
            return paragraphs;
        }
        String bodyKey = key(body);
        List<String> out = new ArrayList<>(paragraphs.size());
        for (String p : paragraphs) {
            String k = key(p);
            if (k.isEmpty() || bodyKey.contains(k)) {
                out.add(p);
            }
        }
        if (out.size() < paragraphs.size()) {
            notes.add("dropped " + (paragraphs.size() - out.size())
                    + " paragraph(s) missing from the page's JSON-LD articleBody");
        }
        return out;
    }

    /** Letters and digits only, lower-cased: survives the quote, dash and space differences of a copy. */
    static String key(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    private static List<String> dedupe(List<String> in) {
        List<String> out = new ArrayList<>(in.size());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String s : in) {
            if (seen.add(s)) {
                out.add(s);
            }
        }
        return out;
    }

    static String normalise(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
