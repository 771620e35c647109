package com.callpulse.generator;

/**
 * UUID-shaped event ids, deterministic from the seed: the n-th id is a bijective mix of (seed, n), so ids never
 * repeat within a run and the same run always produces the same ids.
 */
final class Ids {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final long seed;
    private long counter;

    Ids(long seed) {
        this.seed = mix(seed ^ 0x5DEECE66DL);
    }

    String nextEventId() {
        long n = counter++;
        long hi = mix(n + seed);
        long lo = mix(hi ^ (n * 0x9E3779B97F4A7C15L) ^ seed);
        char[] c = new char[36];
        hex(hi >>> 32, 8, c, 0);
        c[8] = '-';
        hex(hi >>> 16, 4, c, 9);
        c[13] = '-';
        hex((hi & 0x0FFF) | 0x4000, 4, c, 14); // version 4
        c[18] = '-';
        hex(0x8000 | ((hi >>> 12) & 0xF) << 10 | (lo >>> 54), 4, c, 19); // RFC 4122 variant, plus bits 12-15 of hi so all of hi is printed
        c[23] = '-';
        hex(lo, 12, c, 24);
        return new String(c);
    }

    private static void hex(long v, int digits, char[] out, int at) {
        for (int i = digits - 1; i >= 0; i--) {
            out[at + i] = HEX[(int) (v & 0xF)];
            v >>>= 4;
        }
    }

    /** SplitMix64 finalizer: a bijection on 64-bit values. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
