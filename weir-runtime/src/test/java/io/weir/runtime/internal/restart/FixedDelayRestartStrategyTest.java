package io.weir.runtime.internal.restart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Flink's documented example: 3 attempts, 10 s apart. */
class FixedDelayRestartStrategyTest {
    private static final Exception FAILURE = new Exception("task failed");

    @Test
    void whenFirstThreeFailuresArrive_thenEachIsRestartedAfterTenSeconds() {
        FixedDelayRestartStrategy strategy = new FixedDelayRestartStrategy(3, 10_000);

        for (int failure = 1; failure <= 3; failure++) {
            strategy.notifyFailure(FAILURE);
            assertThat(strategy.canRestart()).as("failure %d", failure).isTrue();
            assertThat(strategy.getBackoffTime()).isEqualTo(10_000);
        }
    }

    @Test
    void whenFourthFailureArrives_thenFixedDelayGivesUp() {
        FixedDelayRestartStrategy strategy = new FixedDelayRestartStrategy(3, 10_000);
        failTimes(strategy, 3);

        strategy.notifyFailure(FAILURE);

        assertThat(strategy.canRestart()).isFalse();
    }

    @Test
    void whenZeroAttemptsAreAllowed_thenTheFirstFailureGivesUp() {
        FixedDelayRestartStrategy strategy = new FixedDelayRestartStrategy(0, 1_000);

        strategy.notifyFailure(FAILURE);

        assertThat(strategy.canRestart()).isFalse();
    }

    @Test
    void whenQueriedRepeatedly_thenTheAnswerDoesNotChange() {
        FixedDelayRestartStrategy strategy = new FixedDelayRestartStrategy(1, 500);
        strategy.notifyFailure(FAILURE);

        assertThat(strategy.canRestart()).isTrue();
        assertThat(strategy.canRestart()).isTrue();
        assertThat(strategy.getBackoffTime()).isEqualTo(500);
        assertThat(strategy.getBackoffTime()).isEqualTo(500);
    }

    @Test
    void shouldDescribeAttemptsAndDelay() {
        assertThat(new FixedDelayRestartStrategy(3, 10_000).describe())
                .isEqualTo("FixedDelay(maxAttempts=3, delay=10000 ms)");
    }

    private static void failTimes(RestartBackoffTimeStrategy strategy, int times) {
        for (int i = 0; i < times; i++) {
            strategy.notifyFailure(FAILURE);
            assertThat(strategy.canRestart()).isTrue();
        }
    }
}
