package io.weir.connectors.files;

import io.weir.api.configuration.Configuration;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobExecutionResult;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.functions.sink.RichSinkFunction;
import io.weir.api.restart.RestartStrategies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Every sink instance that was opened is closed, also in the attempt that failed. */
class SinkCloseOnFailureIT {
    static final AtomicInteger OPENS = new AtomicInteger();
    static final AtomicInteger CLOSES = new AtomicInteger();
    static final List<String> CLOSED = new CopyOnWriteArrayList<>();
    static final List<String> OPENED = new CopyOnWriteArrayList<>();
    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicLong SEEN = new AtomicLong();

    @TempDir
    Path checkpoints;

    static final class RecordingSink extends RichSinkFunction<Long> {
        @Override
        public void open(Configuration parameters) {
            OPENS.incrementAndGet();
            OPENED.add("attempt " + getRuntimeContext().getAttemptNumber() + " subtask " + getRuntimeContext().getIndexOfThisSubtask());
        }

        @Override
        public void invoke(Long value, Context context) {}

        @Override
        public void close() {
            CLOSES.incrementAndGet();
            CLOSED.add("attempt " + getRuntimeContext().getAttemptNumber() + " subtask " + getRuntimeContext().getIndexOfThisSubtask());
        }
    }

    static final class FailOnce extends RichMapFunction<Long, Long> {
        @Override
        public Long map(Long value) {
            if (SEEN.incrementAndGet() == 5_000 && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure at element " + value);
            }
            return value;
        }
    }

    @Test
    void shouldCloseEverySinkInstanceIncludingThoseOfTheFailedAttempt() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(50);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toUri().toString());
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, 0));
        env.fromSequence(0, 99_999).map(new FailOnce()).rebalance().addSink(new RecordingSink());

        JobClient client = env.executeAsync("close on failure");
        JobExecutionResult result = client.getJobExecutionResult().get();

        assertThat(FAILED).isTrue();
        assertThat(result.getRestarts()).isEqualTo(1);
        // the sink subtasks of the failed attempt may not have been opened yet when the failure cancelled them
        assertThat(OPENED).contains("attempt 1 subtask 0", "attempt 1 subtask 1").hasSizeBetween(2, 4);
        assertThat(CLOSES.get()).isEqualTo(OPENS.get());
        assertThat(CLOSED).as("every opened instance was closed").containsExactlyInAnyOrderElementsOf(OPENED);
    }
}
