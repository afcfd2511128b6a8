package io.weir.bench;

import java.util.BitSet;

/**
 * The event generator of {@code WORKLOADS.md} §1: the i-th output of SplitMix64 seeded with 0,
 * and the key {@code splitmix64(i) mod K} (unsigned). All arithmetic wraps at 64 bits.
 */
public final class SplitMix64 {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private SplitMix64() {}

    /** The i-th (0-based) output of SplitMix64 seeded with 0. */
    public static long splitmix64(long i) {
        long z = (i + 1) * GOLDEN;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The key of event {@code i} among {@code k} keys. */
    public static long key(long i, long k) {
        return Long.remainderUnsigned(splitmix64(i), k);
    }

    /**
     * Event index of source sequence number {@code s}: the source splits {@code [0, n)} into
     * {@code p} contiguous ranges of {@code n/p}, and partition {@code j} must emit
     * {@code j, j+p, j+2p, ...}.
     */
    public static long eventIndex(long s, long perPartition, int p) {
        return (s % perPartition) * p + s / perPartition;
    }

    /**
     * What a correct keyed-count run must produce, computed directly from the generator (not from
     * the job): the number of distinct keys among events {@code 0..n-1} and the wrapping sum of
     * their keys.
     */
    public record Expected(long distinctKeys, long keySum) {
        public static Expected of(long n, long k) {
            if (k > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("keys = " + k + ": at most " + Integer.MAX_VALUE + " keys are supported.");
            }
            BitSet seen = new BitSet((int) k);
            long sum = 0;
            for (long i = 0; i < n; i++) {
                long key = key(i, k);
                seen.set((int) key);
                sum += key;
            }
            return new Expected(seen.cardinality(), sum);
        }
    }
}
