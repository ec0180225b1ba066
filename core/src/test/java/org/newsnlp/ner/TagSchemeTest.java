package org.newsnlp.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TagSchemeTest {

    @Test
    void readsIob1AsConllevalDoes() {
        List<String> iob1 = List.of("I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG", "I-ORG");
        assertArrayEquals(new String[] {"B-PER", "I-PER", "B-PER", "O", "B-LOC", "B-ORG", "I-ORG"},
                TagScheme.toBio(iob1));
    }

    @Test
    void writesIob1WithBOnlyBetweenAdjacentEntitiesOfOneType() {
        String[] bio = {"B-PER", "I-PER", "B-PER", "O", "B-LOC", "B-ORG"};
        assertArrayEquals(new String[] {"I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG"}, TagScheme.IOB1.fromBio(bio));
        assertArrayEquals(bio, TagScheme.BIO.fromBio(bio));
    }

    @Test
    void roundTripsBetweenSchemes() {
        String[] bio = {"O", "B-MISC", "B-MISC", "I-MISC", "O", "B-ORG"};
        assertArrayEquals(bio, TagScheme.toBio(List.of(TagScheme.IOB1.fromBio(bio))));
    }

    @Test
    void cutsChunksWithTheirTypes() {
        List<String> types = new ArrayList<>();
        List<int[]> c = TagScheme.chunks(List.of("I-ORG", "I-ORG", "O", "I-PER", "B-PER"), types);
        assertEquals(3, c.size());
        assertArrayEquals(new int[] {0, 2, 0}, c.get(0));
        assertArrayEquals(new int[] {3, 4, 1}, c.get(1));
        assertArrayEquals(new int[] {4, 5, 1}, c.get(2));
        assertEquals(List.of("ORG", "PER"), types);
    }
}
