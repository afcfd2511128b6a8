package io.weir.api.eventtime;

/** A clock for measuring durations, such as how long an input has had no data. */
@FunctionalInterface
public interface RelativeClock {
    /** Milliseconds from an arbitrary origin; only differences are meaningful. */
    long relativeTimeMillis();
}
