package org.newsnlp.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsnlp.NewsNlpException;
import org.newsnlp.text.Token;

class GazetteerTest {

    private static final Gazetteer G = Gazetteer.english();

    @Test
    void coversAllCountriesAndSeveralHundredCompanies() {
        assertTrue(G.size(EntityType.COUNTRY) >= 249, "countries: " + G.size(EntityType.COUNTRY));
        assertTrue(G.size(EntityType.COMPANY) >= 500, "companies: " + G.size(EntityType.COMPANY));
    }

    @ParameterizedTest
    @CsvSource({"U.S., US", "United States of America, US", "britain, GB", "Emirati, AE", "DPRK, KP",
            "Czechia, CZ", "Hong Kong, HK", "Taiwanese, TW", "Burma, MM"})
    void looksUpCountriesByAnyName(String surface, String code) {
        assertEquals(code, G.lookup(surface).code());
    }

    @Test
    void keepsParentsAndSubsidiariesApart() {
        assertEquals("Microsoft", G.lookup("Microsoft Corp.").name());
        assertNotEquals(G.lookup("Alphabet").id(), G.lookup("Google").id());
        assertNotEquals(G.lookup("Meta").id(), G.lookup("Instagram").id());
        assertEquals(EntityType.COMPANY, G.lookup("DeepSeek").type());
        assertEquals(EntityType.ORGANIZATION, G.lookup("Reuters").type());
        assertEquals(EntityType.ORGANIZATION, G.lookup("Bank of England").type());
        assertNull(G.lookup("Georgia"));
    }

    @Test
    void trieMatchesWholeTokensOnly() {
        NameTrie t = new NameTrie();
        t.add("China", 0);
        t.add("U.S.", 1);
        t.add("South China Sea", 2);
        t.freeze();
        String text = "Chinatown U.S.-based South  China Sea China's";
        List<Token> toks = List.of(new Token("Chinatown", 0, 9), new Token("U.S.", 10, 14), new Token("-", 14, 15),
                new Token("based", 15, 20), new Token("South", 21, 26), new Token("China", 28, 33),
                new Token("Sea", 34, 37), new Token("China's", 38, 45));
        assertNull(t.longest(text, toks, 0));
        assertEquals(1, t.longest(text, toks, 1).value());
        NameTrie.Match sea = t.longest(text, toks, 4);
        assertEquals(2, sea.value());
        assertEquals(7, sea.endToken());
        NameTrie.Match poss = t.longest(text, toks, 7);
        assertEquals(0, poss.value());
        assertEquals("China", text.substring(poss.start(), poss.end()));
    }

    @Test
    void rejectsMalformedFilesNamingTheLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("countries.tsv"), "USA\tUnited States\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("companies.tsv"), "Acme\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("names.tsv"), "", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("cues.tsv"), "", StandardCharsets.UTF_8);
        NewsNlpException e = assertThrows(NewsNlpException.class, () -> Gazetteer.load(dir));
        assertTrue(e.getMessage().contains("countries.tsv line 1"), e.getMessage());
        Files.writeString(dir.resolve("countries.tsv"), "US\tUnited States\tUS\tAmerican\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("cues.tsv"), "suffix\tInc\n", StandardCharsets.UTF_8);
        e = assertThrows(NewsNlpException.class, () -> Gazetteer.load(dir));
        assertTrue(e.getMessage().contains("unknown cue section 'suffix'"), e.getMessage());
        Files.writeString(dir.resolve("cues.tsv"), "company-suffix\tInc\n", StandardCharsets.UTF_8);
        Gazetteer g = Gazetteer.load(dir);
        assertNotNull(g.lookup("American"));
        assertEquals(2, g.size());
    }
}
