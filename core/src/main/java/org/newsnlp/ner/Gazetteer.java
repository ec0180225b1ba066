package org.newsnlp.ner;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.newsnlp.NewsNlpException;
import org.newsnlp.internal.LongIntMap;

/**
 * Name lists by entity type, collected from the names of a training set: matches token sequences
 * (longest first) and single words. Immutable after construction and safe to share between threads.
 */
final class Gazetteer {

    static final int TYPES = 4;
    static final int MAX_LENGTH = 8;
    /** Bits per type in a token's mask: starts a match, continues a match, word of a name. */
    static final int BITS_PER_TYPE = 3;

    private final List<String[]> names;
    private final byte[] masks;
    /**
     * Per hash of a token sequence ({@link Hashing#mix} chained from 0 over the tokens' hashes): bits 0-3 the
     * types of the names it is, bit {@link #PREFIX} when it begins a longer name, and for a single token bits
     * {@link #WORD_SHIFT}.. the types of the names it occurs in. One lookup answers all three for most tokens.
     */
    private final LongIntMap sequences;
    private static final int PREFIX = 1 << 8;
    private static final int WORD_SHIFT = 16;

    private Gazetteer(List<String[]> names, byte[] masks) {
        this.names = names;
        this.masks = masks;
        sequences = new LongIntMap(names.size() * 3);
        for (int i = 0; i < names.size(); i++) {
            String[] n = names.get(i);
            long h = 0;
            for (int j = 0; j < n.length; j++) {
                h = Hashing.mix(h, Hashing.chars(n[j]));
                if (j < n.length - 1) {
                    sequences.put(h, sequences.get(h, 0) | PREFIX);
                }
                long w = Hashing.mix(0, Hashing.chars(n[j]));
                sequences.put(w, sequences.get(w, 0) | ((masks[i] & 0x0F) << WORD_SHIFT));
            }
            sequences.put(h, sequences.get(h, 0) | (masks[i] & 0x0F));
        }
    }

    static Gazetteer empty() {
        return new Gazetteer(List.of(), new byte[0]);
    }

    /** Collects names: {@code names} maps a space-joined token sequence to a type bit mask. */
    static Gazetteer of(Map<String, Integer> names) {
        List<String[]> list = new ArrayList<>(names.size());
        byte[] m = new byte[names.size()];
        int i = 0;
        for (Map.Entry<String, Integer> e : names.entrySet()) {
            String[] toks = e.getKey().split(" ");
            if (toks.length > MAX_LENGTH) {
                continue;
            }
            list.add(toks);
            m[i++] = (byte) (int) e.getValue();
        }
        return new Gazetteer(list, java.util.Arrays.copyOf(m, i));
    }

    /** Adds the gold entities of {@code sentences} (BIO tags) into {@code into}. */
    static void collect(List<String[]> tokens, List<String[]> bio, Map<String, Integer> into) {
        for (int s = 0; s < tokens.size(); s++) {
            String[] t = tokens.get(s);
            String[] b = bio.get(s);
            int i = 0;
            while (i < t.length) {
                if (b[i].startsWith("B-")) {
                    int type = typeIndex(b[i].substring(2));
                    int j = i + 1;
                    while (j < t.length && b[j].startsWith("I-")) {
                        j++;
                    }
                    if (type >= 0 && j - i <= MAX_LENGTH) {
                        String key = String.join(" ", java.util.Arrays.asList(t).subList(i, j));
                        into.merge(key, 1 << type, (x, y) -> x | y);
                    }
                    i = j;
                } else {
                    i++;
                }
            }
        }
    }

    static int typeIndex(String type) {
        return switch (type) {
            case "PER" -> 0;
            case "ORG" -> 1;
            case "LOC" -> 2;
            case "MISC" -> 3;
            default -> -1;
        };
    }

    int size() {
        return names.size();
    }

    /**
     * Match bits per token: for type {@code t}, bit {@code 3t} when a longest match of type t starts at the
     * token, {@code 3t+1} when one covers it after its start, {@code 3t+2} when the word occurs in a name of
     * type t.
     */
    void match(String[] tokens, long[] hashes, int[] out) {
        int n = tokens.length;
        for (int i = 0; i < n; i++) {
            out[i] = 0;
        }
        if (names.isEmpty()) {
            return;
        }
        for (int i = 0; i < n; i++) {
            long h = 0;
            int bestEnd = -1;
            int bestMask = 0;
            for (int j = i; j < n && j - i < MAX_LENGTH; j++) {
                h = Hashing.mix(h, hashes[j]);
                int v = sequences.get(h, 0);
                if (j == i) {
                    int wm = v >>> WORD_SHIFT;
                    for (int t = 0; t < TYPES; t++) {
                        if ((wm & (1 << t)) != 0) {
                            out[i] |= 1 << (BITS_PER_TYPE * t + 2);
                        }
                    }
                }
                int m = v & 0xFF;
                if (m != 0) {
                    bestEnd = j + 1;
                    bestMask = m;
                }
                if ((v & PREFIX) == 0) {
                    break;
                }
            }
            if (bestEnd > 0) {
                for (int t = 0; t < TYPES; t++) {
                    if ((bestMask & (1 << t)) != 0) {
                        out[i] |= 1 << (BITS_PER_TYPE * t);
                        for (int k = i + 1; k < bestEnd; k++) {
                            out[k] |= 1 << (BITS_PER_TYPE * t + 1);
                        }
                    }
                }
            }
        }
    }

    void write(DataOutputStream d) throws IOException {
        d.writeInt(names.size());
        for (int i = 0; i < names.size(); i++) {
            String[] n = names.get(i);
            d.writeByte(n.length);
            for (String s : n) {
                d.writeUTF(s);
            }
            d.writeByte(masks[i]);
        }
    }

    static Gazetteer read(DataInputStream d, String source) throws IOException {
        int n = d.readInt();
        if (n < 0 || n > 10_000_000) {
            throw new NewsNlpException(source + ": corrupt gazetteer (" + n + " names)");
        }
        List<String[]> list = new ArrayList<>(n);
        byte[] m = new byte[n];
        for (int i = 0; i < n; i++) {
            int len = d.readUnsignedByte();
            if (len < 1 || len > MAX_LENGTH) {
                throw new NewsNlpException(source + ": corrupt gazetteer (name of " + len + " tokens)");
            }
            String[] t = new String[len];
            for (int j = 0; j < len; j++) {
                t[j] = d.readUTF();
            }
            list.add(t);
            m[i] = d.readByte();
        }
        return new Gazetteer(list, m);
    }
}
