package org.newsnlp.entity;

import java.util.Arrays;
import java.util.List;

import org.newsnlp.text.Token;

/**
 * A character trie of names, matched against a text at token boundaries: a match starts where a token starts
 * and ends where a token ends, before a possessive {@code 's} glued to a token, or before a hyphen inside a
 * token ({@code China-based}). Runs of white space in the text match one space in a name, so the trie does
 * not depend on how a tokenizer splits punctuation ({@code U.S.}, {@code AT&T}).
 *
 * <p>Children are found in an open-addressing hash table keyed by (node, character), so a lookup costs one
 * probe per character and matching a text is linear in its length times the longest name. Built once, then
 * read-only: safe to share between threads once {@link #freeze()} has run.
 */
final class NameTrie {

    private static final int NONE = -1;

    private long[] keys;
    private int[] children;
    private int[] values;
    private int size;
    private int nodes = 1;
    private boolean frozen;

    NameTrie() {
        keys = new long[1024];
        children = new int[1024];
        Arrays.fill(keys, -1L);
        values = new int[256];
        Arrays.fill(values, NONE);
    }

    /** One match: the covered characters, the tokens it touches and the stored value. */
    record Match(int start, int end, int firstToken, int endToken, int value) {
    }

    /** Adds {@code name} with {@code value}; a later add of the same name keeps the first value. */
    void add(String name, int value) {
        if (frozen) {
            throw new IllegalStateException("trie is frozen");
        }
        if (value < 0) {
            throw new IllegalArgumentException("value must be >= 0, got " + value);
        }
        int node = 0;
        boolean space = false;
        int added = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = fold(name.charAt(i));
            if (isSpace(c)) {
                space = added > 0;
                continue;
            }
            if (space) {
                node = child(node, ' ', true);
                space = false;
            }
            node = child(node, c, true);
            added++;
        }
        if (added == 0) {
            throw new IllegalArgumentException("empty name");
        }
        if (node >= values.length) {
            int old = values.length;
            values = Arrays.copyOf(values, Math.max(node + 1, old * 2));
            Arrays.fill(values, old, values.length, NONE);
        }
        if (values[node] == NONE) {
            values[node] = value;
        }
    }

    /** Makes the trie read-only. */
    NameTrie freeze() {
        frozen = true;
        return this;
    }

    /**
     * The longest name that starts at token {@code from}, or {@code null}.
     *
     * @param text   the text the tokens point into
     * @param tokens the tokens, in order
     * @param from   index of the first token
     */
    Match longest(String text, List<Token> tokens, int from) {
        return longest(text, tokens, from, tokens.get(from).start());
    }

    /**
     * The longest name that starts at character {@code start} inside token {@code from} (after a hyphen in
     * "French-German"), or {@code null}.
     */
    Match longest(String text, List<Token> tokens, int from, int start) {
        Token first = tokens.get(from);
        int node = 0;
        int j = from;
        int bestEnd = -1;
        int bestTokenEnd = -1;
        int bestValue = NONE;
        int n = text.length();
        int p = start;
        while (p < n) {
            char c = text.charAt(p);
            if (isSpace(c)) {
                int q = p;
                while (q < n && isSpace(text.charAt(q))) {
                    q++;
                }
                node = child(node, ' ', false);
                if (node == NONE) {
                    break;
                }
                p = q;
                continue;
            }
            node = child(node, fold(c), false);
            if (node == NONE) {
                break;
            }
            p++;
            while (j < tokens.size() && tokens.get(j).end() < p) {
                j++;
            }
            if (j >= tokens.size()) {
                break;
            }
            int v = node < values.length ? values[node] : NONE;
            if (v != NONE && isEnd(text, tokens.get(j), p)) {
                bestEnd = p;
                bestTokenEnd = j + 1;
                bestValue = v;
            }
        }
        return bestValue == NONE ? null : new Match(start, bestEnd, from, bestTokenEnd, bestValue);
    }

    /** True when a name may end at {@code p} inside or at the end of {@code token}. */
    private static boolean isEnd(String text, Token token, int p) {
        int end = token.end();
        if (p == end) {
            return true;
        }
        if (p <= token.start()) {
            return false;
        }
        if (p == end - 2 && end - token.start() > 2 && isApostrophe(text.charAt(p))
                && (text.charAt(p + 1) == 's' || text.charAt(p + 1) == 'S')) {
            return true;
        }
        if (p == end - 1 && isApostrophe(text.charAt(p)) && (text.charAt(p - 1) == 's')) {
            return true;
        }
        // "China-based", and compounds of names: "French-German", "U.S.-China"
        return text.charAt(p) == '-' && p + 1 < end && Character.isLetter(text.charAt(p + 1));
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00a0';
    }

    /** Folds typographic variants that newsrooms use interchangeably; letters keep their case. */
    private static char fold(char c) {
        return switch (c) {
            case '\u2019', '\u2018' -> '\'';
            case '\u2013', '\u2010', '\u2011' -> '-';
            default -> c;
        };
    }

    private int child(int node, char c, boolean create) {
        long key = ((long) node << 16) | c;
        int mask = keys.length - 1;
        int h = mix(key) & mask;
        while (keys[h] != -1L) {
            if (keys[h] == key) {
                return children[h];
            }
            h = (h + 1) & mask;
        }
        if (!create) {
            return NONE;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
            return child(node, c, true);
        }
        keys[h] = key;
        children[h] = nodes;
        size++;
        return nodes++;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldChildren = children;
        keys = new long[oldKeys.length * 2];
        children = new int[oldKeys.length * 2];
        Arrays.fill(keys, -1L);
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != -1L) {
                int h = mix(oldKeys[i]) & mask;
                while (keys[h] != -1L) {
                    h = (h + 1) & mask;
                }
                keys[h] = oldKeys[i];
                children[h] = oldChildren[i];
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }
}
