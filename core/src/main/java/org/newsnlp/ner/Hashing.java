package org.newsnlp.ner;

/** 64-bit hashing of strings and feature conjunctions, allocation-free. Stateless. */
final class Hashing {

    private static final long SEED = 0x9E3779B97F4A7C15L;

    private Hashing() {
    }

    /** Finalises a 64-bit value (murmur3 fmix64). */
    static long fmix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** Combines two hashes, order-sensitive. */
    static long mix(long a, long b) {
        return fmix(a * 0x2545F4914F6CDD1DL + b + SEED);
    }

    static long mix(long a, long b, long c) {
        return mix(mix(a, b), c);
    }

    static long mix(long a, long b, long c, long d) {
        return mix(mix(mix(a, b), c), d);
    }

    /** Hash of {@code s[from, to)}. */
    static long chars(CharSequence s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return fmix(h ^ (to - from));
    }

    /** Hash of {@code s}. */
    static long chars(CharSequence s) {
        return chars(s, 0, s.length());
    }

    /** Hash of the lower case of {@code s} (locale-independent), equal to {@code chars(lower(s))}. */
    static long lower(CharSequence s) {
        return lower(s, 0, s.length());
    }

    /** Hash of the lower case of {@code s[from, to)}, equal to {@code chars(lower(s.subSequence(from, to)))}. */
    static long lower(CharSequence s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h = (h ^ Character.toLowerCase(s.charAt(i))) * 0x100000001b3L;
        }
        return fmix(h ^ (to - from));
    }
}
