package io.weir.runtime.internal.restart;

import io.weir.runtime.internal.time.Clock;
import java.util.Random;

/**
 * Restarts with a delay that grows by {@code multiplier} on each consecutive failure, from
 * {@code initialBackoff} up to {@code maxBackoff}, and falls back to {@code initialBackoff} once
 * the job has run for {@code resetThreshold} without failing.
 *
 * <p>With initial 1 s, multiplier 2, max 10 s and no jitter, consecutive failures wait 1, 2, 4, 8,
 * 10, 10, ... seconds.
 *
 * <p><b>Reset.</b> "Running without failure" is measured from the moment the job was restarted
 * (the previous failure plus the delay it was given) to the new failure, so a long backoff does not
 * count as healthy running time. A reset also clears the attempt counter.
 *
 * <p><b>Attempt limit.</b> At most {@code maxAttemptsBeforeReset} restarts happen between two
 * resets; the next failure fails the job. {@code Integer.MAX_VALUE} means no limit.
 *
 * <p><b>Jitter.</b> Each delay is moved by a uniformly random amount in
 * {@code [-jitterFactor * backoff, +jitterFactor * backoff]}, so jobs that failed together do not
 * restart together. Jitter is applied after the cap, so a delay can exceed {@code maxBackoff} by up
 * to {@code jitterFactor * maxBackoff}. The growth itself is jitter-free.
 */
public final class ExponentialDelayRestartStrategy implements RestartBackoffTimeStrategy {
    private static final long NO_FAILURE_YET = Long.MIN_VALUE;

    private final long initialBackoffMillis;
    private final long maxBackoffMillis;
    private final double multiplier;
    private final long resetThresholdMillis;
    private final double jitterFactor;
    private final int maxAttemptsBeforeReset;
    private final Clock clock;
    private final Random random;

    /**
     * Jitter-free backoff of the latest failure, the base the next consecutive failure grows from.
     * A double so that small backoffs with small multipliers still grow (1 ms * 1.1 must not round
     * back to 1 ms forever).
     */
    private double currentBackoffMillis;
    /** Delay handed out for the latest failure, jitter included. */
    private long currentDelayMillis;
    /** Monotonic time of the latest failure, or {@link #NO_FAILURE_YET}. */
    private long lastFailureMillis = NO_FAILURE_YET;
    /** Failures since the last reset; a long so that an unlimited budget cannot wrap around. */
    private long attemptsSinceReset;

    /** Arguments are validated by {@link RestartStrategyFactory}. */
    ExponentialDelayRestartStrategy(long initialBackoffMillis, long maxBackoffMillis, double multiplier,
            long resetThresholdMillis, double jitterFactor, int maxAttemptsBeforeReset, Clock clock, Random random) {
        this.initialBackoffMillis = initialBackoffMillis;
        this.maxBackoffMillis = maxBackoffMillis;
        this.multiplier = multiplier;
        this.resetThresholdMillis = resetThresholdMillis;
        this.jitterFactor = jitterFactor;
        this.maxAttemptsBeforeReset = maxAttemptsBeforeReset;
        this.clock = clock;
        this.random = random;
        this.currentBackoffMillis = initialBackoffMillis;
        this.currentDelayMillis = initialBackoffMillis;
    }

    @Override
    public void notifyFailure(Throwable cause) {
        long now = clock.relativeTimeMillis();
        if (lastFailureMillis == NO_FAILURE_YET || ranLongEnoughToReset(now)) {
            currentBackoffMillis = initialBackoffMillis;
            attemptsSinceReset = 0;
        } else {
            currentBackoffMillis = grow(currentBackoffMillis);
        }
        attemptsSinceReset++;
        lastFailureMillis = now;
        currentDelayMillis = withJitter(currentBackoffMillis);
    }

    @Override
    public boolean canRestart() {
        return attemptsSinceReset <= maxAttemptsBeforeReset;
    }

    @Override
    public long getBackoffTime() {
        return currentDelayMillis;
    }

    @Override
    public String describe() {
        return "ExponentialDelay(initialBackoff=" + initialBackoffMillis + " ms, maxBackoff=" + maxBackoffMillis
                + " ms, multiplier=" + multiplier + ", resetThreshold=" + resetThresholdMillis + " ms, jitterFactor="
                + jitterFactor + ", attemptsBeforeReset="
                + (maxAttemptsBeforeReset == Integer.MAX_VALUE ? "unlimited" : Integer.toString(maxAttemptsBeforeReset))
                + ")";
    }

    @Override
    public String toString() {
        return describe();
    }

    private boolean ranLongEnoughToReset(long now) {
        // The job came back up currentDelayMillis after the last failure; only time after that counts.
        long runningMillis = (now - lastFailureMillis) - currentDelayMillis;
        return runningMillis >= resetThresholdMillis;
    }

    private double grow(double backoffMillis) {
        return Math.min(backoffMillis * multiplier, (double) maxBackoffMillis);
    }

    private long withJitter(double backoffMillis) {
        if (jitterFactor == 0.0) {
            return Math.round(backoffMillis);
        }
        double spread = jitterFactor * backoffMillis;
        double offset = (2.0 * random.nextDouble() - 1.0) * spread; // uniform in [-spread, +spread)
        return Math.max(0L, Math.round(backoffMillis + offset));
    }
}
