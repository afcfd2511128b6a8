package io.weir.runtime.it;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.FailureRecord;
import io.weir.api.execution.JobExecutionException;
import io.weir.api.execution.SuppressRestartsException;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.api.restart.RestartStrategies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@Timeout(60)
class SuppressRestartsIT {

    @Test
    void whenUserCodeThrowsSuppressRestarts_thenTheJobFailsAtOnceWithoutRestarting() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(10, 0));
        env.fromSequence(1, 100).map(x -> {
            if (x == 5) {
                throw new SuppressRestartsException(new IllegalStateException("record 5 can never be processed"));
            }
            return x;
        }).addSink(new DiscardingSink<>());

        JobExecutionException e = catchThrowableOfType(() -> env.execute("fatal"), JobExecutionException.class);

        assertThat(e).hasMessageContaining("cannot be cured by restarting");
        assertThat(e.getFailureHistory()).hasSize(1);
        assertThat(e.getFailureHistory().get(0).classification()).isEqualTo(FailureRecord.Classification.FATAL);
        assertThat(e.getFailureHistory().get(0).cause()).hasRootCauseMessage("record 5 can never be processed");
    }
}
