package io.weir.runtime.internal.restart;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.api.configuration.ConfigKeys;
import io.weir.api.configuration.Configuration;
import io.weir.api.restart.RestartStrategies;
import io.weir.runtime.internal.time.ManualClock;
import java.time.Duration;
import java.util.Random;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Every rejected setting names where it was set, the bad value and what is allowed. */
class RestartStrategyValidationTest {

    // ---- restart-strategy.type ----

    @Test
    void whenTypeIsUnknown_thenErrorNamesTheKeyTheValueAndTheAllowedTypes() {
        assertRejected(config("restart-strategy.type", "fixed-dealy"))
                .hasMessageContaining("'restart-strategy.type'")
                .hasMessageContaining("'fixed-dealy'")
                .hasMessageContaining("none, off, disable, fixed-delay, fixeddelay, failure-rate, failurerate, "
                        + "exponential-delay, exponentialdelay");
    }

    @Test
    void whenTypeIsEmpty_thenItIsRejectedRatherThanTreatedAsUnset() {
        assertRejected(config("restart-strategy.type", "")).hasMessageContaining("'restart-strategy.type' = ''");
    }

    // ---- fixed delay ----

    @Test
    void whenConfiguredAttemptsAreNegative_thenErrorNamesTheKey() {
        assertRejected(config("fixed-delay", ConfigKeys.RESTART_FIXED_DELAY_ATTEMPTS, "-1"))
                .hasMessage("Invalid restart strategy setting: 'restart-strategy.fixed-delay.attempts' = -1; "
                        + "allowed: an integer >= 0.");
    }

    @Test
    void whenApiAttemptsAreNegative_thenErrorNamesTheRestartStrategiesMethod() {
        assertRejected(RestartStrategies.fixedDelayRestart(-1, 1_000))
                .hasMessage("Invalid restart strategy setting: RestartStrategies.fixedDelayRestart(restartAttempts)"
                        + " = -1; allowed: an integer >= 0.");
    }

    @Test
    void whenApiDelayIsNegative_thenErrorNamesTheMethodAndTheDelay() {
        assertRejected(RestartStrategies.fixedDelayRestart(3, Duration.ofSeconds(-1)))
                .hasMessage("Invalid restart strategy setting: "
                        + "RestartStrategies.fixedDelayRestart(delayBetweenAttempts) = -1000 ms; "
                        + "allowed: a duration >= 0 ms.");
    }

    @Test
    void whenApiDelayIsNull_thenErrorNamesTheMethod() {
        assertRejected(RestartStrategies.fixedDelayRestart(3, (Duration) null))
                .hasMessageContaining("RestartStrategies.fixedDelayRestart(delayBetweenAttempts) = null");
    }

    @Test
    void whenConfiguredDelayIsNegative_thenErrorNamesTheKeyAndTheText() {
        // Configuration's duration parser rejects the sign before the factory sees a value.
        assertRejected(config("fixed-delay", ConfigKeys.RESTART_FIXED_DELAY_DELAY, "-5 s"))
                .hasMessageContaining("'restart-strategy.fixed-delay.delay'")
                .hasMessageContaining("'-5 s'")
                .hasMessageContaining("expected a duration");
    }

    @Test
    void whenConfiguredAttemptsAreNotANumber_thenErrorNamesTheKeyAndTheText() {
        assertRejected(config("fixed-delay", ConfigKeys.RESTART_FIXED_DELAY_ATTEMPTS, "three"))
                .hasMessageContaining("'restart-strategy.fixed-delay.attempts'")
                .hasMessageContaining("'three'")
                .hasMessageContaining("an integer");
    }

    // ---- failure rate ----

    @Test
    void whenMaxFailuresPerIntervalIsZero_thenErrorSaysAtLeastOne() {
        assertRejected(config("failure-rate", ConfigKeys.RESTART_FAILURE_RATE_MAX, "0"))
                .hasMessage("Invalid restart strategy setting: "
                        + "'restart-strategy.failure-rate.max-failures-per-interval' = 0; allowed: an integer >= 1.");
    }

    @Test
    void whenFailureIntervalIsZero_thenErrorNamesTheKey() {
        assertRejected(config("failure-rate", ConfigKeys.RESTART_FAILURE_RATE_INTERVAL, "0 s"))
                .hasMessage("Invalid restart strategy setting: "
                        + "'restart-strategy.failure-rate.failure-rate-interval' = 0 ms; "
                        + "allowed: a duration of at least 1 ms.");
    }

    @Test
    void whenApiFailureRateDelayIsNegative_thenErrorNamesTheMethod() {
        assertRejected(RestartStrategies.failureRateRestart(3, Duration.ofMinutes(5), Duration.ofMillis(-1)))
                .hasMessageContaining("RestartStrategies.failureRateRestart(delayInterval) = -1 ms");
    }

    // ---- exponential delay ----

    @Test
    void whenMultiplierIsBelowOne_thenErrorNamesTheKeyAndTheAllowedRange() {
        assertRejected(config("exponential-delay", ConfigKeys.RESTART_EXP_MULTIPLIER, "0.5"))
                .hasMessage("Invalid restart strategy setting: "
                        + "'restart-strategy.exponential-delay.backoff-multiplier' = 0.5; "
                        + "allowed: a finite number >= 1.0.");
    }

    @Test
    void whenApiMultiplierIsNaN_thenItIsRejected() {
        assertRejected(exponentialApi(Duration.ofSeconds(1), Duration.ofMinutes(1), Double.NaN, 0.1))
                .hasMessageContaining("RestartStrategies.exponentialDelayRestart(backoffMultiplier) = NaN");
    }

