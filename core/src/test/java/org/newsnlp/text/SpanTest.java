package org.newsnlp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpanTest {

    @Test
    void coversHalfOpenRange() {
        Span s = new Span(4, 9);
        assertEquals("Times", s.coveredText("The Times said"));
        assertEquals(5, s.length());
    }

    @Test
    void rejectsInvertedOffsetsWithMessageNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Span(5, 2));
        assertTrue(e.getMessage().contains("[5, 2)"), e.getMessage());
    }

    @Test
    void overlapIsStrictAtBoundaries() {
        assertFalse(new Span(0, 3).overlaps(new Span(3, 5)));
        assertTrue(new Span(0, 4).overlaps(new Span(3, 5)));
        assertTrue(new Span(0, 10).contains(new Span(3, 5)));
    }

    @Test
    void tokenMustMatchItsOffsets() {
        assertThrows(IllegalArgumentException.class, () -> new Token("abc", 0, 2));
    }
}
