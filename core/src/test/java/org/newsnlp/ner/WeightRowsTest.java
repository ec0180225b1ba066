package org.newsnlp.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The packed weight table answers exactly like the full table it was packed from. */
class WeightRowsTest {

    @Test
    void packedRowsReadLikeTheFullTable() {
        int bits = 12;
        int labels = 9;
        short[] full = new short[labels << bits];
        SplittableRandom random = new SplittableRandom(7);
        for (int r = 0; r < (1 << bits); r++) {
            if (random.nextInt(10) == 0 || r == 0 || r == (1 << bits) - 1 || (r >= 64 && r < 128)) {
                for (int l = 0; l < labels; l++) {
                    full[r * labels + l] = (short) (random.nextInt(5) == 0 ? 0 : random.nextInt(-30000, 30000));
                }
                full[r * labels + random.nextInt(labels)] = 1; // never an all-zero row
            }
        }
        WeightRows packed = WeightRows.pack(full, bits, labels);
        int nonEmpty = 0;
        for (int r = 0; r < (1 << bits); r++) {
            boolean any = false;
            for (int l = 0; l < labels; l++) {
                assertEquals(full[r * labels + l], packed.get(r, l), "row " + r + " label " + l);
                any |= full[r * labels + l] != 0;
            }
            if (any) {
                assertEquals(r, packed.rowAt(nonEmpty), "non-empty row " + nonEmpty);
                assertEquals(nonEmpty * labels, packed.offset(r));
                nonEmpty++;
            } else {
                assertEquals(-1, packed.offset(r), "empty row " + r);
            }
        }
        assertEquals(nonEmpty, packed.size());
    }

    @Test
    void rowsMustComeInOrder() {
        WeightRows.Builder b = new WeightRows.Builder(8, 2);
        b.add(5, new short[] {1, 2});
        assertThrows(IllegalArgumentException.class, () -> b.add(5, new short[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> b.add(256, new short[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> WeightRows.pack(new short[10], 8, 2));
    }
}
