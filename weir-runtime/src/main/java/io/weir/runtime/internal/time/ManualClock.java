package io.weir.runtime.internal.time;

import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when told to; for tests. Thread-safe. */
public final class ManualClock implements Clock {
    private final AtomicLong nanos = new AtomicLong();
    private final long epochOffsetMillis;

    public ManualClock() {
        this(0);
    }

    public ManualClock(long startMillis) {
        this.epochOffsetMillis = startMillis;
    }

    public void advance(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
    }

    @Override
    public long currentTimeMillis() {
        return epochOffsetMillis + nanos.get() / 1_000_000L;
    }

    @Override
    public long relativeTimeMillis() {
        return nanos.get() / 1_000_000L;
    }

    @Override
    public long relativeTimeNanos() {
        return nanos.get();
    }
}
