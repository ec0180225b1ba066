package org.newsnlp.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.newsnlp.NewsNlpException;

/**
 * The name lists behind {@link GazetteerEntityResolver}: countries and territories with their ISO 3166-1
 * alpha-2 codes, names, abbreviations and demonyms; companies with their aliases; other well-known names
 * (news outlets, public bodies, places); and the cue words that type organisations.
 *
 * <pre>{@code
 * Gazetteer g = Gazetteer.english();
 * g.lookup("U.S.").code();            // "US"
 * g.lookup("Microsoft Corp.").name(); // "Microsoft"
 * }</pre>
 *
 * <p>The files are UTF-8 tab-separated text, described in the README beside the shipped lists in
 * {@code org/newsnlp/entity/}. Instances are immutable and safe to share between threads.
 */
public final class Gazetteer {

    /** Classpath folder of the shipped English lists. */
    public static final String ENGLISH = "org/newsnlp/entity/";

    static final String COUNTRIES = "countries.tsv";
    static final String COMPANIES = "companies.tsv";
    static final String NAMES = "names.tsv";
    static final String CUES = "cues.tsv";

    /**
     * One known name.
     *
     * @param type the entity type it names
     * @param name its canonical name
     * @param code ISO 3166-1 alpha-2 code of a country, otherwise {@code null}
     * @param id   a stable index, equal for all aliases of one thing
     */
    public record Entry(EntityType type, String name, String code, int id) {
        public Entry {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
        }
    }

    /** The kinds of cue the cue file holds. */
    enum Cue {
        COMPANY_SUFFIX("company-suffix"), ORG_WORD("org-word"), CONTINUATION("continuation"), PREFIX("prefix"),
        GOVERNMENT("government"), COMPANY_BEFORE("company-before"), COMPANY_AFTER("company-after"),
        ORG_BEFORE("org-before"), ORG_AFTER("org-after"), TITLE("title"), PRONOUN("pronoun"),
        COMPANY_PREFIX("company-prefix"), COMPANY_NOUN("company-noun"), COMPANY_STRONG("company-strong"),
        NOT_PERSON("not-person"), PERSON_BEFORE("person-before"), NOT_NAME("not-name");

        final String key;

        Cue(String key) {
            this.key = key;
        }
    }

    private final List<Entry> entries;
    private final NameTrie trie;
    private final Map<String, Integer> byKey;
    private final Map<String, Entry> countriesByCode;
    private final Map<Cue, Set<String>> cues;
    private final Map<String, EntityType> notPerson;

    private Gazetteer(List<Entry> entries, NameTrie trie, Map<String, Integer> byKey,
                      Map<String, Entry> countriesByCode, Map<Cue, Set<String>> cues,
                      Map<String, EntityType> notPerson) {
        this.notPerson = Map.copyOf(notPerson);
        this.entries = List.copyOf(entries);
        this.trie = trie.freeze();
        this.byKey = Map.copyOf(byKey);
        this.countriesByCode = Map.copyOf(countriesByCode);
        this.cues = Collections.unmodifiableMap(cues);
    }

    /** The shipped English lists, from the classpath. */
    public static Gazetteer english() {
        return fromClasspath(ENGLISH);
    }

    /**
     * Lists from a classpath folder holding {@code countries.tsv}, {@code companies.tsv}, {@code names.tsv}
     * and {@code cues.tsv}.
     *
     * @throws NewsNlpException when a file is missing or malformed
     */
    public static Gazetteer fromClasspath(String folder) {
        Objects.requireNonNull(folder, "folder");
        String base = folder.endsWith("/") ? folder : folder + "/";
        ClassLoader cl = Gazetteer.class.getClassLoader();
        Builder b = new Builder();
        for (String file : List.of(COUNTRIES, COMPANIES, NAMES, CUES)) {
            String res = base + file;
            try (InputStream in = cl.getResourceAsStream(res)) {
                if (in == null) {
                    throw new NewsNlpException("gazetteer file " + res + " is not on the classpath");
                }
                b.read(file, res, new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new NewsNlpException("cannot read gazetteer file " + res + ": " + e.getMessage(), e);
            }
        }
        return b.build();
    }

    /**
     * Lists from a folder on disk with the same four files as the shipped ones.
     *
     * @throws IOException      when a file cannot be read
     * @throws NewsNlpException when a file is malformed
     */
    public static Gazetteer load(Path folder) throws IOException {
        Objects.requireNonNull(folder, "folder");
        Builder b = new Builder();
        for (String file : List.of(COUNTRIES, COMPANIES, NAMES, CUES)) {
            Path p = folder.resolve(file);
            try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                b.read(file, p.toString(), r);
            }
        }
        return b.build();
    }

    /** The known thing named exactly {@code surface} (case-insensitive, aliases included), or {@code null}. */
    public Entry lookup(String surface) {
        Integer i = byKey.get(key(surface));
        return i == null ? null : entries.get(i);
    }

    /** The country with ISO 3166-1 alpha-2 {@code code}, or {@code null}. */
    public Entry country(String code) {
        return countriesByCode.get(code);
    }

    /** Number of known things (countries, companies and other names). */
    public int size() {
        return entries.size();
    }

    /** Number of known things of {@code type}. */
    public int size(EntityType type) {
        int n = 0;
        for (Entry e : entries) {
            if (e.type() == type) {
                n++;
            }
        }
        return n;
    }

    Entry entry(int id) {
        return entries.get(id);
    }

    NameTrie trie() {
        return trie;
    }

