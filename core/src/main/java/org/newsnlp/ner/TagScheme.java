package org.newsnlp.ner;

import java.util.ArrayList;
import java.util.List;

/**
 * The two ways CoNLL files write entity tags. In {@link #IOB1} (CoNLL-2003's own) every entity token is
 * {@code I-X} and {@code B-X} only starts an entity that directly follows another of the same type; in
 * {@link #BIO} (IOB2) every entity starts with {@code B-X}. Both read the same way in conlleval.
 *
 * <pre>{@code
 * String[] bio = TagScheme.toBio(List.of("I-PER", "I-PER", "O"));   // B-PER I-PER O
 * String[] iob1 = TagScheme.IOB1.fromBio(bio);                        // I-PER I-PER O
 * }</pre>
 */
public enum TagScheme {
    /** CoNLL-2003: {@code B-} only between two adjacent entities of the same type. */
    IOB1,
    /** IOB2: every entity begins with {@code B-}. */
    BIO;

    /** The type of a tag ({@code "PER"} for {@code "I-PER"}), or {@code ""} for {@code O}. */
    public static String typeOf(String tag) {
        return tag.length() > 2 && tag.charAt(1) == '-' ? tag.substring(2) : "";
    }

    private static char prefixOf(String tag) {
        return tag.length() > 2 && tag.charAt(1) == '-' ? tag.charAt(0) : 'O';
    }

    /** Converts tags in either scheme to BIO, reading them as conlleval does. */
    public static String[] toBio(List<String> tags) {
        String[] out = new String[tags.size()];
        String prevType = "";
        char prevPrefix = 'O';
        for (int i = 0; i < out.length; i++) {
            String tag = tags.get(i);
            char p = prefixOf(tag);
            String type = typeOf(tag);
            if (p == 'O') {
                out[i] = "O";
            } else if (startsChunk(prevPrefix, prevType, p, type)) {
                out[i] = "B-" + type;
            } else {
                out[i] = "I-" + type;
            }
            prevPrefix = p;
            prevType = type;
        }
        return out;
    }

    /** Converts BIO tags to this scheme. */
    public String[] fromBio(String[] bio) {
        if (this == BIO) {
            return bio.clone();
        }
        String[] out = new String[bio.length];
        for (int i = 0; i < bio.length; i++) {
            String tag = bio[i];
            if (tag.startsWith("B-")) {
                boolean afterSame = i > 0 && !bio[i - 1].equals("O") && typeOf(bio[i - 1]).equals(typeOf(tag));
                out[i] = afterSame ? tag : "I-" + tag.substring(2);
            } else {
                out[i] = tag;
            }
        }
        return out;
    }

    /** conlleval's start-of-chunk rule. */
    static boolean startsChunk(char prevPrefix, String prevType, char prefix, String type) {
        if (prefix == 'O') {
            return false;
        }
        if (prefix == 'B' || prevPrefix == 'O') {
            return true;
        }
        return !prevType.equals(type);
    }

    /**
     * The entity chunks of a tag sequence in either scheme, as {@code {start, end, typeIndex}} triples, where
     * the type index points into {@code types} (types not listed are added).
     */
    static List<int[]> chunks(List<String> tags, List<String> types) {
        String[] bio = toBio(tags);
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < bio.length) {
            if (bio[i].startsWith("B-")) {
                String type = bio[i].substring(2);
                int j = i + 1;
                while (j < bio.length && bio[j].startsWith("I-") && bio[j].substring(2).equals(type)) {
                    j++;
                }
                int t = types.indexOf(type);
                if (t < 0) {
                    types.add(type);
                    t = types.size() - 1;
                }
                out.add(new int[] {i, j, t});
                i = j;
            } else {
                i++;
            }
        }
        return out;
    }
}
