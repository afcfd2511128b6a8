package io.weir.runtime.internal.restart;

/**
 * Restarts up to a fixed number of times, each time after the same delay. With {@code maxAttempts}
 * = 3 the first three failures are restarted and the fourth fails the job.
 */
public final class FixedDelayRestartStrategy implements RestartBackoffTimeStrategy {
    private final int maxAttempts;
    private final long delayMillis;

    /** Counted in a long so that {@code Integer.MAX_VALUE} attempts cannot wrap around. */
    private long failures;

    /** Arguments are validated by {@link RestartStrategyFactory}. */
    FixedDelayRestartStrategy(int maxAttempts, long delayMillis) {
        this.maxAttempts = maxAttempts;
        this.delayMillis = delayMillis;
    }

    @Override
    public void notifyFailure(Throwable cause) {
        failures++;
    }

    @Override
    public boolean canRestart() {
        return failures <= maxAttempts;
    }

    @Override
    public long getBackoffTime() {
        return delayMillis;
    }

    @Override
    public String describe() {
        return "FixedDelay(maxAttempts=" + maxAttempts + ", delay=" + delayMillis + " ms)";
    }

    @Override
    public String toString() {
        return describe();
    }
}
