package io.weir.runtime.it;

import io.weir.api.configuration.Configuration;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.FailureRecord;
import io.weir.api.execution.JobExecutionException;
import io.weir.api.functions.sink.SinkFunction;
import io.weir.api.restart.RestartStrategies;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A task that does not stop when cancelled fails the job loudly instead of hanging it or running two attempts at once. */
class WatchdogIT {
    static final AtomicBoolean RELEASE = new AtomicBoolean();

    /** Subtask 0 spins ignoring interrupts once started; subtask 1 fails, which makes the master cancel subtask 0. */
    static final class Stubborn extends io.weir.api.functions.RichMapFunction<Long, Long> {
        @Override
        public Long map(Long value) {
            if (getRuntimeContext().getIndexOfThisSubtask() == 1) {
                throw new IllegalStateException("subtask 1 fails");
            }
            while (!RELEASE.get()) {
                Thread.onSpinWait(); // ignores interrupts
            }
            return value;
        }
    }

    static final class Nothing implements SinkFunction<Long> {}

    @Test
    void whenATaskIgnoresCancellation_thenTheJobFailsWithACancellationTimeout() throws Exception {
        RELEASE.set(false);
        Configuration conf = new Configuration();
        conf.setString("task.cancellation.timeout", "300 ms");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(5, 0));
        env.fromSequence(0, 1000).rebalance().map(new Stubborn()).addSink(new Nothing());
        try {
            assertThatThrownBy(() -> env.execute("stubborn"))
                    .isInstanceOf(JobExecutionException.class)
                    .satisfies(e -> {
                        var history = ((JobExecutionException) e).getFailureHistory();
                        assertThat(history.get(history.size() - 1).classification()).isEqualTo(FailureRecord.Classification.CANCELLATION_TIMEOUT);
                        assertThat(history.get(history.size() - 1).cause()).hasMessageContaining("task.cancellation.timeout");
                    });
        } finally {
            RELEASE.set(true);
        }
    }
}