    boolean cue(Cue cue, String word) {
        return cues.get(cue).contains(word);
    }

    Set<String> cues(Cue cue) {
        return cues.get(cue);
    }

    /** The type of a name ending in {@code lastWord} when that word ends names of things ("Plan"), or null. */
    EntityType notPerson(String lastWord) {
        return notPerson.get(lastWord);
    }

    /** The lookup key of a surface form: case-folded, typographic apostrophes and spaces normalised. */
    static String key(String surface) {
        StringBuilder sb = new StringBuilder(surface.length());
        boolean space = false;
        for (int i = 0; i < surface.length(); i++) {
            char c = surface.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(c == '\u2019' || c == '\u2018' ? '\'' : c);
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** Collects entries while the files are read. Not thread-safe. */
    private static final class Builder {
        private final List<Entry> entries = new ArrayList<>();
        private final NameTrie trie = new NameTrie();
        private final Map<String, Integer> byKey = new HashMap<>();
        private final Map<String, Entry> countries = new HashMap<>();
        private final Map<Cue, Set<String>> cues = new EnumMap<>(Cue.class);
        private final Map<String, EntityType> notPerson = new HashMap<>();

        Builder() {
            for (Cue c : Cue.values()) {
                cues.put(c, new HashSet<>());
            }
        }

        void read(String file, String source, Reader reader) throws IOException {
            BufferedReader r = new BufferedReader(reader);
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                String where = source + " line " + no;
                switch (file) {
                    case COUNTRIES -> country(f, where);
                    case COMPANIES -> named(EntityType.COMPANY, f, 0, where);
                    case NAMES -> {
                        EntityType t;
                        try {
                            t = EntityType.valueOf(f[0]);
                        } catch (IllegalArgumentException e) {
                            throw new NewsNlpException(where + ": unknown type '" + f[0]
                                    + "', expected ORGANIZATION, LOCATION or MISC");
                        }
                        named(t, f, 1, where);
                    }
                    case CUES -> cue(f, where);
                    default -> throw new IllegalArgumentException("unknown gazetteer file " + file);
                }
            }
        }

        private void country(String[] f, String where) {
            if (f.length < 2 || f[0].length() != 2 || !f[0].equals(f[0].toUpperCase(Locale.ROOT))) {
                throw new NewsNlpException(where + ": expected 'CODE<TAB>name<TAB>aliases<TAB>adjectives'"
                        + " with a two-letter upper-case ISO 3166-1 code");
            }
            Entry e = new Entry(EntityType.COUNTRY, f[1].trim(), f[0], entries.size());
            entries.add(e);
            countries.put(e.code(), e);
            List<String> names = new ArrayList<>();
            names.add(f[1]);
            for (int i = 2; i < f.length; i++) {
                names.addAll(List.of(f[i].split("\\|")));
            }
            addNames(e, names);
        }

        private void named(EntityType type, String[] f, int at, String where) {
            if (f.length <= at || f[at].isBlank()) {
                throw new NewsNlpException(where + ": expected a name");
            }
            Entry e = new Entry(type, f[at].trim(), null, entries.size());
            entries.add(e);
            List<String> names = new ArrayList<>();
            names.add(f[at]);
            if (f.length > at + 1) {
                names.addAll(List.of(f[at + 1].split("\\|")));
            }
            addNames(e, names);
        }

        private void addNames(Entry e, List<String> names) {
            Set<String> ambiguous = new HashSet<>();
            Set<String> never = new HashSet<>();
            for (String n : names) {
                if (n.startsWith("~")) {
                    ambiguous.add(n.substring(1).trim());
                } else if (n.startsWith("!")) {
                    never.add(n.substring(1).trim());
                }
            }
            for (String raw : names) {
                String n = raw.startsWith("~") || raw.startsWith("!") ? raw.substring(1).trim() : raw.trim();
                if (n.isEmpty() || never.contains(n)) {
                    continue;
                }
                byKey.putIfAbsent(key(n), e.id());
                if (!ambiguous.contains(n)) {
                    trie.add(n, e.id());
                }
            }
        }

        private void cue(String[] f, String where) {
            if (f.length == 3 && f[0].equals(Cue.NOT_PERSON.key)) {
                try {
                    notPerson.put(f[1], EntityType.valueOf(f[2]));
                } catch (IllegalArgumentException e) {
                    throw new NewsNlpException(where + ": unknown type '" + f[2] + "', expected one of "
                            + List.of(EntityType.values()));
                }
                cues.get(Cue.NOT_PERSON).add(f[1]);
                return;
            }
            if (f.length != 2 || f[1].isBlank()) {
                throw new NewsNlpException(where + ": expected 'section<TAB>word'"
                        + " (or 'not-person<TAB>word<TAB>TYPE')");
            }
            for (Cue c : Cue.values()) {
                if (c.key.equals(f[0])) {
                    cues.get(c).add(f[1]);
                    return;
                }
            }
            List<String> valid = new ArrayList<>();
            for (Cue c : Cue.values()) {
                valid.add(c.key);
            }
            throw new NewsNlpException(where + ": unknown cue section '" + f[0] + "', expected one of " + valid);
        }

        Gazetteer build() {
            Map<Cue, Set<String>> frozen = new EnumMap<>(Cue.class);
            for (Map.Entry<Cue, Set<String>> c : cues.entrySet()) {
                frozen.put(c.getKey(), Set.copyOf(c.getValue()));
            }
            return new Gazetteer(entries, trie, byKey, countries, frozen, notPerson);
        }
    }
}
