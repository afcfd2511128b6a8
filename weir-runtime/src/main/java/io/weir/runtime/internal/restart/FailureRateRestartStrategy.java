package io.weir.runtime.internal.restart;

import io.weir.runtime.internal.time.Clock;
import java.util.ArrayDeque;

/**
 * Restarts as long as the job fails at most {@code maxFailuresPerInterval} times within any
 * sliding window of {@code intervalMillis}; every restart waits the same delay.
 *
 * <p>A failure counts towards the window while it is at most {@code intervalMillis} old, both
 * ends included: with an interval of 60 s, failures at 0 s and at exactly 60 s are in one window.
 * Once a failure is older than the interval it no longer counts, so a job that fails slowly
 * enough restarts forever.
 */
public final class FailureRateRestartStrategy implements RestartBackoffTimeStrategy {
    private final int maxFailuresPerInterval;
    private final long intervalMillis;
    private final long delayMillis;
    private final Clock clock;

    /**
     * Monotonic times of the failures still inside the window, oldest first. It holds at most
     * {@code maxFailuresPerInterval + 1} entries: once it exceeds the limit the job is finished.
     */
    private final ArrayDeque<Long> failureTimes = new ArrayDeque<>();

    /** Arguments are validated by {@link RestartStrategyFactory}. */
    FailureRateRestartStrategy(int maxFailuresPerInterval, long intervalMillis, long delayMillis, Clock clock) {
        this.maxFailuresPerInterval = maxFailuresPerInterval;
        this.intervalMillis = intervalMillis;
        this.delayMillis = delayMillis;
        this.clock = clock;
    }

    @Override
    public void notifyFailure(Throwable cause) {
        long now = clock.relativeTimeMillis();
        while (!failureTimes.isEmpty() && now - failureTimes.peekFirst() > intervalMillis) {
            failureTimes.pollFirst();
        }
        failureTimes.addLast(now);
        if (failureTimes.size() > maxFailuresPerInterval + 1) {
            failureTimes.pollFirst();
        }
    }

    @Override
    public boolean canRestart() {
        return failureTimes.size() <= maxFailuresPerInterval;
    }

    @Override
    public long getBackoffTime() {
        return delayMillis;
    }

    @Override
    public String describe() {
        return "FailureRate(maxFailuresPerInterval=" + maxFailuresPerInterval + ", interval=" + intervalMillis
                + " ms, delay=" + delayMillis + " ms)";
    }

    @Override
    public String toString() {
        return describe();
    }
}
