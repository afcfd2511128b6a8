package io.weir.runtime.internal.restart;

import static org.assertj.core.api.Assertions.assertThat;

import io.weir.runtime.internal.time.ManualClock;
import org.junit.jupiter.api.Test;

/** Flink's documented example: at most 3 failures per 5 minutes, 10 s between restarts. */
class FailureRateRestartStrategyTest {
    private static final Exception FAILURE = new Exception("task failed");
    private static final long MINUTE = 60_000L;

    private final ManualClock clock = new ManualClock();
    private final FailureRateRestartStrategy strategy = new FailureRateRestartStrategy(3, 5 * MINUTE, 10_000, clock);

    @Test
    void whenThreeFailuresArriveWithinTheInterval_thenAllAreRestartedAfterTheDelay() {
        for (int failure = 1; failure <= 3; failure++) {
            strategy.notifyFailure(FAILURE);
            assertThat(strategy.canRestart()).as("failure %d", failure).isTrue();
            assertThat(strategy.getBackoffTime()).isEqualTo(10_000);
            clock.advance(MINUTE);
        }
    }

    @Test
    void whenFourthFailureArrivesWithinTheInterval_thenFailureRateGivesUp() {
        failAt(0, 1 * MINUTE, 2 * MINUTE);

        clock.advance(4 * MINUTE - clock.relativeTimeMillis());
        strategy.notifyFailure(FAILURE);

        assertThat(strategy.canRestart()).isFalse();
    }

    @Test
    void whenOldestFailureLeavesTheWindow_thenAFourthFailureIsRestarted() {
        failAt(0, 1 * MINUTE, 2 * MINUTE);

        clock.advance(5 * MINUTE + 1 - clock.relativeTimeMillis());
        strategy.notifyFailure(FAILURE);

        assertThat(strategy.canRestart()).isTrue();
    }

    @Test
    void whenFailureIsExactlyOneIntervalOld_thenItStillCounts() {
        failAt(0, 1 * MINUTE, 2 * MINUTE);

        clock.advance(5 * MINUTE - clock.relativeTimeMillis());
        strategy.notifyFailure(FAILURE);

        assertThat(strategy.canRestart()).isFalse();
    }

    @Test
    void whenJobFailsSlowerThanTheRate_thenItIsRestartedIndefinitely() {
        for (int failure = 1; failure <= 100; failure++) {
            strategy.notifyFailure(FAILURE);
            assertThat(strategy.canRestart()).as("failure %d", failure).isTrue();
            clock.advance(2 * MINUTE); // at most 3 failures in any 5-minute window
        }
    }

    @Test
    void whenBurstFollowsAQuietPeriod_thenOnlyTheBurstCounts() {
        failAt(0, 1 * MINUTE);
        clock.advance(30 * MINUTE);

        for (int failure = 1; failure <= 3; failure++) {
            strategy.notifyFailure(FAILURE);
            assertThat(strategy.canRestart()).as("burst failure %d", failure).isTrue();
            clock.advance(1_000);
        }
        strategy.notifyFailure(FAILURE);

        assertThat(strategy.canRestart()).isFalse();
    }

    @Test
    void shouldDescribeRateAndDelay() {
        assertThat(strategy.describe())
                .isEqualTo("FailureRate(maxFailuresPerInterval=3, interval=300000 ms, delay=10000 ms)");
    }

    /** Reports a failure at each of the given absolute times, each of which must be restartable. */
    private void failAt(long... times) {
        for (long time : times) {
            clock.advance(time - clock.relativeTimeMillis());
            strategy.notifyFailure(FAILURE);
            assertThat(strategy.canRestart()).as("failure at %d ms", time).isTrue();
        }
    }
}
