package io.weir.runtime.internal.state;

/**
 * Keys map to key groups, key groups map to subtasks in contiguous ranges. The number of key groups
 * is the max parallelism; state is stored and snapshotted per key group, so a checkpoint can be
 * restored at any parallelism up to it.
 */
public final class KeyGroups {
    private KeyGroups() {}

    public static final int DEFAULT_MAX_PARALLELISM = 128;
    public static final int UPPER_BOUND_MAX_PARALLELISM = 1 << 15;

    /**
     * The key group of a key, as Flink assigns it: the murmur3 mix of its {@code hashCode} made non-negative, modulo
     * the number of key groups. So with the same max parallelism and parallelism a key lands on the same subtask as in
     * Flink. Pure; any thread.
     */
    public static int keyGroupFor(Object key, int maxParallelism) {
        return nonNegative(mix(key.hashCode())) % maxParallelism;
    }

    /** Flink's way of making the mixed hash non-negative: the absolute value, and 0 for {@code Integer.MIN_VALUE}. */
    private static int nonNegative(int h) {
        return h >= 0 ? h : h != Integer.MIN_VALUE ? -h : 0;
    }

    /** The subtask that owns a key group. */
    public static int subtaskFor(int keyGroup, int maxParallelism, int parallelism) {
        return (int) ((long) keyGroup * parallelism / maxParallelism);
    }

    /** First key group owned by {@code subtask}: the smallest kg with subtaskFor(kg) == subtask. */
    public static int rangeStart(int subtask, int maxParallelism, int parallelism) {
        return (int) (((long) subtask * maxParallelism + parallelism - 1) / parallelism);
    }

    /** Last key group (inclusive) owned by {@code subtask}. */
    public static int rangeEnd(int subtask, int maxParallelism, int parallelism) {
        return rangeStart(subtask + 1, maxParallelism, parallelism) - 1;
    }

    /** Murmur3's 32-bit mixing of one block plus its finalizer, so that poor hashCodes spread evenly. */
    static int mix(int h) {
        int k = h * 0xcc9e2d51;
        k = Integer.rotateLeft(k, 15) * 0x1b873593;
        int x = Integer.rotateLeft(k, 13) * 5 + 0xe6546b64;
        x ^= 4;
        x ^= x >>> 16;
        x *= 0x85ebca6b;
        x ^= x >>> 13;
        x *= 0xc2b2ae35;
        return x ^ (x >>> 16);
    }
}
