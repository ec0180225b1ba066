package org.newsnlp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenNlpLanguageIdentifierTest {

    private static LanguageDetectorModel model;
    private static OpenNlpLanguageIdentifier id;

    /** Short news-like texts in many scripts and languages, with the noise the normalisers remove. */
    private static final List<String> TEXTS = List.of(
            "The central bank raised interest rates on Thursday, surprising economists who had expected "
                    + "policymakers to wait until next year.",
            "Die Zentralbank hat am Donnerstag die Zinsen erhöht und damit Ökonomen überrascht, die erst im "
                    + "nächsten Jahr mit einem Schritt gerechnet hatten.",
            "La banque centrale a relevé ses taux jeudi, à la surprise des économistes qui attendaient une "
                    + "décision l'an prochain.",
            "El banco central subió los tipos de interés el jueves, sorprendiendo a los economistas que "
                    + "esperaban una decisión el próximo año.",
            "La banca centrale ha alzato i tassi giovedì, sorprendendo gli economisti che si aspettavano una "
                    + "decisione il prossimo anno.",
            "O banco central elevou os juros na quinta-feira, surpreendendo os economistas que esperavam uma "
                    + "decisão no próximo ano.",
            "De centrale bank verhoogde donderdag de rente, tot verrassing van economen die pas volgend jaar "
                    + "een besluit verwachtten.",
            "Центральный банк в четверг повысил процентные ставки, удивив экономистов, ожидавших решения в "
                    + "следующем году.",
            "Bank centralny podniósł w czwartek stopy procentowe, zaskakując ekonomistów, którzy spodziewali "
                    + "się decyzji w przyszłym roku.",
            "Merkez bankası perşembe günü faiz oranlarını artırarak gelecek yıl karar bekleyen ekonomistleri "
                    + "şaşırttı.",
            "Centralbanken höjde räntan i torsdags, till ekonomernas förvåning, som väntat sig ett beslut "
                    + "nästa år.",
            "Η κεντρική τράπεζα αύξησε τα επιτόκια την Πέμπτη, αιφνιδιάζοντας τους οικονομολόγους που "
                    + "περίμεναν απόφαση του χρόνου.",
            "中央银行周四宣布加息，令原本预计明年才会作出决定的经济学家感到意外。市场反应平稳。",
            "中央銀行は木曜日に利上げを発表し、来年の決定を予想していたエコノミストを驚かせた。",
            "رفع البنك المركزي أسعار الفائدة يوم الخميس، مما فاجأ الاقتصاديين الذين توقعوا قرارا في العام "
                    + "المقبل.",
            "केंद्रीय बैंक ने गुरुवार को ब्याज दरें बढ़ाकर उन अर्थशास्त्रियों को चौंका दिया जो अगले साल फैसले "
                    + "की उम्मीद कर रहे थे।",
            "Read more at https://example.com/news/2024/rates?id=123 or mail desk@example.com, follow "
                    + "@newsdesk #rates 😀😀 soooooo many numbers 1,234,567.89 and 3.5%",
            "Deseret \uD801\uDC00\uD801\uDC28 and a lone surrogate \uD800 in the middle of an English "
                    + "sentence about the weather today.",
            "SHARES FELL SHARPLY IN LONDON AS INVESTORS WORRIED ABOUT THE OUTLOOK FOR GLOBAL GROWTH.");

    @BeforeAll
    static void load() {
        model = OpenNlpModels.load(OpenNlpLanguageIdentifier.MODEL, "language model",
                "org.apache.opennlp:opennlp-models-langdetect", LanguageDetectorModel::new);
        id = new OpenNlpLanguageIdentifier(model);
    }

    @Test
    void identifiesEnglishAndGermanWithIso6391Codes() {
        assertEquals("en", id.identify(TEXTS.get(0)).code());
        assertEquals("de", id.identify(TEXTS.get(1)).code());
        assertEquals("zh", id.identify(TEXTS.get(12)).code());
    }

    @Test
    void scoresExactlyLikeOpenNlpsDetector() {
        LanguageDetectorME me = new LanguageDetectorME(model);
        List<String> texts = new ArrayList<>(TEXTS);
        texts.add(String.join(" ", TEXTS)); // a long mixed text
        texts.add(String.join(" ", java.util.Collections.nCopies(8, TEXTS.get(0)))); // settled early
        texts.add(TEXTS.get(2) + " " + TEXTS.get(2) + " " + TEXTS.get(0) + " " + TEXTS.get(0) + " " + TEXTS.get(0)); // French, then English
        for (String t : texts) {
            opennlp.tools.langdetect.Language[] expected = me.predictLanguages(t);
            double[] p = id.probabilities(t);
            List<String> langs = id.languages();
            assertEquals(expected.length, p.length);
            for (opennlp.tools.langdetect.Language l : expected) {
                assertEquals(l.getConfidence(), p[langs.indexOf(l.getLang())], 1e-6, l.getLang() + " for: " + t);
            }
            Language ours = id.identify(t); // may stop reading early, once the language is settled
            assertEquals(OpenNlpLanguageIdentifier.toIso1(expected[0].getLang()), ours.code(), t);
            if (t.length() <= OpenNlpLanguageIdentifier.PROBE_FROM) {
                assertEquals(expected[0].getConfidence(), ours.confidence(), 1e-6, t);
            } else { // a settled text reports the confidence reached when it stopped
                assertTrue(ours.confidence() > 0 && ours.confidence() <= expected[0].getConfidence() + 1e-6, t);
            }
        }
    }

    @Test
    void ngramsPackExactlyAndNeverToZero() {
        assertEquals(OpenNlpLanguageIdentifier.pack("abc", 0, 3), OpenNlpLanguageIdentifier.pack("ABC", 0, 3));
        assertTrue(OpenNlpLanguageIdentifier.pack("ab", 0, 2) != OpenNlpLanguageIdentifier.pack("\u0000ab", 0, 3));
        assertTrue(OpenNlpLanguageIdentifier.pack("\u0000", 0, 1) > 1);
    }

    @Test
    void tooLittleTextIsUndetermined() {
        assertEquals(Language.UNDETERMINED, id.identify("OK"));
    }
}
