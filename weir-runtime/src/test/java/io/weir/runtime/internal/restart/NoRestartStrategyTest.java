package io.weir.runtime.internal.restart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoRestartStrategyTest {

    @Test
    void whenFirstFailureArrives_thenNoRestartGivesUp() {
        NoRestartStrategy strategy = new NoRestartStrategy();

        strategy.notifyFailure(new RuntimeException("boom"));

        assertThat(strategy.canRestart()).isFalse();
    }

    @Test
    void shouldDescribeItselfForLogs() {
        assertThat(new NoRestartStrategy().describe()).isEqualTo("NoRestart");
    }
}
