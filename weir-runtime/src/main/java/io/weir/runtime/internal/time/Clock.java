package io.weir.runtime.internal.time;

/** All time the runtime reads goes through a clock, so tests can drive it. */
public interface Clock {
    /** Wall-clock milliseconds since the epoch (for timestamps shown to users and processing time). */
    long currentTimeMillis();

    /** Monotonic milliseconds for durations and deadlines. */
    long relativeTimeMillis();

    /** Monotonic nanoseconds for fine durations. */
    long relativeTimeNanos();

    Clock SYSTEM = new Clock() {
        @Override
        public long currentTimeMillis() {
            return System.currentTimeMillis();
        }

        @Override
        public long relativeTimeMillis() {
            return System.nanoTime() / 1_000_000L;
        }

        @Override
        public long relativeTimeNanos() {
            return System.nanoTime();
        }
    };
}
