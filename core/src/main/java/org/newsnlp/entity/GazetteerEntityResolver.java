package org.newsnlp.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.newsnlp.text.Sentence;
import org.newsnlp.text.Token;
import org.newsnlp.text.TokenizedText;

/**
 * Resolves a recognizer's mentions into people, companies, countries, other organisations, places and other
 * names, with a {@link Gazetteer}: known names are found in the text directly (so names the recognizer
 * missed or mistyped count too), organisations are split into companies and other organisations by name
 * lists, legal-form suffixes and context cues, mentions of one thing are grouped ("Harry Shum Heung-yeung",
 * "Shum", "Mr Shum"), and each entity gets a salience from its mention count, first position, title and
 * lead presence.
 *
 * <pre>{@code
 * EntityResolver resolver = GazetteerEntityResolver.english();
 * List<Entity> entities = resolver.resolve(tokenized, title, recognizer.recognize(tokenized));
 * }</pre>
 *
 * <p>Country words inside other names ("South China Sea", "USA Today", "American Airlines", "University of
 * Hong Kong") are not country mentions. Hong Kong, Macao, Taiwan, Puerto Rico and the other ISO 3166-1
 * territories count as countries with their own codes. Work is linear in the length of the text: one trie
 * walk per token and hashed look-ups for cues.
 *
 * <p>Instances are immutable and safe to share between threads; all per-call state lives on the stack.
 */
public final class GazetteerEntityResolver implements EntityResolver {

