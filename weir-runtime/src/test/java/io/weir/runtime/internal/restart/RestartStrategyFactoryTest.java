package io.weir.runtime.internal.restart;

import static org.assertj.core.api.Assertions.assertThat;

import io.weir.api.configuration.ConfigKeys;
import io.weir.api.configuration.Configuration;
import io.weir.api.restart.RestartStrategies;
import io.weir.runtime.internal.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RestartStrategyFactoryTest {
    private static final Exception FAILURE = new Exception("task failed");

    private final ManualClock clock = new ManualClock();
    /** A random whose jitter offset is always zero, so jittered strategies give exact delays. */
    private final Random noJitter = new Random() {
        @Override
        public double nextDouble() {
            return 0.5;
        }
    };

    // ---- precedence ----

    @Test
    void whenApiSettingAndConfigTypeAreBothSet_thenApiSettingWins() {
        Configuration conf = new Configuration().setString(ConfigKeys.RESTART_STRATEGY_TYPE, "failure-rate");

        RestartBackoffTimeStrategy strategy = create(RestartStrategies.fixedDelayRestart(3, 10_000), conf, true);

        assertThat(strategy).isInstanceOf(FixedDelayRestartStrategy.class);
        assertThat(strategy.describe()).isEqualTo("FixedDelay(maxAttempts=3, delay=10000 ms)");
    }

    @Test
    void whenApiSettingIsNoRestart_thenItOverridesTheCheckpointingDefault() {
        RestartBackoffTimeStrategy strategy = create(RestartStrategies.noRestart(), new Configuration(), true);

        assertThat(strategy).isInstanceOf(NoRestartStrategy.class);
    }

    @Test
    void whenApiSettingIsFallback_thenConfigTypeDecides() {
        Configuration conf = new Configuration().setString(ConfigKeys.RESTART_STRATEGY_TYPE, "fixed-delay");

        RestartBackoffTimeStrategy strategy = create(RestartStrategies.fallBackRestart(), conf, false);

        assertThat(strategy).isInstanceOf(FixedDelayRestartStrategy.class);
    }

    @Test
    void whenApiSettingIsFallbackAndNothingIsConfigured_thenTheDefaultApplies() {
        assertThat(create(RestartStrategies.fallBackRestart(), new Configuration(), true))
                .isInstanceOf(ExponentialDelayRestartStrategy.class);
        assertThat(create(RestartStrategies.fallBackRestart(), new Configuration(), false))
                .isInstanceOf(NoRestartStrategy.class);
    }

    @Test
    void whenConfigTypeIsSet_thenItAppliesEvenWithoutCheckpointing() {
        Configuration conf = new Configuration().setString(ConfigKeys.RESTART_STRATEGY_TYPE, "exponential-delay");

        assertThat(create(null, conf, false)).isInstanceOf(ExponentialDelayRestartStrategy.class);
    }

    @Test
    void whenConfigTypeIsNone_thenItOverridesTheCheckpointingDefault() {
        Configuration conf = new Configuration().setString(ConfigKeys.RESTART_STRATEGY_TYPE, "none");

        assertThat(create(null, conf, true)).isInstanceOf(NoRestartStrategy.class);
    }

    // ---- defaults (Flink 1.20) ----

    @Test
    void whenNothingIsSetAndCheckpointingIsOff_thenJobIsNotRestarted() {
        RestartBackoffTimeStrategy strategy = create(null, new Configuration(), false);

        strategy.notifyFailure(FAILURE);

        assertThat(strategy).isInstanceOf(NoRestartStrategy.class);
        assertThat(strategy.canRestart()).isFalse();
    }

    @Test
    void whenNothingIsSetAndCheckpointingIsOn_thenExponentialDelayWithFlinkDefaultsApplies() {
        RestartBackoffTimeStrategy strategy = create(null, new Configuration(), true);

        assertThat(strategy.describe()).isEqualTo("ExponentialDelay(initialBackoff=1000 ms, maxBackoff=60000 ms, "
                + "multiplier=1.5, resetThreshold=3600000 ms, jitterFactor=0.1, attemptsBeforeReset=unlimited)");
        assertThat(consecutiveDelays(strategy, 12)).containsExactly(
                1_000L, 1_500L, 2_250L, 3_375L, 5_063L, 7_594L, 11_391L, 17_086L, 25_629L, 38_443L, 57_665L, 60_000L);
    }

    @Test
    void whenNothingIsSetAndCheckpointingIsOn_thenFirstDelayIsJitteredByTenPercent() {
        RestartBackoffTimeStrategy strategy = RestartStrategyFactory.create(null, new Configuration(), true, clock,
                new Random() {
                    @Override
                    public double nextDouble() {
                        return 0.0; // the lowest jitter draw
                    }
                });

        strategy.notifyFailure(FAILURE);

        assertThat(strategy.getBackoffTime()).isEqualTo(900L);
    }

    @Test
    void whenOnlyExponentialKeysAreSet_thenTheCheckpointingDefaultIgnoresThem() {
        // As in Flink: the restart-strategy.exponential-delay.* keys only apply once the type is set.
        Configuration conf = new Configuration().setString(ConfigKeys.RESTART_EXP_INITIAL, "10 s");

        RestartBackoffTimeStrategy strategy = create(null, conf, true);

        assertThat(strategy.describe()).contains("initialBackoff=1000 ms");
    }

    @Test
    void whenFixedDelayKeysAreUnset_thenOneAttemptAfterOneSecondApplies() {
        Configuration conf = new Configuration().setString(ConfigKeys.RESTART_STRATEGY_TYPE, "fixed-delay");

        assertThat(create(null, conf, false).describe()).isEqualTo("FixedDelay(maxAttempts=1, delay=1000 ms)");
    }

    @Test
    void whenFailureRateKeysAreUnset_thenOneFailurePerMinuteWithOneSecondDelayApplies() {
        Configuration conf = new Configuration().setString(ConfigKeys.RESTART_STRATEGY_TYPE, "failure-rate");

        assertThat(create(null, conf, false).describe())
                .isEqualTo("FailureRate(maxFailuresPerInterval=1, interval=60000 ms, delay=1000 ms)");
    }

    @Test
    void whenExponentialKeysAreUnset_thenTheSameDefaultsAsWithoutATypeApply() {
        Configuration conf = new Configuration().setString(ConfigKeys.RESTART_STRATEGY_TYPE, "exponential-delay");

        assertThat(create(null, conf, false).describe()).isEqualTo(create(null, new Configuration(), true).describe());
    }

    // ---- configuration keys ----

    @ParameterizedTest
    @ValueSource(strings = {"none", "off", "disable", "NONE", " Off "})
    void whenTypeIsANoRestartAlias_thenNoRestartIsCreated(String type) {
        assertThat(createFromType(type)).isInstanceOf(NoRestartStrategy.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixed-delay", "fixeddelay", "Fixed-Delay"})
    void whenTypeIsAFixedDelayAlias_thenFixedDelayIsCreated(String type) {
        assertThat(createFromType(type)).isInstanceOf(FixedDelayRestartStrategy.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"failure-rate", "failurerate", "FAILURE-RATE"})
    void whenTypeIsAFailureRateAlias_thenFailureRateIsCreated(String type) {
        assertThat(createFromType(type)).isInstanceOf(FailureRateRestartStrategy.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"exponential-delay", "exponentialdelay", "ExponentialDelay"})
    void whenTypeIsAnExponentialDelayAlias_thenExponentialDelayIsCreated(String type) {
        assertThat(createFromType(type)).isInstanceOf(ExponentialDelayRestartStrategy.class);
    }

    @Test
    void whenFixedDelayKeysAreSet_thenThreeRestartsTenSecondsApartThenGiveUp() {
        Configuration conf = new Configuration()
                .setString(ConfigKeys.RESTART_STRATEGY_TYPE, "fixed-delay")
                .setString(ConfigKeys.RESTART_FIXED_DELAY_ATTEMPTS, "3")
                .setString(ConfigKeys.RESTART_FIXED_DELAY_DELAY, "10 s");
        RestartBackoffTimeStrategy strategy = create(null, conf, false);

        assertThat(consecutiveDelays(strategy, 3)).containsExactly(10_000L, 10_000L, 10_000L);
        strategy.notifyFailure(FAILURE);
        assertThat(strategy.canRestart()).isFalse();
    }

    @Test
    void whenFailureRateKeysAreSet_thenThreeFailuresPerFiveMinutesAreRestarted() {
        Configuration conf = new Configuration()
                .setString(ConfigKeys.RESTART_STRATEGY_TYPE, "failure-rate")
                .setString(ConfigKeys.RESTART_FAILURE_RATE_MAX, "3")
                .setString(ConfigKeys.RESTART_FAILURE_RATE_INTERVAL, "5 min")
                .setString(ConfigKeys.RESTART_FAILURE_RATE_DELAY, "10 s");
        RestartBackoffTimeStrategy strategy = create(null, conf, false);

        assertThat(consecutiveDelays(strategy, 3)).containsExactly(10_000L, 10_000L, 10_000L);
        strategy.notifyFailure(FAILURE);
        assertThat(strategy.canRestart()).isFalse();
    }

    @Test
    void whenExponentialKeysAreSet_thenTheyShapeTheBackoffAndTheAttemptBudget() {
        // Flink's documented example.
        Configuration conf = new Configuration()
                .setString(ConfigKeys.RESTART_STRATEGY_TYPE, "exponential-delay")
                .setString(ConfigKeys.RESTART_EXP_INITIAL, "10 s")
                .setString(ConfigKeys.RESTART_EXP_MAX, "2 min")
                .setString(ConfigKeys.RESTART_EXP_MULTIPLIER, "2.0")
                .setString(ConfigKeys.RESTART_EXP_RESET, "10 min")
                .setString(ConfigKeys.RESTART_EXP_JITTER, "0.1")
                .setString(ConfigKeys.RESTART_EXP_ATTEMPTS, "10");
        RestartBackoffTimeStrategy strategy = create(null, conf, false);

        assertThat(strategy.describe()).isEqualTo("ExponentialDelay(initialBackoff=10000 ms, maxBackoff=120000 ms, "
                + "multiplier=2.0, resetThreshold=600000 ms, jitterFactor=0.1, attemptsBeforeReset=10)");
        assertThat(consecutiveDelays(strategy, 10)).containsExactly(
                10_000L, 20_000L, 40_000L, 80_000L, 120_000L, 120_000L, 120_000L, 120_000L, 120_000L, 120_000L);
        clock.advance(120_000L);
        strategy.notifyFailure(FAILURE);
        assertThat(strategy.canRestart()).isFalse();
    }

    // ---- API settings ----

    @Test
    void whenApiSetsFailureRate_thenItsRateAndDelayApply() {
        RestartBackoffTimeStrategy strategy = create(RestartStrategies.failureRateRestart(
                3, Duration.ofMinutes(5), Duration.ofSeconds(10)), new Configuration(), true);

        assertThat(strategy.describe())
                .isEqualTo("FailureRate(maxFailuresPerInterval=3, interval=300000 ms, delay=10000 ms)");
    }

    @Test
    void whenApiSetsExponentialDelay_thenItsSettingsApplyWithUnlimitedAttempts() {
        Configuration conf = new Configuration().setString(ConfigKeys.RESTART_EXP_ATTEMPTS, "2");

        RestartBackoffTimeStrategy strategy = create(RestartStrategies.exponentialDelayRestart(Duration.ofMillis(1),
                Duration.ofMillis(1_000), 1.1, Duration.ofSeconds(2), 0.1), conf, true);

        assertThat(strategy.describe()).isEqualTo("ExponentialDelay(initialBackoff=1 ms, maxBackoff=1000 ms, "
                + "multiplier=1.1, resetThreshold=2000 ms, jitterFactor=0.1, attemptsBeforeReset=unlimited)");
    }

    private RestartBackoffTimeStrategy create(RestartStrategies.RestartStrategyConfiguration api, Configuration conf,
            boolean checkpointing) {
        return RestartStrategyFactory.create(api, conf, checkpointing, clock, noJitter);
    }

    private RestartBackoffTimeStrategy createFromType(String type) {
        return create(null, new Configuration().setString(ConfigKeys.RESTART_STRATEGY_TYPE, type), false);
    }

    /** Reports {@code count} failures, each right after the previous restart; all must be restartable. */
    private List<Long> consecutiveDelays(RestartBackoffTimeStrategy strategy, int count) {
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                clock.advance(delays.get(i - 1));
            }
            strategy.notifyFailure(FAILURE);
            assertThat(strategy.canRestart()).as("failure %d", i + 1).isTrue();
            delays.add(strategy.getBackoffTime());
        }
        return delays;
    }
}
