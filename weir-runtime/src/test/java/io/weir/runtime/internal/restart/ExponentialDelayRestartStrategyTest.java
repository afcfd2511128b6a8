package io.weir.runtime.internal.restart;

import static org.assertj.core.api.Assertions.assertThat;

import io.weir.runtime.internal.time.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Flink's documented example: initial backoff 1 s, multiplier 2, max backoff 10 s, reset threshold
 * 6 min, 8 attempts before reset; jitter off unless a test is about jitter.
 */
class ExponentialDelayRestartStrategyTest {
    private static final Exception FAILURE = new Exception("task failed");
    private static final long SECOND = 1_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final Random UNUSED_RANDOM = new Random(0);

    private final ManualClock clock = new ManualClock();

    @Test
    void whenFailuresFollowEachOther_thenBackoffDoublesUpToTheMaximum() {
        ExponentialDelayRestartStrategy strategy = docExample(0.0, Integer.MAX_VALUE);

        assertThat(delaysOfConsecutiveFailures(strategy, 7, SECOND))
                .containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 10_000L, 10_000L, 10_000L);
    }

    @Test
    void whenMultiplierIsOnePointFive_thenBackoffGrowsByHalfEachTime() {
        ExponentialDelayRestartStrategy strategy = new ExponentialDelayRestartStrategy(
                1_000, 60_000, 1.5, 60 * MINUTE, 0.0, Integer.MAX_VALUE, clock, UNUSED_RANDOM);

        assertThat(delaysOfConsecutiveFailures(strategy, 5, SECOND))
                .containsExactly(1_000L, 1_500L, 2_250L, 3_375L, 5_063L);
    }

    @Test
    void whenBackoffIsOneMillisecondAndMultiplierSmall_thenItStillGrowsToTheMaximum() {
        // Flink's programmatic example: 1 ms initial, 1000 ms max, multiplier 1.1.
        ExponentialDelayRestartStrategy strategy = new ExponentialDelayRestartStrategy(
                1, 1_000, 1.1, 2 * SECOND, 0.0, Integer.MAX_VALUE, clock, UNUSED_RANDOM);

        List<Long> delays = delaysOfConsecutiveFailures(strategy, 80, 0);

        assertThat(delays.get(1)).isEqualTo(1L); // 1.1 ms rounds to 1 ...
        assertThat(delays.get(10)).isEqualTo(3L); // ... but the exact backoff keeps growing
        assertThat(delays.get(79)).isEqualTo(1_000L);
    }

    @Test
    void whenJobRunsLongerThanResetThreshold_thenBackoffResetsToInitial() {
        ExponentialDelayRestartStrategy strategy = docExample(0.0, Integer.MAX_VALUE);
        delaysOfConsecutiveFailures(strategy, 4, SECOND); // last delay 8 s

        clock.advance(8 * SECOND + 6 * MINUTE); // restart after 8 s, then 6 min of healthy running
        strategy.notifyFailure(FAILURE);

        assertThat(strategy.canRestart()).isTrue();
        assertThat(strategy.getBackoffTime()).isEqualTo(1_000L);
    }

    @Test
    void whenJobRunsJustUnderResetThreshold_thenBackoffKeepsGrowing() {
        ExponentialDelayRestartStrategy strategy = docExample(0.0, Integer.MAX_VALUE);
        delaysOfConsecutiveFailures(strategy, 4, SECOND); // last delay 8 s

        clock.advance(8 * SECOND + 6 * MINUTE - 1);
        strategy.notifyFailure(FAILURE);

        assertThat(strategy.getBackoffTime()).isEqualTo(10_000L);
    }

    @Test
    void whenTimeSinceFailureExceedsThresholdOnlyBecauseOfTheBackoff_thenBackoffDoesNotReset() {
        // Waiting out the backoff is not running: 6 min after a failure whose restart took 10 s,
        // the job has only run for 5 min 50 s.
        ExponentialDelayRestartStrategy strategy = docExample(0.0, Integer.MAX_VALUE);
        delaysOfConsecutiveFailures(strategy, 5, SECOND); // last delay 10 s

        clock.advance(6 * MINUTE);
        strategy.notifyFailure(FAILURE);

        assertThat(strategy.getBackoffTime()).isEqualTo(10_000L);
    }

    @Test
    void whenNinthConsecutiveFailureArrives_thenExponentialDelayGivesUp() {
        ExponentialDelayRestartStrategy strategy = docExample(0.0, 8);
        delaysOfConsecutiveFailures(strategy, 8, SECOND); // last delay 10 s

        clock.advance(10 * SECOND + SECOND);
        strategy.notifyFailure(FAILURE);

        assertThat(strategy.canRestart()).isFalse();
    }

    @Test
    void whenBackoffResets_thenTheAttemptBudgetStartsOver() {
        ExponentialDelayRestartStrategy strategy = docExample(0.0, 8);
        delaysOfConsecutiveFailures(strategy, 8, SECOND); // last delay 10 s

        clock.advance(10 * SECOND + 6 * MINUTE);
        List<Long> delays = delaysOfConsecutiveFailures(strategy, 8, SECOND);

        assertThat(delays).startsWith(1_000L, 2_000L);
        clock.advance(10 * SECOND + SECOND);
        strategy.notifyFailure(FAILURE);
        assertThat(strategy.canRestart()).isFalse();
    }

    @Test
    void whenAttemptsAreUnlimited_thenItNeverGivesUp() {
        ExponentialDelayRestartStrategy strategy = docExample(0.0, Integer.MAX_VALUE);

        assertThat(delaysOfConsecutiveFailures(strategy, 10_000, SECOND)).hasSize(10_000);
    }

    @Test
    void whenJitterIsTenPercent_thenThirdAndFourthDelaysStayWithinTheDocumentedBounds() {
        long seed = seed();
        Random random = new Random(seed);
        List<Long> thirdDelays = new ArrayList<>();
        for (int run = 0; run < 1_000; run++) {
            ExponentialDelayRestartStrategy strategy = new ExponentialDelayRestartStrategy(
                    1_000, 10_000, 2.0, 6 * MINUTE, 0.1, Integer.MAX_VALUE, clock, random);
            List<Long> delays = delaysOfConsecutiveFailures(strategy, 4, 0);

            assertThat(delays.get(2)).as("third delay, seed %d", seed).isBetween(3_600L, 4_400L);
            assertThat(delays.get(3)).as("fourth delay, seed %d", seed).isBetween(7_200L, 8_800L);
            thirdDelays.add(delays.get(2));
        }
        // Jitter must actually spread the restarts, over most of the allowed range.
        assertThat(thirdDelays.stream().distinct().count()).as("seed %d", seed).isGreaterThan(100);
        assertThat(thirdDelays.stream().mapToLong(Long::longValue).min().getAsLong()).isLessThan(3_700L);
        assertThat(thirdDelays.stream().mapToLong(Long::longValue).max().getAsLong()).isGreaterThan(4_300L);
    }

    @Test
    void whenJitterIsAppliedAtTheMaximum_thenDelayMayExceedItByTheJitterOnly() {
        long seed = seed();
        ExponentialDelayRestartStrategy strategy = new ExponentialDelayRestartStrategy(
                1_000, 10_000, 2.0, 6 * MINUTE, 0.1, Integer.MAX_VALUE, clock, new Random(seed));

        List<Long> delays = delaysOfConsecutiveFailures(strategy, 200, SECOND);

        assertThat(delays.subList(4, delays.size())).as("seed %d", seed).allSatisfy(
                delay -> assertThat(delay).isBetween(9_000L, 11_000L));
    }

    @Test
    void whenSeedIsTheSame_thenJitteredDelaysAreTheSame() {
        ExponentialDelayRestartStrategy first = new ExponentialDelayRestartStrategy(
                1_000, 60_000, 1.5, MINUTE, 0.1, Integer.MAX_VALUE, clock, new Random(42));
        ExponentialDelayRestartStrategy second = new ExponentialDelayRestartStrategy(
                1_000, 60_000, 1.5, MINUTE, 0.1, Integer.MAX_VALUE, clock, new Random(42));

        assertThat(delaysOfConsecutiveFailures(first, 20, 0))
                .isEqualTo(delaysOfConsecutiveFailures(second, 20, 0));
    }

    @Test
    void whenQueriedRepeatedly_thenTheJitteredDelayDoesNotChange() {
        ExponentialDelayRestartStrategy strategy = new ExponentialDelayRestartStrategy(
                1_000, 60_000, 1.5, MINUTE, 1.0, Integer.MAX_VALUE, clock, new Random(7));
        strategy.notifyFailure(FAILURE);

        long delay = strategy.getBackoffTime();

        assertThat(strategy.getBackoffTime()).isEqualTo(delay);
        assertThat(strategy.canRestart()).isTrue();
        assertThat(strategy.getBackoffTime()).isEqualTo(delay);
    }

    @Test
    void shouldDescribeEverySetting() {
        assertThat(docExample(0.1, 8).describe()).isEqualTo("ExponentialDelay(initialBackoff=1000 ms, "
                + "maxBackoff=10000 ms, multiplier=2.0, resetThreshold=360000 ms, jitterFactor=0.1, "
                + "attemptsBeforeReset=8)");
        assertThat(docExample(0.0, Integer.MAX_VALUE).describe()).contains("attemptsBeforeReset=unlimited");
    }

    private ExponentialDelayRestartStrategy docExample(double jitter, int attemptsBeforeReset) {
        return new ExponentialDelayRestartStrategy(1_000, 10_000, 2.0, 6 * MINUTE, jitter, attemptsBeforeReset,
                clock, UNUSED_RANDOM);
    }

    /**
     * Reports {@code count} failures and returns their delays; every failure must be restartable.
     * The first failure happens now; each later one {@code runMillis} after the job came back from
     * the previous failure (that failure plus its delay). The clock is left at the last failure.
     */
    private List<Long> delaysOfConsecutiveFailures(RestartBackoffTimeStrategy strategy, int count, long runMillis) {
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                clock.advance(delays.get(i - 1) + runMillis);
            }
            strategy.notifyFailure(FAILURE);
            assertThat(strategy.canRestart()).as("failure %d", i + 1).isTrue();
            delays.add(strategy.getBackoffTime());
        }
        return delays;
    }

    private static long seed() {
        long seed = Long.getLong("weir.test.seed", System.nanoTime());
        System.out.println("ExponentialDelayRestartStrategyTest seed: " + seed + " (rerun with -Dweir.test.seed="
                + seed + ")");
        return seed;
    }
}