    private static final java.util.regex.Pattern WS = java.util.regex.Pattern.compile("\\s+");
    private static final Set<String> CONNECTORS = Set.of("-", "/", "and", "&", "–", ",");
    /** Legal forms strong enough to make a company name of the capitalised words before them. */
    private static final Set<String> LEGAL_FORMS = Set.of("Inc", "Inc.", "Corp", "Corp.", "Corporation", "Ltd",
            "Ltd.", "Limited", "LLC", "plc", "PLC", "Plc", "AG", "GmbH", "NV", "N.V.", "SpA", "S.p.A.", "Co", "Co.",
            "Cos", "Cos.", "Holdings", "LP", "L.P.", "LLP", "Bhd", "Pty");
    /** Words after a surname that make it a family ("the Disney family"). */
    private static final Set<String> FAMILY = Set.of("family", "families", "dynasty", "clan", "brothers", "sisters");
    /** Words for people of a country, not bodies: "U.S. officials" names the country only. */
    private static final Set<String> PEOPLE_NOUNS = Set.of("officials", "troops", "forces", "authorities",
            "regulators", "lawmakers", "diplomats", "negotiators", "military", "government");
    /** Capitalised words that open sentences rather than names. */
    private static final Set<String> OPENERS = Set.of("The", "A", "An", "In", "At", "On", "For", "By", "With",
            "From", "And", "But", "If", "As", "Shares", "Both", "Rival", "Unit", "Its", "Their", "Former");
    private static final int WINDOW = 4;
    /** Small words that Title Case leaves in lower case. */
    private static final Set<String> TITLE_SMALL_WORDS = Set.of("a", "an", "the", "of", "and", "in", "on", "at",
            "to", "for", "with", "from", "by", "or", "vs", "vs.");
    /** Words after a known company that keep the company ("Coinbase Global", "Samsung Group"). */
    private static final Set<String> COMPANY_TAILS = Set.of("Global", "International", "Worldwide", "Group", "Holdings");
    /** Prepositions that end an appositive's head: ", a partner at the venture firm". */
    private static final Set<String> APPOSITIVE_STOPS = Set.of("at", "with", "for", "in", "on", "to", "from", "by");
    /** Titles that open a person's name the recognizer took for a place ("Prince William"). */
    private static final Set<String> PERSON_TITLES = Set.of("Prince", "Princess", "King", "Queen", "Sir", "Dame",
            "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "President", "Senator", "Pope");

    private final Gazetteer gazetteer;
    private final Set<String> companyBefore;
    private final Set<String> companyAfter;
    private final Set<String> orgBefore;
    private final Set<String> orgAfter;
    private final Set<String> pronouns;
    private final Set<String> notNames;
    private final Set<String> companyStrong;
    private final Set<String> companyNouns;
    private final Set<String> personBefore;

    /** A resolver over {@code gazetteer}. */
    public GazetteerEntityResolver(Gazetteer gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
        this.companyBefore = lower(gazetteer.cues(Gazetteer.Cue.COMPANY_BEFORE));
        this.companyAfter = lower(gazetteer.cues(Gazetteer.Cue.COMPANY_AFTER));
        this.orgBefore = lower(gazetteer.cues(Gazetteer.Cue.ORG_BEFORE));
        this.orgAfter = lower(gazetteer.cues(Gazetteer.Cue.ORG_AFTER));
        this.pronouns = lower(gazetteer.cues(Gazetteer.Cue.PRONOUN));
        this.notNames = Set.copyOf(gazetteer.cues(Gazetteer.Cue.NOT_NAME));
        this.companyStrong = lower(gazetteer.cues(Gazetteer.Cue.COMPANY_STRONG));
        this.companyNouns = lower(gazetteer.cues(Gazetteer.Cue.COMPANY_NOUN));
        this.personBefore = lower(gazetteer.cues(Gazetteer.Cue.PERSON_BEFORE));
    }

    /** The resolver over the shipped English lists ({@link Gazetteer#english()}). */
    public static GazetteerEntityResolver english() {
        return new GazetteerEntityResolver(Gazetteer.english());
    }

    /** The lists this resolver uses. */
    public Gazetteer gazetteer() {
        return gazetteer;
    }

    private static Set<String> lower(Set<String> words) {
        Set<String> out = new HashSet<>(words.size() * 2);
        for (String w : words) {
            out.add(w.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(out);
    }

    @Override
    public List<Entity> resolve(TokenizedText text, String title, List<Mention> mentions) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(mentions, "mentions");
        String t = text.text();
        List<Token> tokens = text.tokens();
        if (tokens.isEmpty()) {
            return List.of();
        }
        List<Cand> found = scan(t, tokens);
        boolean[] sentenceStart = new boolean[tokens.size() + 1];
        sentenceStart[0] = true;
        for (Sentence s : text.sentences()) {
            if (s.firstToken() < tokens.size()) {
                sentenceStart[s.firstToken()] = true;
            }
        }
        List<Cand> tagged = clean(t, tokens, mentions, sentenceStart);
        List<Cand> merged = splitPairs(t, tokens, withLegalNames(t, tokens, merge(t, tokens, found, tagged)));
        // "Photo: Reuters", "Credit: Ministry of Defence": organisations credited in a caption are not mentions;
        // companies credited there ("Photo: VCG via Getty Images") are, since the article names them
        merged.removeIf(c -> c.type == EntityType.ORGANIZATION && creditLabel(tokens, c.firstToken));
        Set<String> personWords = new HashSet<>();
        for (Cand c : tagged) {
            if (c.type == EntityType.PERSON) {
                String[] w = WS.split(t.substring(c.start, c.end));
                if (w.length > 1) {
                    personWords.addAll(List.of(w));
                }
            }
        }
        for (Cand c : merged) {
            c.surface = t.substring(c.start, c.end);
            refine(t, tokens, c, personWords);
            if (c.endToken < tokens.size() && (c.type == EntityType.COMPANY || c.type == EntityType.ORGANIZATION)
                    && FAMILY.contains(tokens.get(c.endToken).text())) {
                // "the Disney family", "the Murdoch family": a family, not the company
                c.type = EntityType.MISC;
                c.entry = null;
                c.undecided = false;
            }
        }
        coordinatedPeople(t, tokens, merged);
        List<Cluster> clusters = cluster(t, tokens, merged);
        return finish(text, title == null ? "" : title, clusters);
    }

    // ---------------------------------------------------------------- scanning

    /** Known names found in the text itself, longest first, left to right. */
    private List<Cand> scan(String t, List<Token> tokens) {
        NameTrie trie = gazetteer.trie();
        List<Cand> out = new ArrayList<>();
        int n = tokens.size();
        int i = 0;
        while (i < n) {
            if (!startsName(tokens.get(i))) {
                i++;
                continue;
            }
            NameTrie.Match m = trie.longest(t, tokens, i);
            while (m != null) {
                Gazetteer.Entry e = gazetteer.entry(m.value());
                boolean atTokenEnd = m.end() == tokens.get(m.endToken() - 1).end();
                if (e.type() != EntityType.COUNTRY || !insideLargerName(t, tokens, m, atTokenEnd)) {
                    out.add(new Cand(m.start(), m.end(), m.firstToken(), m.endToken(), e.type(), e, true));
                } else {
                    out.add(new Cand(m.start(), m.end(), m.firstToken(), m.endToken(), null, null, true));
                }
                // "French-German": the name after a hyphen inside the same token
                Token last = tokens.get(m.endToken() - 1);
                int next = m.end() + 1;
                m = !atTokenEnd && t.charAt(m.end()) == '-' && next < last.end()
                        && Character.isUpperCase(t.charAt(next)) ? trie.longest(t, tokens, m.endToken() - 1, next) : null;
            }
            i = Math.max(i + 1, lastEnd(out, i));
        }
        return out;
    }

    /** The token after the last candidate, or {@code i + 1} when the scan found nothing at {@code i}. */
    private static int lastEnd(List<Cand> out, int i) {
        return out.isEmpty() ? i + 1 : Math.max(i + 1, out.get(out.size() - 1).endToken);
    }

    private static boolean startsName(Token tok) {
        String w = tok.text();
        char c = w.charAt(0);
        if (Character.isUpperCase(c) || Character.isDigit(c)) {
            return true;
        }
        // "eBay", "xAI", "iPhone", "easyJet": a capital within the first letters
        for (int i = 1; i < w.length() && i < 5; i++) {
            if (Character.isUpperCase(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasUpper(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isUpperCase(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A country word followed by a name continuation ("South China Sea") or after "University of". */
    private boolean insideLargerName(String t, List<Token> tokens, NameTrie.Match m, boolean atTokenEnd) {
        int next = m.endToken();
        if (atTokenEnd && next < tokens.size()) {
            if (phraseAt(tokens, next, Gazetteer.Cue.GOVERNMENT)) {
                return false;
            }
            if (phraseAt(tokens, next, Gazetteer.Cue.CONTINUATION)) {
                return true;
            }
            // "American Hoechst Corp": capitalised words up to a legal-form suffix make a company name,
            // unless they start with a known company ("Chinese Ant Group Co")
            NameTrie.Match known = gazetteer.trie().longest(t, tokens, next);
            boolean knownCompany = known != null && gazetteer.entry(known.value()).type() == EntityType.COMPANY;
            for (int j = next; j < next + 3 && j < tokens.size() && !knownCompany; j++) {
                String w = tokens.get(j).text();
                if (gazetteer.cue(Gazetteer.Cue.COMPANY_SUFFIX, w) && j > next) {
                    return true;
                }
                if (!Character.isUpperCase(w.charAt(0))) {
                    break;
                }
            }
        }
        int prev = m.firstToken();
        for (int k = 1; k <= 2 && prev - k >= 0; k++) {
            StringBuilder sb = new StringBuilder();
            for (int j = prev - k; j < prev; j++) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(tokens.get(j).text());
            }
            if (gazetteer.cue(Gazetteer.Cue.PREFIX, sb.toString())) {
                return true;
            }
        }
        return false;
    }

    /** True when the tokens from {@code at} start with a phrase of {@code cue} (up to three words). */
    private boolean phraseAt(List<Token> tokens, int at, Gazetteer.Cue cue) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 3 && at + k < tokens.size(); k++) {
            if (k > 0) {
                sb.append(' ');
            }
            sb.append(tokens.get(at + k).text());
            if (gazetteer.cue(cue, sb.toString())) {
                return true;
            }
        }
        return false;
    }

    /**
     * An organisation span "A and B" whose halves are each named on their own elsewhere in the text
     * ("Novo and Lilly" after "Novo Nordisk" ... "Novo" ... "Lilly") or known to the lists names two
     * organisations.
     */
    private List<Cand> splitPairs(String t, List<Token> tokens, List<Cand> merged) {
        Map<String, Integer> surfaces = new HashMap<>();
        for (Cand c : merged) {
            surfaces.merge(t.substring(c.start, c.end), 1, Integer::sum);
        }
        List<Cand> out = null;
        for (int i = 0; i < merged.size(); i++) {
            Cand c = merged.get(i);
            List<Cand> halves = null;
            if (c.type == EntityType.ORGANIZATION && !c.fromList && c.entry == null && !c.legal) {
                int and = -1;
                for (int j = c.firstToken + 1; j < c.endToken - 1; j++) {
                    if (tokens.get(j).text().equals("and")) {
                        and = and < 0 ? j : -2;
                    }
                }
                if (and > 0) {
                    String left = t.substring(c.start, tokens.get(and - 1).end());
                    String right = t.substring(tokens.get(and + 1).start(), c.end);
                    if (namedElsewhere(surfaces, left) && namedElsewhere(surfaces, right)) {
                        halves = List.of(
                                new Cand(c.start, tokens.get(and - 1).end(), c.firstToken, and, c.type, null, false),
                                new Cand(tokens.get(and + 1).start(), c.end, and + 1, c.endToken, c.type, null, false));
                    }
                }
            }
            if (halves != null && out == null) {
                out = new ArrayList<>(merged.subList(0, i));
            }
            if (out != null) {
                if (halves != null) {
                    out.addAll(halves);
                } else {
                    out.add(c);
                }
            }
        }
        return out == null ? merged : out;
    }

    private boolean namedElsewhere(Map<String, Integer> surfaces, String name) {
        if (surfaces.containsKey(name)) {
            return true;
        }
        Gazetteer.Entry e = gazetteer.lookup(name);
        return e != null && e.type() == EntityType.COMPANY;
    }

    /**
     * A recognizer organisation of two or three plain capitalised words coordinated with a person's full name
     * ("Gabriel Jesus and Kai Havertz", "Shreyas Iyer and KL Rahul") is a person too.
     */
    private void coordinatedPeople(String t, List<Token> tokens, List<Cand> merged) {
        for (int i = 0; i < merged.size(); i++) {
            Cand c = merged.get(i);
            int words = c.endToken - c.firstToken;
            if (c.type != EntityType.ORGANIZATION && c.type != EntityType.LOCATION || c.fromList || c.entry != null || c.legal || words < 2
                    || words > 3 || !plainName(tokens, c)) {
                continue;
            }
            boolean person = false;
            if (c.type == EntityType.ORGANIZATION && i > 0) {
                Cand p = merged.get(i - 1);
                person = p.type == EntityType.PERSON && p.endToken - p.firstToken >= 2
                        && onlyConnectors(tokens, p.endToken, c.firstToken);
            }
            if (!person && c.type == EntityType.ORGANIZATION && i + 1 < merged.size()) {
                Cand n = merged.get(i + 1);
                person = n.type == EntityType.PERSON && n.endToken - n.firstToken >= 2
                        && onlyConnectors(tokens, c.endToken, n.firstToken);
            }
            if (!person && c.firstToken > 0 && (c.type == EntityType.ORGANIZATION || c.type == EntityType.LOCATION)) {
                // "Welsh forward Jac Morgan", "fly-half Sam Prendergast": a person's role right before the name
                person = personBefore.contains(tokens.get(c.firstToken - 1).text().toLowerCase(Locale.ROOT));
            }
            if (!person && i + 1 < merged.size() && !(c.firstToken > 0
                    && tokens.get(c.firstToken - 1).text().equalsIgnoreCase("the"))
                    && gazetteer.notPerson(tokens.get(c.endToken - 1).text()) == null) {
                // "Madison Keys of the United States": a player or delegate named with their country
                Cand n = merged.get(i + 1);
                int of = c.endToken;
                int at = of + 1 < tokens.size() && tokens.get(of + 1).text().equals("the") ? of + 2 : of + 1;
                person = of < tokens.size() && tokens.get(of).text().equals("of") && n.firstToken == at
                        && n.type == EntityType.COUNTRY && n.entry != null
                        && (n.endToken >= tokens.size() || !Character.isUpperCase(tokens.get(n.endToken).text().charAt(0)));
            }
            if (person) {
                c.type = EntityType.PERSON;
                c.undecided = false;
            }
        }
        for (int i = 0; i < merged.size(); i++) {
            Cand c = merged.get(i);
            if (c.fromList || c.entry != null || c.legal || c.type != EntityType.ORGANIZATION && c.type != EntityType.LOCATION
                    && c.type != EntityType.MISC) {
                continue;
            }
            // "suppliers including MegaChips and Hosiden": a name listed with companies is one
            boolean peer = i > 0 && isCompany(merged.get(i - 1)) && onlyConnectors(tokens, merged.get(i - 1).endToken, c.firstToken)
                    || i + 1 < merged.size() && isCompany(merged.get(i + 1))
                    && onlyConnectors(tokens, c.endToken, merged.get(i + 1).firstToken);
            if (peer && c.endToken < tokens.size() && isPossessive(tokens.get(c.endToken).text())) {
                peer = false; // "Mistral AI and London's Synthesia": the place of the next company
            }
            if (peer && c.endToken - c.firstToken <= 3 && plainName(tokens, c) | c.type == EntityType.ORGANIZATION) {
                c.type = EntityType.ORGANIZATION;
                c.undecided = true;
                c.companyPeer = true;
            }
        }
    }

    private static boolean isCompany(Cand c) {
        return c.entry != null && c.entry.type() == EntityType.COMPANY || c.legal;
    }

    /** Capitalised words with no organisation word, company suffix, legal form or list name among them. */
    private boolean plainName(List<Token> tokens, Cand c) {
        for (int j = c.firstToken; j < c.endToken; j++) {
            String w = tokens.get(j).text();
            if (!Character.isUpperCase(w.charAt(0)) || gazetteer.cue(Gazetteer.Cue.ORG_WORD, w)
                    || gazetteer.cue(Gazetteer.Cue.COMPANY_SUFFIX, w) || LEGAL_FORMS.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when the tokens in {@code [from, to)} are one "and" or "&", with an optional comma before; a comma
     * alone is not enough ("Columbia, S.C.", "Jane Doe, Acme").
     */
    private static boolean onlyConnectors(List<Token> tokens, int from, int to) {
        if (to - from < 1 || to - from > 2) {
            return false;
        }
        boolean and = false;
        for (int j = from; j < to; j++) {
            String w = tokens.get(j).text();
            if (w.equals("and") || w.equals("&")) {
                and = true;
            } else if (!w.equals(",")) {
                return false;
            }
        }
        return and;
    }

    // ---------------------------------------------------------------- recognizer mentions

    /**
     * The recognizer's mentions, without possessives, quotes and pronouns, aligned to tokens; without the
     * people named in bylines and photo credits, and without a sentence-opening common noun the recognizer
     * took into a name ("Rival Advanced Micro Devices", "Broadcaster Warner Bros. Discovery").
     */
    private List<Cand> clean(String t, List<Token> tokens, List<Mention> mentions, boolean[] sentenceStart) {
        List<Cand> out = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            int s = m.start();
            int e = Math.min(m.end(), t.length());
            while (s < e && isEdgePunct(t.charAt(s))) {
                s++;
            }
            while (e > s && isEdgePunct(t.charAt(e - 1)) && t.charAt(e - 1) != '.') {
                e--;
            }
            if (e - s > 2 && (t.charAt(e - 1) == 's' || t.charAt(e - 1) == 'S') && NameTrie.isApostrophe(t.charAt(e - 2))) {
                e -= 2;
            } else if (e - s > 2 && NameTrie.isApostrophe(t.charAt(e - 1)) && t.charAt(e - 2) == 's') {
                e -= 1;
            }
            if (e <= s) {
                continue;
            }
            int first0 = tokenAt(tokens, s);
            while (first0 > 1 && s > 0 && t.charAt(s - 1) == '-' && tokens.get(first0 - 1).end() == s
                    && tokens.get(first0 - 2).end() == s - 1 && isInitial(tokens.get(first0 - 2).text())) {
                // "A-T-E Security Group Inc": the recognizer started after a hyphen inside the name
                s = tokens.get(first0 - 2).start();
                first0 -= 2;
            }
            e = cutPlaceAfterLegalForm(t, tokens, s, e);
            String surface = t.substring(s, e);
            if (!hasUpper(surface) || pronouns.contains(surface.toLowerCase(Locale.ROOT))
                    || notNames.contains(surface) || isCurrencyCode(surface)) {
                continue;
            }
            int first = tokenAt(tokens, s);
            int last = tokenAt(tokens, e - 1);
            if (first < 0 || last < 0) {
                continue;
            }
            if (m.type() == EntityType.PERSON && credit(t, tokens, first, last + 1, s, e)) {
                continue;
            }
            EntityType type = m.type() == EntityType.PERSON && insideQuotedTitle(t, s, e) ? EntityType.MISC : m.type();
            if (first < last && (sentenceStart[first] || first > 0 && sentenceStart[first - 1]
                    && isOpeningQuote(tokens.get(first - 1).text())) && openingNoun(t, tokens, first)) {
                first++;
                s = tokens.get(first).start();
            }
            out.add(new Cand(s, e, first, last + 1, type, null, false));
        }
        out.sort(Comparator.comparingInt((Cand c) -> c.start).thenComparingInt(c -> -c.end));
        List<Cand> kept = new ArrayList<>(out.size());
        int lastEnd = -1;
        for (Cand c : out) {
            if (c.start >= lastEnd) {
                kept.add(c);
                lastEnd = c.end;
            }
        }
        return kept;
    }

    /**
     * A word that opens a sentence as a common noun before a name: a cue word before a known name ("Rival
     * Advanced Micro Devices", "Broadcaster Warner Bros. Discovery") or a person's role ("Spinners Varun
     * Chakravarthy"). Names that start with such a word ("Bank of America", "Union Pacific", "Giant Eagle")
     * keep it unless the rest is a known name of its own.
     */
    private boolean openingNoun(String t, List<Token> tokens, int at) {
        String w = tokens.get(at).text();
        if (w.length() < 3 || !Character.isUpperCase(w.charAt(0)) || !Character.isLowerCase(w.charAt(1))) {
            return false;
        }
        String lower = w.toLowerCase(Locale.ROOT);
        if (personBefore.contains(lower) || lower.endsWith("s") && personBefore.contains(lower.substring(0, lower.length() - 1))) {
            return true;
        }
        return (companyBefore.contains(lower) || companyStrong.contains(lower) || orgBefore.contains(lower)
                || companyNouns.contains(lower)) && at + 1 < tokens.size() && gazetteer.trie().longest(t, tokens, at + 1) != null;
    }

    /**
     * True when {@code [s, e)} lies inside a short quoted title in Title Case that holds more than the name
     * ("\u201cMario Kart World\u201d", "\u201cJerry Springer - The Opera\u201d"): a work, not a person.
     */
    private static boolean insideQuotedTitle(String t, int s, int e) {
        int open = -1;
        for (int i = s - 1; i >= 0 && s - i <= 60; i--) {
            char c = t.charAt(i);
            if (c == '\u201c' || c == '"' && (i == 0 || !Character.isLetterOrDigit(t.charAt(i - 1)))) {
                open = i;
                break;
            }
            if (c == '\u201d' || c == '"' || c == '\n' || c == '.' || c == ',') {
                return false;
            }
        }
        if (open < 0) {
            return false;
        }
        int close = -1;
        for (int i = e; i < t.length() && i - e <= 60; i++) {
            char c = t.charAt(i);
            if (c == '\u201d' || c == '"') {
                close = i;
                break;
            }
            if (c == '\u201c' || c == '\n') {
                return false;
            }
        }
        if (close < 0) {
            return false;
        }
        String inner = t.substring(open + 1, close).strip();
        if (inner.endsWith(",") || inner.endsWith(".")) {
            inner = inner.substring(0, inner.length() - 1);
        }
        String[] words = WS.split(inner);
        if (words.length > 7 || inner.length() <= e - s) {
            return false;
        }
        for (String w : words) {
            if (!w.isEmpty() && Character.isLetter(w.charAt(0)) && !Character.isUpperCase(w.charAt(0))
                    && !TITLE_SMALL_WORDS.contains(w)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isOpeningQuote(String w) {
        return w.equals("\"") || w.equals("\u201c") || w.equals("\u2018") || w.equals("'") || w.equals("(");
    }

    /**
     * True when the person in tokens {@code [first, end)} is credited rather than mentioned: the author in a
     * byline line ("By Anna Lindqvist in Berlin"), a reporter or editor ("Reporting by ...; Editing by ..."),
     * a photographer ("Photo: Jeff Spicer/Getty Images", "REUTERS/Mario Anzuoni").
     */
    private static boolean credit(String t, List<Token> tokens, int first, int end, int s, int e) {
        if (s > 0 && t.charAt(s - 1) == '/' || e < t.length() && t.charAt(e) == '/') {
            return true;
        }
        if (first > 0) {
            String before = tokens.get(first - 1).text();
            if (before.equals("By") && lineStart(t, tokens.get(first - 1).start()) && lineWords(t, s) <= 8) {
                return true;
            }
            if ((before.equals("by") || before.equals("By")) && first > 1) {
                String role = tokens.get(first - 2).text().toLowerCase(Locale.ROOT);
                if (role.equals("reporting") || role.equals("editing") || role.equals("writing")
                        || role.equals("photography") || role.equals("photographs") || role.equals("photo")) {
                    return true;
                }
            }
        }
        return creditLabel(tokens, first);
    }

    /** True for a currency written as a code and a dollar sign ("US$", "HK$", "A$"): an amount, not a name. */
    static boolean isCurrencyCode(String surface) {
        int n = surface.length();
        if (n < 2 || n > 4 || surface.charAt(n - 1) != '$') {
            return false;
        }
        for (int i = 0; i < n - 1; i++) {
            char c = surface.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }

    /** True when a credit label ("Photo:", "Credit:") comes up to three tokens before token {@code first}. */
    private static boolean creditLabel(List<Token> tokens, int first) {
        for (int k = 1; k <= 3 && first - k >= 0; k++) {
            String w = tokens.get(first - k).text();
            if (w.equals(":") && first - k - 1 >= 0) {
                String label = tokens.get(first - k - 1).text().toLowerCase(Locale.ROOT);
                if (label.equals("photo") || label.equals("photograph") || label.equals("picture")
                        || label.equals("credit") || label.equals("image") || label.equals("photos")
                        || label.equals("pictures") || label.equals("photography")) {
                    return true;
                }
            }
            boolean creditWord = w.equals("via") || w.equals("by") || w.equals("/") || w.equals("and") || w.equals("&")
                    || Character.isUpperCase(w.charAt(0)) && !w.equals("A") && !w.equals("An") && !w.equals("The");
            if (!creditWord) {
                break; // "Photo: A Commerzbank logo is seen ...": a caption, not a credit
            }
        }
        return false;
    }

    /** True when only white space (or an opening bracket) comes between the start of the line and {@code pos}. */
    private static boolean lineStart(String t, int pos) {
        for (int i = pos - 1; i >= 0; i--) {
            char c = t.charAt(i);
            if (c == '\n') {
                return true;
            }
            if (!Character.isWhitespace(c) && c != '(') {
                return false;
            }
        }
        return true;
    }

    /** Words from {@code pos} to the end of its line. */
    private static int lineWords(String t, int pos) {
        int words = 0;
        boolean in = false;
        for (int i = pos; i < t.length() && t.charAt(i) != '\n'; i++) {
            boolean ws = Character.isWhitespace(t.charAt(i));
            if (!ws && !in) {
                words++;
            }
            in = !ws;
        }
        return words;
    }

    /** One to three capital letters ("A", "AT"): a letter of an initialism such as "A-T-E". */
    private static boolean isInitial(String w) {
        if (w.isEmpty() || w.length() > 3) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            if (!Character.isUpperCase(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** "Certified Security Services Inc of Key West" ends at its legal form; "Shamrock Holdings of California Inc" does not. */
    private static int cutPlaceAfterLegalForm(String t, List<Token> tokens, int s, int e) {
        int first = tokenAt(tokens, s);
        int last = tokenAt(tokens, e - 1);
        if (first < 0 || last < 0) {
            return e;
        }
        int legal = -1;
        for (int j = first; j <= last; j++) {
            if (LEGAL_FORMS.contains(tokens.get(j).text())) {
                legal = j;
            }
        }
        if (legal >= first && legal + 2 <= last && tokens.get(legal + 1).text().equals("of")) {
            return tokens.get(legal).end();
        }
        return e;
    }

    private static boolean isEdgePunct(char c) {
        return c == '"' || c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201c' || c == '\u201d'
                || c == '(' || c == ')' || c == ',' || c == ';' || c == ':' || c == '[' || c == ']' || c == '<' || c == '>'
                || c == '.' || c == '!' || c == '?' || Character.isWhitespace(c);
    }

    /** Index of the token covering character {@code pos}, or -1. */
    private static int tokenAt(List<Token> tokens, int pos) {
        int lo = 0;
        int hi = tokens.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Token tok = tokens.get(mid);
            if (tok.end() <= pos) {
                lo = mid + 1;
            } else if (tok.start() > pos) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- merging

    /** Combines names found in the text with the recognizer's mentions, without overlaps. */
    private List<Cand> merge(String t, List<Token> tokens, List<Cand> found, List<Cand> tagged) {
        List<Cand> out = new ArrayList<>(found.size() + tagged.size());
        Set<String> surnames = surnames(tagged, t);
        boolean[] used = new boolean[found.size()];
        int g0 = 0;
        for (Cand n : tagged) {
            while (g0 < found.size() && found.get(g0).end <= n.start) {
                g0++;
            }
            List<Integer> over = new ArrayList<>(2);
            for (int g = g0; g < found.size() && found.get(g).start < n.end; g++) {
                over.add(g);
            }
            if (over.isEmpty()) {
                out.add(n);
                continue;
            }
            Cand exact = null;
            Cand container = null;
            List<Cand> inside = new ArrayList<>(over.size());
            for (int g : over) {
                Cand c = found.get(g);
                if (c.start == n.start && c.end == n.end) {
                    exact = c;
                    used[g] = true;
                } else if (c.start <= n.start && c.end >= n.end) {
                    container = c;
                    used[g] = true;
                } else if (c.start >= n.start && c.end <= n.end) {
                    inside.add(c);
                    used[g] = true;
                } else if (c.length() > n.length()) {
                    container = c;
                    used[g] = true;
                }
            }
            if (exact != null) {
                if (exact.type == null) {
                    // a country word inside a larger name, and the recognizer agrees on the span: keep its type
                    out.add(n.blocked());
                } else if (n.type == EntityType.PERSON && exact.type == EntityType.COMPANY
                        && surnames.contains(t.substring(n.start, n.end))) {
                    out.add(n);
                } else {
                    out.add(exact);
                }
                continue;
            }
            if (container != null) {
                if (container.type != null) {
                    out.add(container);
                } else {
                    out.add(n.blocked());
                }
                continue;
            }
            inside.removeIf(c -> c.type == null);
            if (inside.isEmpty()) {
                out.add(n.blocked());
                continue;
            }
            out.addAll(splitInside(t, tokens, n, inside));
        }
        for (int g = 0; g < found.size(); g++) {
            Cand c = found.get(g);
            if (!used[g] && c.type != null && !(c.type == EntityType.COMPANY
                    && surnames.contains(t.substring(c.start, c.end)))) {
                out.add(c);
            }
        }
        out.sort(Comparator.comparingInt((Cand c) -> c.start).thenComparingInt(c -> -c.end));
        List<Cand> kept = new ArrayList<>(out.size());
        int lastEnd = -1;
        for (Cand c : out) {
            if (c.start >= lastEnd) {
                kept.add(c);
                lastEnd = c.end;
            }
        }
        return kept;
    }

    /**
     * Company names shaped "Capitalised Words + legal form" ("Mark IV Industries Inc", "Shamrock Holdings of
     * California Inc"), found by walking back from each legal-form token. A name that overlaps nothing is
     * added; one that holds a shorter recognizer or list span of an organisation replaces it.
     */
    private List<Cand> withLegalNames(String t, List<Token> tokens, List<Cand> merged) {
        List<Cand> names = new ArrayList<>();
        boolean[] knownCompanyStart = new boolean[tokens.size()];
        boolean[] orgEnd = new boolean[tokens.size()];
        for (Cand c : merged) {
            if (c.entry != null && c.entry.type() == EntityType.COMPANY) {
                knownCompanyStart[c.firstToken] = true;
            }
            if (c.entry != null && (c.type == EntityType.ORGANIZATION || c.type == EntityType.COMPANY)) {
                orgEnd[c.endToken - 1] = true;
            }
        }
        for (int i = 1; i < tokens.size(); i++) {
            String form = tokens.get(i).text();
            if (form.length() > 12 || !Character.isLetter(form.charAt(0))) {
                continue;
            }
            int cut = form.length();
            while (cut > 1 && !Character.isLetter(form.charAt(cut - 1)) && form.charAt(cut - 1) != '.') {
                cut--;
            }
            if (!LEGAL_FORMS.contains(cut == form.length() ? form : form.substring(0, cut))) {
                continue;
            }
            int first = i;
            int j = i - 1;
            while (j >= 0 && i - j <= 7) {
                String w = tokens.get(j).text();
                boolean cap = Character.isUpperCase(w.charAt(0)) || Character.isDigit(w.charAt(0));
                if (cap && LEGAL_FORMS.contains(w) && !tokens.get(j + 1).text().equals("of")) {
                    break;
                }
                if (cap && !OPENERS.contains(w) && !pronouns.contains(w.toLowerCase(Locale.ROOT))) {
                    first = j;
                    if (knownCompanyStart[j]) {
                        break; // "Chinese Ant Group Co": the name starts with the known company
                    }
                    j--;
                } else if (w.equals(".") && j > 0 && first == j + 1 && tokens.get(j - 1).end() == tokens.get(j).start()
                        && tokens.get(j - 1).text().indexOf('.') > 0) {
                    j--;
                } else if ((w.equals("&") || w.equals("and") || w.equals("-")) && j > 0 && first == j + 1
                        && !(w.equals("and") && (orgEnd[j - 1] || knownCompanyStart[j + 1]))) {
                    // "Lasertec and Screen Holdings": two names when either side is a known name of its own
                    j--;
                } else if (w.equals("of") && j > 0 && first == j + 1
                        && gazetteer.cue(Gazetteer.Cue.COMPANY_SUFFIX, tokens.get(j - 1).text())) {
                    j--;
                } else {
                    break;
                }
            }
            while (first < i && !Character.isUpperCase(tokens.get(first).text().charAt(0))
                    && !Character.isDigit(tokens.get(first).text().charAt(0))) {
                first++;
            }
            if (first < i) {
                int end = i + 1;
                int endChar = tokens.get(i).start() + cut;
                while (LEGAL_FORMS.contains(tokens.get(end - 1).text()) && end < tokens.size() && end - i < 3
                        && LEGAL_FORMS.contains(tokens.get(end).text())) {
                    endChar = tokens.get(end).end();
                    end++;
                }
                Cand name = new Cand(tokens.get(first).start(), endChar, first, end, EntityType.COMPANY, null, false);
                name.legal = true;
                names.add(name);
                i = end - 1;
            }
        }
        if (names.isEmpty()) {
            return merged;
        }
        names = withRepeats(tokens, names);
        List<Cand> out = new ArrayList<>(merged.size() + names.size());
        int k = 0;
        for (Cand name : names) {
            List<Cand> over = new ArrayList<>(2);
            while (k < merged.size() && merged.get(k).end <= name.start) {
                out.add(merged.get(k++));
            }
            int k2 = k;
            while (k2 < merged.size() && merged.get(k2).start < name.end) {
                over.add(merged.get(k2++));
            }
            boolean replace = true;
            for (Cand c : over) {
                boolean inside = c.start >= name.start && c.end <= name.end;
                if (!inside || c.entry != null && c.entry.type() == EntityType.ORGANIZATION
                        || c.length() == name.length()) {
                    replace = false;
                }
            }
            if (replace) {
                name.surface = t.substring(name.start, name.end);
                out.add(name);
            } else {
                out.addAll(over);
            }
            k = k2;
        }
        while (k < merged.size()) {
            out.add(merged.get(k++));
        }
        return out;
    }

    /** Adds the later bare uses ("American Hoechst") of multi-word legal names ("American Hoechst Corp"). */
    private List<Cand> withRepeats(List<Token> tokens, List<Cand> names) {
        Set<String> bare = new HashSet<>();
        for (Cand n : names) {
            int last = n.endToken;
            while (last > n.firstToken && LEGAL_FORMS.contains(stripTrailing(tokens.get(last - 1).text()))) {
                last--;
            }
            if (last - n.firstToken >= 2) {
                bare.add(tokens.get(n.firstToken).text());
            }
        }
        if (bare.isEmpty()) {
            return names;
        }
        List<Cand> out = new ArrayList<>(names.size() * 2);
        int k = 0;
        for (int i = 0; i < tokens.size(); i++) {
            while (k < names.size() && names.get(k).endToken <= i) {
                out.add(names.get(k++));
            }
            if (k < names.size() && names.get(k).firstToken <= i) {
                continue;
            }
            if (!bare.contains(tokens.get(i).text())) {
                continue;
            }
            for (Cand n : names) {
                int len = n.endToken - n.firstToken;
                while (len > 0 && LEGAL_FORMS.contains(stripTrailing(tokens.get(n.firstToken + len - 1).text()))) {
                    len--;
                }
                if (len < 2 || i + len > tokens.size() || (k < names.size() && i + len > names.get(k).firstToken)) {
                    continue;
                }
                boolean same = true;
                for (int x = 0; x < len && same; x++) {
                    same = tokens.get(i + x).text().equals(tokens.get(n.firstToken + x).text());
                }
                if (same) {
                    Cand repeat = new Cand(tokens.get(i).start(), tokens.get(i + len - 1).end(), i, i + len,
                            EntityType.COMPANY, null, false);
                    repeat.legal = true;
                    out.add(repeat);
                    i += len - 1;
                    break;
                }
            }
        }
        while (k < names.size()) {
            out.add(names.get(k++));
        }
        out.sort(Comparator.comparingInt(c -> c.start));
        return out;
    }

    private static String stripTrailing(String w) {
        int cut = w.length();
        while (cut > 1 && !Character.isLetter(w.charAt(cut - 1)) && w.charAt(cut - 1) != '.') {
            cut--;
        }
        return w.substring(0, cut);
    }

    /** Last words of the recognizer's multi-word person mentions ("Michael Dell" gives "Dell"). */
    private static Set<String> surnames(List<Cand> tagged, String t) {
        Set<String> out = new HashSet<>();
        for (Cand c : tagged) {
            if (c.type == EntityType.PERSON) {
                int sp = t.lastIndexOf(' ', c.end - 1);
                if (sp > c.start) {
                    out.add(t.substring(sp + 1, c.end));
                }
            }
        }
        return out;
    }

    /**
     * A recognizer mention that holds known names: mentions made only of known names and connectors
     * ("U.S.-China") and miscellaneous mentions ("Chinese-made", "Google Gemini") give way to the known names;
     * "US Senate" splits into the country and the body; "Nvidia Corp" is the company; any other name keeps
     * its span ("University of Hong Kong Business School").
     */
    private List<Cand> splitInside(String t, List<Token> tokens, Cand n, List<Cand> inside) {
        boolean onlyKnown = true;
        int tok = n.firstToken;
        int k = 0;
        while (tok < n.endToken) {
            if (k < inside.size() && inside.get(k).firstToken == tok) {
                tok = inside.get(k).endToken;
                k++;
                continue;
            }
            String w = tokens.get(tok).text();
            if (!CONNECTORS.contains(w.toLowerCase(Locale.ROOT)) && !Character.isLowerCase(w.charAt(0))) {
                onlyKnown = false;
                break;
            }
            tok++;
        }
        if (onlyKnown) {
            return inside;
        }
        if (n.type == EntityType.MISC) {
            // "Chinese-made", "Google Gemini" give way; a title such as "Hotel Rwanda" keeps its country word
            List<Cand> out = new ArrayList<>(inside.size());
            for (Cand c : inside) {
                if (c.type == EntityType.COMPANY && c.start == n.start || c.type != EntityType.COUNTRY
                        || onlyLowerBesides(tokens, n, c)) {
                    out.add(c);
                }
            }
            return out.isEmpty() ? List.of(n.blocked()) : out;
        }
        Cand head = inside.get(0);
        if (head.start == n.start && head.endToken < n.endToken) {
            if (head.type == EntityType.COUNTRY && phraseAt(tokens, head.endToken, Gazetteer.Cue.GOVERNMENT)) {
                Token rest = tokens.get(head.endToken);
                List<Cand> out = new ArrayList<>(2);
                out.add(head);
                if (!PEOPLE_NOUNS.contains(rest.text().toLowerCase(Locale.ROOT))) {
                    out.add(new Cand(rest.start(), n.end, head.endToken, n.endToken, EntityType.ORGANIZATION, null, false));
                }
                return out;
            }
            if (head.type == EntityType.COMPANY && head.entry != null && n.type != EntityType.ORGANIZATION
                    && n.type != EntityType.LOCATION) {
                boolean tails = true;
                for (int j = head.endToken; j < n.endToken; j++) {
                    tails &= COMPANY_TAILS.contains(tokens.get(j).text());
                }
                if (tails) {
                    // "Coinbase Global" read as a person: the company under a fuller name
                    return List.of(new Cand(n.start, n.end, n.firstToken, n.endToken, EntityType.COMPANY, head.entry, false));
                }
            }
            if (head.type == EntityType.COMPANY && head.entry != null && n.type == EntityType.ORGANIZATION) {
                boolean suffixes = true;
                for (int j = head.endToken; j < n.endToken; j++) {
                    if (!gazetteer.cue(Gazetteer.Cue.COMPANY_SUFFIX, tokens.get(j).text())) {
                        suffixes = false;
                        break;
                    }
                }
                if (suffixes) {
                    return List.of(new Cand(n.start, n.end, n.firstToken, n.endToken, EntityType.COMPANY, head.entry, false));
                }
                boolean orgWord = false;
                for (int j = head.endToken; j < n.endToken; j++) {
                    orgWord |= gazetteer.cue(Gazetteer.Cue.ORG_WORD, tokens.get(j).text());
                }
                boolean model = false;
                for (int j = head.endToken; j < n.endToken; j++) {
                    String w = tokens.get(j).text();
                    model |= w.chars().anyMatch(Character::isDigit)
                            || w.length() <= 3 && w.equals(w.toUpperCase(Locale.ROOT)) && Character.isLetter(w.charAt(0));
                }
                if (model) {
                    return List.of(head); // a product with a model code: "Pentax Optio SV", "Microsoft 365"
                }
                boolean capitalised = true;
                for (int j = head.endToken; j < n.endToken; j++) {
                    capitalised &= Character.isUpperCase(tokens.get(j).text().charAt(0));
                }
                if (!orgWord && capitalised) {
                    // a unit named after its company ("ITV Digital", "Wells Fargo Alarm Services"): a company
                    Cand unit = new Cand(n.start, n.end, n.firstToken, n.endToken, EntityType.ORGANIZATION, null, false);
                    unit.legal = true;
                    return List.of(unit);
                }
            }
        }
        return List.of(n.blocked());
    }

    /** True when the tokens of {@code n} outside {@code inner} are connectors or lower-case words. */
    private static boolean onlyLowerBesides(List<Token> tokens, Cand n, Cand inner) {
        for (int j = n.firstToken; j < n.endToken; j++) {
            if (j >= inner.firstToken && j < inner.endToken) {
                continue;
            }
            String w = tokens.get(j).text();
            if (!CONNECTORS.contains(w) && !Character.isLowerCase(w.charAt(0))) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- typing

    /** Types a recognizer mention by the lists: countries, demonyms, known companies and bodies. */
    private void refine(String t, List<Token> tokens, Cand c, Set<String> personWords) {
        if (c.entry != null || c.type == null) {
            return;
        }
        EntityType tagged = c.type;
        int sp = c.surface.lastIndexOf(' ');
        if (tagged == EntityType.LOCATION && c.endToken - c.firstToken == 2
                && PERSON_TITLES.contains(tokens.get(c.firstToken).text())
                && gazetteer.notPerson(tokens.get(c.firstToken + 1).text()) == null
                && !(c.firstToken > 0 && tokens.get(c.firstToken - 1).text().equalsIgnoreCase("the"))) {
            c.type = EntityType.PERSON; // "Prince William", "President Macron" read as places
            return;
        }
        if ((tagged == EntityType.LOCATION || tagged == EntityType.MISC) && gazetteer.lookup(c.surface) == null
                && (afterStrongAtCue(t, tokens, c) || gazetteer.cue(Gazetteer.Cue.COMPANY_PREFIX,
                tokens.get(c.firstToken).text()) || sp > 0 && !c.surface.endsWith(" AI")
                && gazetteer.cue(Gazetteer.Cue.COMPANY_SUFFIX, c.surface.substring(sp + 1)))) {
            // "an analyst at Bernstein", "Banco BPM", "her label, Republic Records": an organisation to type
            c.type = EntityType.ORGANIZATION;
            c.undecided = true;
            return;
        }
        if (tagged != EntityType.ORGANIZATION && sp > 0 && LEGAL_FORMS.contains(c.surface.substring(sp + 1))) {
            // "Merlin International Petroleum Corp" tagged as a person or a product: an organisation to type
            c.type = EntityType.ORGANIZATION;
            c.undecided = true;
            return;
        }
        if (tagged == EntityType.PERSON) {
            if (c.surface.indexOf(' ') < 0 && !personWords.contains(c.surface)) {
                int len = c.surface.length();
                Gazetteer.Entry brand = len > 3 && c.surface.charAt(len - 1) == 's'
                        ? gazetteer.lookup(c.surface.substring(0, len - 1)) : null;
                if (brand != null && brand.type() == EntityType.COMPANY) {
                    c.type = EntityType.MISC; // "two Ferraris": cars of a make, not a person
                    return;
                }
                if (c.firstToken > 0 && tokens.get(c.firstToken - 1).text().equals("in")
                        && !(c.endToken < tokens.size() && isPossessive(tokens.get(c.endToken).text()))
                        && !(c.end + 1 < t.length() && NameTrie.isApostrophe(t.charAt(c.end)))) {
                    c.type = EntityType.LOCATION; // "an office in Mayfair": people are not "in" a person
                    return;
                }
            }
            // a lone word that names a product, an ambiguous company or a club ("Claude", "Ford", "Chelsea"),
            // unless it is part of a person's full name in this text ("Claude Monet", "Chelsea Clinton")
            if (c.surface.indexOf(' ') < 0 && !personWords.contains(c.surface)) {
                Gazetteer.Entry e = gazetteer.lookup(c.surface);
                if (e != null && (e.type() == EntityType.MISC || e.type() == EntityType.COMPANY
                        || e.type() == EntityType.ORGANIZATION)) {
                    c.entry = e;
                    c.type = e.type();
                }
            }
            return;
        }
        String surface = c.surface;
        Gazetteer.Entry e = gazetteer.lookup(surface);
        if (e == null && (tagged == EntityType.ORGANIZATION || tagged == EntityType.MISC)) {
            String stripped = stripSuffixes(surface);
            if (!stripped.equals(surface)) {
                e = gazetteer.lookup(stripped);
                if (e != null && e.type() != EntityType.COMPANY) {
                    e = null;
                }
            }
        }
        if (e != null && tagged == EntityType.LOCATION && e.type() != EntityType.COUNTRY
                && e.type() != EntityType.LOCATION) {
            e = null; // "Liverpool" the city, not the club
        }
        if (e != null && !(c.noCountry && e.type() == EntityType.COUNTRY)) {
            c.entry = e;
            c.type = e.type();
            return;
        }
        if (tagged == EntityType.ORGANIZATION) {
            c.undecided = true;
        }
        if (tagged == EntityType.LOCATION || tagged == EntityType.MISC || tagged == EntityType.ORGANIZATION) {
            c.type = tagged;
        }
    }

    private String stripSuffixes(String surface) {
        String s = surface;
        while (true) {
            int sp = s.lastIndexOf(' ');
            if (sp <= 0) {
                return s;
            }
            String last = s.substring(sp + 1);
            if (last.equals(",")) {
                s = s.substring(0, sp).trim();
                continue;
            }
            if (gazetteer.cue(Gazetteer.Cue.COMPANY_SUFFIX, last) && !last.equals("Group") && !last.equals("AI")) {
                s = s.substring(0, sp).trim();
                if (s.endsWith(",")) {
                    s = s.substring(0, s.length() - 1);
                }
            } else {
                return s;
            }
        }
    }

    // ---------------------------------------------------------------- grouping

    private List<Cluster> cluster(String t, List<Token> tokens, List<Cand> cands) {
        List<Cluster> clusters = new ArrayList<>();
        Map<Integer, Cluster> byEntry = new HashMap<>();
        Map<String, Cluster> byKey = new HashMap<>();
        List<Cand> people = new ArrayList<>();
        for (Cand c : cands) {
            if (c.entry == null && c.type == EntityType.PERSON) {
                people.add(c);
            }
        }
        List<Cluster> persons = clusterPeople(people);
        Map<String, List<Cluster>> surnames = bySurname(persons);
        List<Cand> orgs = new ArrayList<>();
        for (Cand c : cands) {
            if (c.entry == null && (c.type == EntityType.LOCATION || c.type == EntityType.MISC)
                    && c.surface.indexOf(' ') < 0 && joinPerson(c, surnames)) {
                continue;
            }
            if (c.entry != null) {
                Cluster cl = byEntry.get(c.entry.id());
                if (cl == null) {
                    cl = new Cluster(c.entry.type(), c.entry);
                    byEntry.put(c.entry.id(), cl);
                    clusters.add(cl);
                }
                cl.add(c);
            } else if (c.type == EntityType.PERSON) {
                continue;
            } else if (c.type == EntityType.ORGANIZATION || c.type == EntityType.COMPANY) {
                orgs.add(c);
            } else {
                String key = c.type + "\u0000" + Gazetteer.key(c.surface);
                Cluster cl = byKey.get(key);
                if (cl == null) {
                    cl = new Cluster(c.type, null);
                    byKey.put(key, cl);
                    clusters.add(cl);
                }
                cl.add(c);
            }
        }
        List<Cluster> organisations = clusterOrganisations(t, tokens, orgs, surnames);
        clusters.addAll(persons);
        clusters.addAll(organisations);
        reconcile(t, tokens, clusters, organisations);
        return clusters;
    }

    /**
     * Second thoughts on what the recognizer called people and miscellany: a "person" whose name ends like the
     * name of a thing ("Marshall Plan") takes that thing's type; one right after a strong company cue ("law
     * firm Tods Murray") or with a legal form in its name is a company; a person or miscellaneous name that is
     * the short form of exactly one organisation in the text ("Merlin" for "Merlin International Petroleum
     * Corp") joins it.
     */
    private void reconcile(String t, List<Token> tokens, List<Cluster> clusters, List<Cluster> organisations) {
        List<Cluster> orgs = new ArrayList<>(organisations);
        for (Cluster cl : clusters) {
            if (cl.entry != null && cl.type == EntityType.COMPANY) {
                cl.key = Gazetteer.key(stripSuffixes(cl.mentions.get(0).surface));
                orgs.add(cl);
            }
        }
        // "Elon Musk" tagged as an organisation, "Musk" as a person: one person
        Map<String, List<Cluster>> peopleByLast = new HashMap<>();
        for (Cluster p : clusters) {
            if (p.type == EntityType.PERSON && p.entry == null && !p.mentions.isEmpty()) {
                if (p.words.isEmpty()) {
                    p.words = nameWords(name(p));
                }
                if (!p.words.isEmpty()) {
                    addOnce(peopleByLast, p.words.get(p.words.size() - 1), p);
                }
            }
        }
        for (Cluster o : organisations) {
            if (o.mentions.isEmpty() || o.type != EntityType.ORGANIZATION || o.key.indexOf(' ') < 0
                    || score(t, tokens, o) != 0) {
                continue;
            }
            List<String> words = nameWords(name(o));
            Cluster person = null;
            int fits = 0;
            for (Cluster p : peopleByLast.getOrDefault(words.get(words.size() - 1), List.of())) {
                if (words.containsAll(p.words)) {
                    person = p;
                    fits++;
                }
            }
            if (fits == 1) {
                person.mentions.addAll(o.mentions);
                o.mentions.clear();
            }
        }
        orgs.removeIf(o -> o.mentions.isEmpty());
        Map<String, List<Cluster>> orgPrefixes = byPrefix(orgs, true);
        Map<String, List<Cluster>> companyWords = new HashMap<>();
        for (Cluster o : orgs) {
            if (o.type == EntityType.COMPANY && o.key.indexOf(' ') > 0) {
                for (String w : o.key.split(" ")) {
                    if (w.length() > 2) {
                        addOnce(companyWords, w, o);
                    }
                }
            }
        }
        for (Cluster cl : clusters) {
            if (cl.entry != null || cl.mentions.isEmpty()
                    || (cl.type != EntityType.PERSON && cl.type != EntityType.MISC)) {
                continue;
            }
            String name = name(cl);
            if (cl.type == EntityType.PERSON) {
                int sp = name.lastIndexOf(' ');
                EntityType thing = sp > 0 ? gazetteer.notPerson(name.substring(sp + 1)) : null;
                if (thing != null && cl.mentions.stream().anyMatch(c -> strongCompanyCue(t, tokens, c))) {
                    thing = EntityType.COMPANY; // "the consultancy Kantan Games"
                }
                if (thing != null) {
                    cl.type = thing;
                    continue;
                }
            }
            String key = Gazetteer.key(stripSuffixes(name));
            Cluster target = null;
            int fits = 0;
            for (Cluster o : orgPrefixes.getOrDefault(key, List.of())) {
                if (o != cl && !o.mentions.isEmpty()) {
                    target = o;
                    fits++;
                }
            }
            if (fits == 0 && cl.type == EntityType.PERSON && cl.words.size() == 1) {
                // "Reynolds" for "RJ Reynolds Tobacco": a lone word from exactly one company's name
                List<Cluster> hits = companyWords.getOrDefault(key, List.of());
                if (hits.size() == 1) {
                    target = hits.get(0);
                    fits = 1;
                }
            }
            if (fits == 1) {
                boolean same = target.key.equals(key) || cl.type == EntityType.PERSON && cl.words.size() == 1;
                if (cl.type == EntityType.PERSON && target.entry == null && target.type == EntityType.ORGANIZATION
                        && same && score(t, tokens, target) <= 0) {
                    // the recognizer called the same name a person and an organisation: a person
                    cl.mentions.addAll(target.mentions);
                    target.mentions.clear();
                } else {
                    target.mentions.addAll(cl.mentions);
                    cl.mentions.clear();
                }
                continue;
            }
            if (cl.type == EntityType.PERSON) {
                boolean company = !stripSuffixes(name).equals(name);
                for (Cand c : cl.mentions) {
                    if (company || strongCompanyCue(t, tokens, c)
                            || gazetteer.cue(Gazetteer.Cue.COMPANY_PREFIX, tokens.get(c.firstToken).text())) {
                        company = true;
                        break;
                    }
                }
                if (company) {
                    cl.type = EntityType.COMPANY;
                }
            }
        }
    }

    /** People: the longest names first; a shorter name joins the one whose words hold all of its words. */
    private List<Cluster> clusterPeople(List<Cand> people) {
        List<Cand> order = new ArrayList<>(people);
        for (Cand c : order) {
            c.words = nameWords(c.surface);
        }
        order.removeIf(c -> c.words.isEmpty()
                || c.words.size() == 1 && gazetteer.cue(Gazetteer.Cue.TITLE, c.words.get(0)));
        order.sort(Comparator.comparingInt((Cand c) -> -c.words.size()).thenComparingInt(c -> c.start));
        List<Cluster> out = new ArrayList<>();
        Map<String, List<Cluster>> byWord = new HashMap<>();
        for (Cand c : order) {
            Cluster best = null;
            int bestScore = 0;
            for (Cluster cl : byWord.getOrDefault(c.words.get(c.words.size() - 1), List.of())) {
                int s = cl.personMatch(c.words);
                if (s > bestScore) {
                    bestScore = s;
                    best = cl;
                }
            }
            if (best == null) {
                best = new Cluster(EntityType.PERSON, null);
                best.words = c.words;
                out.add(best);
                for (String w : new HashSet<>(c.words)) {
                    byWord.computeIfAbsent(w, k -> new ArrayList<>(2)).add(best);
                }
            }
            best.add(c);
        }
        return out;
    }

    /** Clusters by every word-boundary prefix of their key, the whole key too when {@code whole}. */
    private static Map<String, List<Cluster>> byPrefix(List<Cluster> clusters, boolean whole) {
        Map<String, List<Cluster>> out = new HashMap<>();
        for (Cluster cl : clusters) {
            String k = cl.key;
            int sp = k.indexOf(' ');
            while (sp > 0) {
                addOnce(out, k.substring(0, sp), cl);
                sp = k.indexOf(' ', sp + 1);
            }
            if (whole) {
                addOnce(out, k, cl);
            }
        }
        return out;
    }

    private static void addOnce(Map<String, List<Cluster>> map, String key, Cluster cl) {
        List<Cluster> l = map.computeIfAbsent(key, x -> new ArrayList<>(2));
        if (!l.contains(cl)) {
            l.add(cl);
        }
    }

    private static String initials(String key) {
        StringBuilder sb = new StringBuilder();
        for (String w : key.split(" ")) {
            if (w.isEmpty() || w.equals("of") || w.equals("and") || w.equals("the") || w.equals("for") || w.equals("&")) {
                continue;
            }
            sb.append(w.charAt(0));
        }
        return sb.toString();
    }

    private static Cluster root(Cluster c) {
        while (c.parent != null) {
            c = c.parent;
        }
        return c;
    }

    /** Words of a person's name without leading titles ("Mr", "President"). */
    private List<String> nameWords(String surface) {
        String[] parts = WS.split(surface);
        int from = 0;
        while (from < parts.length - 1) {
            String one = parts[from];
            String two = from + 1 < parts.length ? one + " " + parts[from + 1] : null;
            if (two != null && from + 2 < parts.length && gazetteer.cue(Gazetteer.Cue.TITLE, two)) {
                from += 2;
            } else if (gazetteer.cue(Gazetteer.Cue.TITLE, one)) {
                from++;
            } else {
                break;
            }
        }
        List<String> out = new ArrayList<>(parts.length - from);
        for (int i = from; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                out.add(parts[i]);
            }
        }
        return out;
    }

    /**
     * Organisations the lists do not know: grouped by name without legal suffix, short forms and acronyms
     * joined to the one longer name they abbreviate, single words that are a person's surname given to that
     * person, then typed company or organisation on the evidence of all their mentions.
     */
    private List<Cluster> clusterOrganisations(String t, List<Token> tokens, List<Cand> orgs,
                                               Map<String, List<Cluster>> surnames) {
        Map<String, Cluster> byKey = new HashMap<>();
        List<Cluster> out = new ArrayList<>();
        for (Cand c : orgs) {
            if (c.undecided && c.length() > 0 && c.surface.indexOf(' ') < 0 && joinPerson(c, surnames)) {
                continue;
            }
            String key = Gazetteer.key(stripSuffixes(stripThe(c.surface)));
            Cluster cl = byKey.get(key);
            if (cl == null) {
                cl = new Cluster(EntityType.ORGANIZATION, null);
                cl.key = key;
                byKey.put(key, cl);
                out.add(cl);
            }
            cl.add(c);
        }
        // short forms: "Goldman" -> "Goldman Sachs", "HKUST" -> its full name, when exactly one longer name fits
        Map<String, List<Cluster>> prefixes = byPrefix(out, false);
        Map<String, List<Cluster>> acronyms = new HashMap<>();
        for (Cluster cl : out) {
            if (cl.key.indexOf(' ') > 0) {
                String ini = initials(cl.key);
                if (ini.length() >= 2) {
                    addOnce(acronyms, ini, cl);
                }
            }
        }
        for (Cluster shortOne : out) {
            List<Cluster> fit = new ArrayList<>(prefixes.getOrDefault(shortOne.key, List.of()));
            if (shortOne.key.indexOf(' ') < 0) {
                for (Cluster a : acronyms.getOrDefault(shortOne.key, List.of())) {
                    if (!fit.contains(a)) {
                        fit.add(a);
                    }
                }
            }
            fit.remove(shortOne);
            if (fit.size() == 1) {
                Cluster target = root(fit.get(0));
                if (target != shortOne) {
                    shortOne.parent = target;
                }
            }
        }
        List<Cluster> merged = new ArrayList<>(out.size());
        for (Cluster cl : out) {
            Cluster r = root(cl);
            if (r == cl) {
                merged.add(cl);
            } else {
                r.mentions.addAll(cl.mentions);
                cl.mentions.clear();
            }
        }
        merged.removeIf(cl -> cl.mentions.isEmpty());
        for (Cluster cl : merged) {
            cl.type = score(t, tokens, cl) > 0 ? EntityType.COMPANY : EntityType.ORGANIZATION;
        }
        return merged;
    }

    private static String stripThe(String s) {
        return s.startsWith("The ") || s.startsWith("the ") ? s.substring(4) : s;
    }

    /** Gives a lone word that is a known person's surname to that person (tagger inconsistency). */
    private static boolean joinPerson(Cand c, Map<String, List<Cluster>> bySurname) {
        List<Cluster> hits = bySurname.get(c.surface);
        if (hits == null || hits.size() != 1) {
            return false;
        }
        c.type = EntityType.PERSON;
        hits.get(0).add(c);
        return true;
    }

    /** Multi-word people by the last word of their name. */
    private static Map<String, List<Cluster>> bySurname(List<Cluster> persons) {
        Map<String, List<Cluster>> out = new HashMap<>();
        for (Cluster p : persons) {
            if (p.words.size() > 1) {
                addOnce(out, p.words.get(p.words.size() - 1), p);
            }
        }
        return out;
    }

    /** {@link #classify} once per cluster (its mentions are final when it is first asked). */
    private double score(String t, List<Token> tokens, Cluster cl) {
        if (Double.isNaN(cl.score)) {
            cl.score = classify(t, tokens, cl);
        }
        return cl.score;
    }

    /** Evidence that an organisation is a company (positive) or another organisation (zero or negative). */
    private double classify(String t, List<Token> tokens, Cluster cl) {
        double score = 0;
        boolean suffix = false;
        boolean legalForm = false;
        boolean orgWord = false;
        boolean innerCap = false;
        for (Cand c : cl.mentions) {
            int sp = c.surface.lastIndexOf(' ');
            if (sp > 0 && gazetteer.cue(Gazetteer.Cue.COMPANY_SUFFIX, c.surface.substring(sp + 1))) {
                suffix = true;
            }
            if (c.legal || gazetteer.cue(Gazetteer.Cue.COMPANY_PREFIX, tokens.get(c.firstToken).text())
                    || sp > 0 && LEGAL_FORMS.contains(c.surface.substring(sp + 1))) {
                legalForm = true;
            }
            for (int j = c.firstToken; j < c.endToken; j++) {
                String w = tokens.get(j).text();
                if (j > c.firstToken && gazetteer.cue(Gazetteer.Cue.COMPANY_SUFFIX, w)) {
                    suffix = true;
                }
                if (gazetteer.cue(Gazetteer.Cue.ORG_WORD, w)) {
                    orgWord = true;
                }
                if (isInnerCap(w)) {
                    innerCap = true;
                }
            }
            String lower = c.surface.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".com") || lower.endsWith(".ai") || lower.endsWith(".io") || lower.endsWith(".co")) {
                suffix = true; // "Booking.com", "Character.ai"
            }
            if (c.endToken - c.firstToken >= 2 && tokens.get(c.endToken - 1).text().equals("Bank")) {
                score += 2;
            }
            if (c.companyPeer) {
                score += 1;
            }
            score += Math.max(-2, Math.min(2, context(t, tokens, c)));
        }
        if (legalForm) {
            score += 6; // "Meyer Detective Agency Inc" is a company whatever its words say
        } else if (suffix) {
            score += 3;
        }
        if (orgWord) {
            score -= 3;
        }
        if (innerCap) {
            score += 1.5;
        }
        return score;
    }

    private static boolean isInnerCap(String w) {
        for (int i = 1; i < w.length(); i++) {
            if (Character.isUpperCase(w.charAt(i)) && Character.isLowerCase(w.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }

    /** Context cues around one mention, within its sentence neighbourhood: +1 per company cue, -1 per other. */
    private double context(String t, List<Token> tokens, Cand c) {
        double s = 0;
        // the words before, as written ("start-up", "Ohio-based"), one to WINDOW tokens back
        for (int k = 1; k <= WINDOW && c.firstToken - k >= 0; k++) {
            Token from = tokens.get(c.firstToken - k);
            String w = from.text();
            if (w.equals(".") || w.equals("!") || w.equals("?")) {
                break;
            }
            String before = squeeze(t, from.start(), tokens.get(c.firstToken - 1).end());
            if (companyStrong.contains(before)) {
                s += 2;
            } else if (companyBefore.contains(before)) {
                s += 1;
            }
            if (orgBefore.contains(before)) {
                s -= 1;
            }
            if (k == 1) {
                int h = before.lastIndexOf('-');
                if (h > 0 && companyBefore.contains(before.substring(h))) {
                    s += 1;
                }
            }
        }
        if (appositive(tokens, c.endToken)) {
            s += 2;
        }
        for (int k = 0; k < WINDOW && c.endToken + k < tokens.size(); k++) {
            Token to = tokens.get(c.endToken + k);
            String w = to.text();
            if (k > 0 && (w.equals(".") || w.equals("!") || w.equals("?"))) {
                break;
            }
            String after = squeeze(t, tokens.get(c.endToken).start(), to.end());
            if (companyAfter.contains(after)) {
                s += 1;
            }
            if (orgAfter.contains(after)) {
                s -= 1;
            }
        }
        return s;
    }

    /** ", the Italian food group", ", a London-based start-up": an appositive headed by a company noun. */
    private boolean appositive(List<Token> tokens, int at) {
        if (at + 2 >= tokens.size() || !tokens.get(at).text().equals(",")) {
            return false;
        }
        String det = tokens.get(at + 1).text().toLowerCase(Locale.ROOT);
        if (!det.equals("the") && !det.equals("a") && !det.equals("an")) {
            return false;
        }
        for (int k = at + 2; k < at + 7 && k < tokens.size(); k++) {
            String w = tokens.get(k).text().toLowerCase(Locale.ROOT);
            if (k + 1 < tokens.size() && isPossessive(tokens.get(k + 1).text()) || isPossessive(w)) {
                return false; // ", the company's chief executive": the head is the person, not the company
            }
            if (companyNouns.contains(w)) {
                return true;
            }
            if (w.equals(",") || w.equals(".") || w.equals("of") || w.equals("which") || w.equals("that")
                    || w.equals("who") || APPOSITIVE_STOPS.contains(w)) {
                return false; // ", a partner at the venture firm": the firm is another name's
            }
        }
        return false;
    }

    private static boolean isPossessive(String w) {
        return w.equals("'s") || w.equals("\u2019s") || w.endsWith("'s") && w.length() > 2
                || w.endsWith("\u2019s") && w.length() > 2;
    }

    /** True when the mention follows a strong cue that ends in "at" ("analyst at", "lawyer at"). */
    private boolean afterStrongAtCue(String t, List<Token> tokens, Cand c) {
        if (c.firstToken < 2 || !tokens.get(c.firstToken - 1).text().equals("at")) {
            return false;
        }
        for (int k = 2; k <= 3 && c.firstToken - k >= 0; k++) {
            String before = squeeze(t, tokens.get(c.firstToken - k).start(), tokens.get(c.firstToken - 1).end());
            if (companyStrong.contains(before)) {
                return true;
            }
        }
        return false;
    }

    /** True when a mention right after a strong company cue ("law firm", "analyst at"). */
    private boolean strongCompanyCue(String t, List<Token> tokens, Cand c) {
        for (int k = 1; k <= 3 && c.firstToken - k >= 0; k++) {
            String before = squeeze(t, tokens.get(c.firstToken - k).start(), tokens.get(c.firstToken - 1).end());
            if (companyStrong.contains(before)) {
                return true;
            }
        }
        return appositive(tokens, c.endToken);
    }

    /** The text in {@code [from, to)}, lower case, each run of white space one space. */
    private static String squeeze(String t, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        boolean space = false;
        for (int i = from; i < to; i++) {
            char ch = t.charAt(i);
            if (Character.isWhitespace(ch) || ch == '\u00a0') {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(ch == '\u2019' ? '\'' : Character.toLowerCase(ch));
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- naming and salience

    private List<Entity> finish(TokenizedText text, String title, List<Cluster> clusters) {
        String t = text.text();
        int leadEnd = leadEnd(text);
        Set<Integer> titleEntries = new HashSet<>();
        List<Token> titleTokens = roughTokens(title);
        NameTrie trie = gazetteer.trie();
        for (int i = 0; i < titleTokens.size(); ) {
            NameTrie.Match m = trie.longest(title, titleTokens, i);
            if (m == null) {
                i++;
            } else {
                titleEntries.add(m.value());
                i = m.endToken();
            }
        }
        int maxCount = 1;
        for (Cluster cl : clusters) {
            maxCount = Math.max(maxCount, cl.mentions.size());
        }
        double norm = Math.log(1 + Math.max(3, maxCount));
        List<Entity> out = new ArrayList<>(clusters.size());
        for (Cluster cl : clusters) {
            if (cl.mentions.isEmpty()) {
                continue;
            }
            cl.mentions.sort(Comparator.comparingInt(c -> c.start));
            EntityType type = cl.type;
            String name = name(cl);
            String code = type == EntityType.COUNTRY ? cl.entry.code() : null;
            int first = cl.mentions.get(0).start;
            boolean inTitle = cl.entry != null ? titleEntries.contains(cl.entry.id()) : false;
            if (!inTitle) {
                for (Cand c : cl.mentions) {
                    if (containsWord(title, c.surface)) {
                        inTitle = true;
                        break;
                    }
                }
            }
            boolean inLead = first < leadEnd;
            double count = Math.min(1.0, Math.log(1 + cl.mentions.size()) / norm);
            double position = t.isEmpty() ? 0 : 1.0 - (double) first / t.length();
            double salience = 0.4 * count + 0.2 * position + (inTitle ? 0.25 : 0) + (inLead ? 0.15 : 0);
            salience = Math.max(0, Math.min(1, salience));
            List<Mention> ms = new ArrayList<>(cl.mentions.size());
            for (Cand c : cl.mentions) {
                ms.add(new Mention(c.surface, c.start, c.end, type));
            }
            out.add(new Entity(type, name, code, salience, ms));
        }
        out.sort(Comparator.comparingDouble((Entity e) -> -e.salience())
                .thenComparingInt(e -> e.mentions().get(0).start()));
        return out;
    }

    /** The fullest form: for a country its short name, for a person the longest name without titles. */
    private String name(Cluster cl) {
        if (cl.type == EntityType.COUNTRY) {
            return cl.entry.name();
        }
        Cand best = null;
        int bestWords = -1;
        for (Cand c : cl.mentions) {
            int words = cl.type == EntityType.PERSON ? c.words == null ? nameWords(c.surface).size() : c.words.size()
                    : WS.split(c.surface).length;
            if (words > bestWords || (words == bestWords && c.surface.length() > best.surface.length())) {
                best = c;
                bestWords = words;
            }
        }
        if (cl.type == EntityType.PERSON) {
            List<String> w = best.words == null ? nameWords(best.surface) : best.words;
            return String.join(" ", w);
        }
        return best.surface;
    }

    /** End offset of the lead: the first three sentences. */
    private static int leadEnd(TokenizedText text) {
        List<Sentence> s = text.sentences();
        if (s.isEmpty()) {
            return text.text().length();
        }
        return s.get(Math.min(2, s.size() - 1)).end();
    }

    /** White-space tokens with edge punctuation peeled off, good enough to find names in a title. */
    private static List<Token> roughTokens(String s) {
        List<Token> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int end = i;
            while (start < end && isEdgePunct(s.charAt(start))) {
                start++;
            }
            while (end > start && isEdgePunct(s.charAt(end - 1)) && !(s.charAt(end - 1) == '.' && end - start > 2
                    && s.charAt(end - 3) == '.')) {
                end--;
            }
            if (end > start) {
                out.add(new Token(s.substring(start, end), start, end));
            }
        }
        return out;
    }

    private static boolean containsWord(String haystack, String word) {
        if (word.isEmpty()) {
            return false;
        }
        int from = 0;
        while (true) {
            int i = haystack.indexOf(word, from);
            if (i < 0) {
                return false;
            }
            int e = i + word.length();
            boolean left = i == 0 || !Character.isLetterOrDigit(haystack.charAt(i - 1));
            boolean right = e == haystack.length() || !Character.isLetterOrDigit(haystack.charAt(e));
            if (left && right) {
                return true;
            }
            from = i + 1;
        }
    }

    // ---------------------------------------------------------------- per-call state

    /** A candidate mention during one call. Mutable, confined to the call. */
    private static final class Cand {
        final int start;
        final int end;
        final int firstToken;
        final int endToken;
        EntityType type;
        Gazetteer.Entry entry;
        final boolean fromList;
        boolean undecided;
        boolean noCountry;
        boolean legal;
        boolean companyPeer;
        String surface;
        List<String> words;

        Cand(int start, int end, int firstToken, int endToken, EntityType type, Gazetteer.Entry entry, boolean fromList) {
            this.start = start;
            this.end = end;
            this.firstToken = firstToken;
            this.endToken = endToken;
            this.type = type;
            this.entry = entry;
            this.fromList = fromList;
        }

        int length() {
            return end - start;
        }

        /** This mention, never typed as a country by the lists (it is a larger name). */
        Cand blocked() {
            noCountry = true;
            return this;
        }
    }

    /** The mentions of one thing during one call. Mutable, confined to the call. */
    private static final class Cluster {
        EntityType type;
        final Gazetteer.Entry entry;
        final List<Cand> mentions = new ArrayList<>();
        Cluster parent;
        double score = Double.NaN;
        List<String> words = List.of();
        String key = "";

        Cluster(EntityType type, Gazetteer.Entry entry) {
            this.type = type;
            this.entry = entry;
        }

        void add(Cand c) {
            mentions.add(c);
        }

        /** How well a person's name words fit this person: 0 none, 2 all words with the last, 1 all words. */
        int personMatch(List<String> w) {
            if (w.size() > words.size()) {
                return 0;
            }
            for (String x : w) {
                if (!words.contains(x)) {
                    return 0;
                }
            }
            return w.get(w.size() - 1).equals(words.get(words.size() - 1)) ? 2 : 1;
        }
    }
}