    @Test
    void whenJitterIsAboveOne_thenErrorNamesTheKeyAndTheAllowedRange() {
        assertRejected(config("exponential-delay", ConfigKeys.RESTART_EXP_JITTER, "1.5"))
                .hasMessage("Invalid restart strategy setting: 'restart-strategy.exponential-delay.jitter-factor'"
                        + " = 1.5; allowed: a number from 0.0 to 1.0.");
    }

    @Test
    void whenApiJitterIsNegative_thenErrorNamesTheMethod() {
        assertRejected(exponentialApi(Duration.ofSeconds(1), Duration.ofMinutes(1), 1.5, -0.1))
                .hasMessageContaining("RestartStrategies.exponentialDelayRestart(jitterFactor) = -0.1")
                .hasMessageContaining("from 0.0 to 1.0");
    }

    @Test
    void whenMaxBackoffIsBelowInitialBackoff_thenErrorNamesBothSettings() {
        Configuration conf = config("exponential-delay", ConfigKeys.RESTART_EXP_INITIAL, "10 s")
                .setString(ConfigKeys.RESTART_EXP_MAX, "5 s");

        assertRejected(conf).hasMessage("Invalid restart strategy setting: "
                + "'restart-strategy.exponential-delay.max-backoff' = 5000 ms; allowed: a duration at least "
                + "'restart-strategy.exponential-delay.initial-backoff' (10000 ms).");
    }

    @Test
    void whenApiMaxBackoffIsBelowInitialBackoff_thenErrorNamesBothParameters() {
        assertRejected(exponentialApi(Duration.ofSeconds(10), Duration.ofSeconds(5), 1.5, 0.1))
                .hasMessageContaining("RestartStrategies.exponentialDelayRestart(maxBackoff) = 5000 ms")
                .hasMessageContaining("RestartStrategies.exponentialDelayRestart(initialBackoff) (10000 ms)");
    }

    @Test
    void whenInitialBackoffIsZero_thenErrorSaysAtLeastOneMillisecond() {
        assertRejected(config("exponential-delay", ConfigKeys.RESTART_EXP_INITIAL, "0"))
                .hasMessageContaining("'restart-strategy.exponential-delay.initial-backoff' = 0 ms")
                .hasMessageContaining("at least 1 ms");
    }

    @Test
    void whenApiResetThresholdIsNegative_thenErrorNamesTheMethod() {
        assertRejected(RestartStrategies.exponentialDelayRestart(Duration.ofSeconds(1), Duration.ofMinutes(1), 1.5,
                Duration.ofMinutes(-1), 0.1))
                .hasMessageContaining("RestartStrategies.exponentialDelayRestart(resetBackoffThreshold) = -60000 ms");
    }

    @Test
    void whenAttemptsBeforeResetAreNegative_thenErrorNamesTheKeyAndTheUnlimitedDefault() {
        assertRejected(config("exponential-delay", ConfigKeys.RESTART_EXP_ATTEMPTS, "-3"))
                .hasMessage("Invalid restart strategy setting: "
                        + "'restart-strategy.exponential-delay.attempts-before-reset-backoff' = -3; "
                        + "allowed: an integer >= 1 (2147483647, the default, means unlimited).");
    }

    @Test
    void whenDurationDoesNotFitInMilliseconds_thenErrorNamesTheKey() {
        // 10^12 days is a valid java.time.Duration, but not a long of milliseconds.
        assertRejected(config("exponential-delay", ConfigKeys.RESTART_EXP_RESET, "1000000000000 d"))
                .hasMessageContaining("'restart-strategy.exponential-delay.reset-backoff-threshold'")
                .hasMessageContaining("fits in a long of milliseconds");
    }

    @Test
    void whenDurationDoesNotEvenFitInJavaTime_thenErrorStillNamesTheKey() {
        // Configuration itself rejects durations beyond java.time's range, naming the key and the value
        assertRejected(config("fixed-delay", ConfigKeys.RESTART_FIXED_DELAY_DELAY, "200000000000000 d"))
                .hasMessageContaining("'restart-strategy.fixed-delay.delay' = '200000000000000 d'")
                .hasMessageContaining("at most about 292 years");
    }

    // ---- the API setting is validated even when config would be valid ----

    @Test
    void whenApiSettingIsInvalid_thenAValidConfigTypeDoesNotMaskIt() {
        Configuration conf = new Configuration().setString(ConfigKeys.RESTART_STRATEGY_TYPE, "none");

        assertThatThrownBy(() -> RestartStrategyFactory.create(RestartStrategies.fixedDelayRestart(-2, 0), conf,
                false, new ManualClock(), new Random(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fixedDelayRestart(restartAttempts) = -2");
    }

    private static RestartStrategies.RestartStrategyConfiguration exponentialApi(Duration initial, Duration max,
            double multiplier, double jitter) {
        return RestartStrategies.exponentialDelayRestart(initial, max, multiplier, Duration.ofHours(1), jitter);
    }

    private static Configuration config(String key, String value) {
        return new Configuration().setString(key, value);
    }

    private static Configuration config(String type, String key, String value) {
        return new Configuration().setString(ConfigKeys.RESTART_STRATEGY_TYPE, type).setString(key, value);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(Configuration conf) {
        return assertThatThrownBy(() -> RestartStrategyFactory.create(null, conf, true, new ManualClock(),
                new Random(0))).isInstanceOf(IllegalArgumentException.class);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(
            RestartStrategies.RestartStrategyConfiguration api) {
        return assertThatThrownBy(() -> RestartStrategyFactory.create(api, new Configuration(), true,
                new ManualClock(), new Random(0))).isInstanceOf(IllegalArgumentException.class);
    }
}
