package io.weir.testing;

import io.weir.api.environment.CheckpointingMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobExecutionResult;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.restart.RestartStrategies;
import io.weir.api.state.CheckpointListener;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broadcast rates job ({@link BroadcastRatesJob}) with one injected failure after two checkpoints completed: the job
 * restores broadcast state, the keyed list state of waiting payments and both sources' positions, and its committed
 * output is exactly the failure-free output, with aligned and unaligned checkpoints.
 */
@Timeout(300)
class BroadcastStateRecoveryIT {
    static final long N = 6_000;
    static final AtomicBoolean FAILED = new AtomicBoolean();

    @TempDir
    Path checkpoints;

    /** Throws once, in subtask 0, at its first record after the second completed checkpoint. */
    static final class FailAfterCheckpoints extends RichMapFunction<Long, Long> implements CheckpointListener {
        private transient volatile int completed;

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            completed++;
        }

        @Override
        public Long map(Long value) {
            if (getRuntimeContext().getIndexOfThisSubtask() == 0 && completed >= 2 && !FAILED.getAndSet(true)) {
                throw new IllegalStateException("injected failure at payment " + value);
            }
            return value;
        }
    }

    @ParameterizedTest(name = "parallelism {0}, unaligned {1}")
    @CsvSource({"1, false", "3, false", "2, true"})
    void convertedPaymentsAreExactlyTheFailureFreeOutputAfterARestore(int parallelism, boolean unaligned) throws Exception {
        FAILED.set(false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.enableCheckpointing(20, CheckpointingMode.EXACTLY_ONCE);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toUri().toString());
        env.getCheckpointConfig().enableUnalignedCheckpoints(unaligned);
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(2, 0));
        CollectingSink<String> sink = CollectingSink.create();
        // paced: each payments reader emits at most N / 8 / parallelism records per checkpoint, so the input outlasts two checkpoints
        BroadcastRatesJob.build(env, N, N / 8 / parallelism, new FailAfterCheckpoints()).addSink(sink);

        JobClient client = env.executeAsync("broadcast rates p" + parallelism + (unaligned ? " unaligned" : ""));
        JobExecutionResult result = client.getJobExecutionResult().get(4, TimeUnit.MINUTES);

        assertThat(FAILED).as("the failure was injected").isTrue();
        assertThat(result.getRestarts()).isEqualTo(1);
        assertThat(client.getFailureHistory().get(0).restoredCheckpointId()).as("restored from a checkpoint").isPositive();
        List<String> committed = sink.committed();
        assertThat(committed).as("no duplicates").doesNotHaveDuplicates();
        SameElements.assertSameElements("converted payments", committed, BroadcastRatesJob.expected(N));
    }
}
