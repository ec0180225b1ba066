package org.newsnlp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenNlpLanguageIdentifierTest {

    private static LanguageIdentifier id;

    @BeforeAll
    static void load() {
        id = OpenNlpLanguageIdentifier.load();
    }

    @Test
    void identifiesEnglishAndGermanWithIso6391Codes() {
        assertEquals("en", id.identify("The central bank raised interest rates on Thursday, surprising "
                + "economists who had expected policymakers to wait until next year.").code());
        assertEquals("de", id.identify("Die Zentralbank hat am Donnerstag die Zinsen erhöht und damit "
                + "Ökonomen überrascht, die erst im nächsten Jahr mit einem Schritt gerechnet hatten.").code());
    }

    @Test
    void tooLittleTextIsUndetermined() {
        assertEquals(Language.UNDETERMINED, id.identify("OK"));
    }
}
