package io.weir.api.restart;

import java.io.Serializable;
import java.time.Duration;

/**
 * Factory of restart-strategy settings, with Flink's names. When none is set the default is as in
 * Flink: {@link #exponentialDelayRestart} with Flink's default parameters when checkpointing is
 * enabled, {@link #noRestart()} otherwise.
 */
public final class RestartStrategies {
    private RestartStrategies() {}

    public static RestartStrategyConfiguration noRestart() {
        return new NoRestartStrategyConfiguration();
    }

    public static RestartStrategyConfiguration fixedDelayRestart(int restartAttempts, long delayBetweenAttemptsMs) {
        return fixedDelayRestart(restartAttempts, Duration.ofMillis(delayBetweenAttemptsMs));
    }

    public static RestartStrategyConfiguration fixedDelayRestart(int restartAttempts, Duration delayBetweenAttempts) {
        return new FixedDelayRestartStrategyConfiguration(restartAttempts, delayBetweenAttempts);
    }

    public static RestartStrategyConfiguration failureRateRestart(int maxFailuresPerInterval, Duration failureInterval, Duration delayInterval) {
        return new FailureRateRestartStrategyConfiguration(maxFailuresPerInterval, failureInterval, delayInterval);
    }

    public static RestartStrategyConfiguration exponentialDelayRestart(Duration initialBackoff, Duration maxBackoff,
            double backoffMultiplier, Duration resetBackoffThreshold, double jitterFactor) {
        return new ExponentialDelayRestartStrategyConfiguration(initialBackoff, maxBackoff, backoffMultiplier, resetBackoffThreshold, jitterFactor);
    }

    /** Marker: use the cluster default (exponential delay with checkpointing, none without). */
    public static RestartStrategyConfiguration fallBackRestart() {
        return new FallbackRestartStrategyConfiguration();
    }

    /** Base of the settings objects. Validation happens at {@code execute()}, with the setting's name. */
    public abstract static class RestartStrategyConfiguration implements Serializable {
        private static final long serialVersionUID = 1L;

        public abstract String getDescription();

        @Override
        public String toString() {
            return getDescription();
        }
    }

    public static final class NoRestartStrategyConfiguration extends RestartStrategyConfiguration {
        private static final long serialVersionUID = 1L;

        @Override
        public String getDescription() {
            return "Restart deactivated.";
        }
    }

    public static final class FallbackRestartStrategyConfiguration extends RestartStrategyConfiguration {
        private static final long serialVersionUID = 1L;

        @Override
        public String getDescription() {
            return "Cluster level default restart strategy";
        }
    }

    public static final class FixedDelayRestartStrategyConfiguration extends RestartStrategyConfiguration {
        private static final long serialVersionUID = 1L;
        private final int restartAttempts;
        private final Duration delayBetweenAttempts;

        FixedDelayRestartStrategyConfiguration(int restartAttempts, Duration delayBetweenAttempts) {
            this.restartAttempts = restartAttempts;
            this.delayBetweenAttempts = delayBetweenAttempts;
        }

        public int getRestartAttempts() {
            return restartAttempts;
        }

        public Duration getDelayBetweenAttempts() {
            return delayBetweenAttempts;
        }

        @Override
        public String getDescription() {
            return "Restart with fixed delay (" + delayBetweenAttempts + "). #" + restartAttempts + " restart attempts.";
        }
    }

    public static final class FailureRateRestartStrategyConfiguration extends RestartStrategyConfiguration {
        private static final long serialVersionUID = 1L;
        private final int maxFailureRate;
        private final Duration failureInterval;
        private final Duration delayBetweenAttempts;

        FailureRateRestartStrategyConfiguration(int maxFailureRate, Duration failureInterval, Duration delayBetweenAttempts) {
            this.maxFailureRate = maxFailureRate;
            this.failureInterval = failureInterval;
            this.delayBetweenAttempts = delayBetweenAttempts;
        }

        public int getMaxFailureRate() {
            return maxFailureRate;
        }

        public Duration getFailureInterval() {
            return failureInterval;
        }

        public Duration getDelayBetweenAttempts() {
            return delayBetweenAttempts;
        }

        @Override
        public String getDescription() {
            return "Failure rate restart with maximum of " + maxFailureRate + " failures within interval " + failureInterval + " and fixed delay " + delayBetweenAttempts + ".";
        }
    }

    public static final class ExponentialDelayRestartStrategyConfiguration extends RestartStrategyConfiguration {
        private static final long serialVersionUID = 1L;
        private final Duration initialBackoff;
        private final Duration maxBackoff;
        private final double backoffMultiplier;
        private final Duration resetBackoffThreshold;
        private final double jitterFactor;

        ExponentialDelayRestartStrategyConfiguration(Duration initialBackoff, Duration maxBackoff, double backoffMultiplier,
                Duration resetBackoffThreshold, double jitterFactor) {
            this.initialBackoff = initialBackoff;
            this.maxBackoff = maxBackoff;
            this.backoffMultiplier = backoffMultiplier;
            this.resetBackoffThreshold = resetBackoffThreshold;
            this.jitterFactor = jitterFactor;
        }

        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public double getBackoffMultiplier() {
            return backoffMultiplier;
        }

        public Duration getResetBackoffThreshold() {
            return resetBackoffThreshold;
        }

        public double getJitterFactor() {
            return jitterFactor;
        }

        @Override
        public String getDescription() {
            return "Restart with exponential delay: starting at " + initialBackoff + ", increasing by " + backoffMultiplier
                    + ", with maximum " + maxBackoff + ". Delay resets after " + resetBackoffThreshold + " with jitter " + jitterFactor;
        }
    }
}
