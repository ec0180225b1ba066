package org.newsnlp.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsnlp.text.TextSegmenter;
import org.newsnlp.text.TokenizedText;

class NonNameMentionsTest {

    private static TextSegmenter segmenter;
    private static GazetteerEntityResolver resolver;

    @BeforeAll
    static void load() {
        segmenter = TextSegmenter.fast();
        resolver = GazetteerEntityResolver.english();
    }

    private static Set<String> names(String text, String surface, EntityType type) {
        TokenizedText t = segmenter.segment(text);
        int i = text.indexOf(surface);
        List<Mention> mentions = List.of(new Mention(surface, i, i + surface.length(), type));
        return resolver.resolve(t, "", mentions).stream().map(Entity::name).collect(Collectors.toSet());
    }

    @Test
    void commonAbbreviationTaggedAsOrganisationIsDropped() {
        assertFalse(names("China still lags behind in AI chips, he said.", "AI", EntityType.ORGANIZATION)
                .contains("AI"));
        assertFalse(names("The CEO said shares would rise.", "CEO", EntityType.ORGANIZATION).contains("CEO"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"US$", "HK$", "A$", "NZ$"})
    void currencyCodesAreAmountsNotNames(String code) {
        String text = "The deal is worth more than " + code + "4 billion, two people said.";
        assertFalse(names(text, code, EntityType.MISC).contains(code));
        assertTrue(GazetteerEntityResolver.isCurrencyCode(code));
    }

    @Test
    void dollarWordsThatAreNotCodesStayPossibleNames() {
        assertFalse(GazetteerEntityResolver.isCurrencyCode("Ke$ha"));
        assertFalse(GazetteerEntityResolver.isCurrencyCode("$"));
    }

    @Test
    void companyCreditedInACaptionIsStillAMention() {
        String text = "A poster seen at the fair. Photo: VCG via Getty Images";
        TokenizedText t = segmenter.segment(text);
        List<Entity> e = resolver.resolve(t, "", List.of());
        Set<String> companies = e.stream().filter(x -> x.type() == EntityType.COMPANY).map(Entity::name)
                .collect(Collectors.toSet());
        assertTrue(companies.contains("Getty Images"), companies.toString());
    }
}
