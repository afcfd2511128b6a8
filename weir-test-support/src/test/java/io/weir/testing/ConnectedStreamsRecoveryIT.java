package io.weir.testing;

import io.weir.api.environment.CheckpointingMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobExecutionResult;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.restart.RestartStrategies;
import io.weir.api.state.CheckpointListener;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order/payment join ({@link OrderPaymentJoin}) with one injected failure after a checkpoint
 * completed: the job restores that checkpoint (keyed state of both inputs and the pending timers) and
 * its committed output is exactly the failure-free output, at parallelism 1, 2 and 4, with aligned
 * and with unaligned checkpoints.
 */
class ConnectedStreamsRecoveryIT {
    static final long N = 60_000;
    static final AtomicBoolean FAILED = new AtomicBoolean();

    @TempDir
    Path checkpoints;

    /**
     * Throws once, in subtask 0, at the first record past a third of its input after a checkpoint
     * completed. The orders source is paced (a sixth of each reader's input per checkpoint), so a
     * checkpoint completes before the input ends.
     */
    static final class FailAfterCheckpoint extends RichMapFunction<Long, Long> implements CheckpointListener {
        private final long failFrom;
        private transient volatile boolean checkpointed;
        private transient long seen;

        FailAfterCheckpoint(long failFrom) {
            this.failFrom = failFrom;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointed = true;
        }

        @Override
        public Long map(Long value) {
            if (getRuntimeContext().getIndexOfThisSubtask() != 0 || FAILED.get() || ++seen < failFrom || !checkpointed) {
                return value;
            }
            FAILED.set(true);
            throw new IllegalStateException("injected failure at record " + seen + " of subtask 0");
        }
    }

    @ParameterizedTest(name = "parallelism {0}, unaligned {1}")
    @CsvSource({"1, false", "2, false", "4, false", "2, true"})
    void joinOutputIsExactlyTheFailureFreeOutputAfterARestore(int parallelism, boolean unaligned) throws Exception {
        FAILED.set(false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.enableCheckpointing(20, CheckpointingMode.EXACTLY_ONCE);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toUri().toString());
        env.getCheckpointConfig().enableUnalignedCheckpoints(unaligned);
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(2, 0));
        CollectingSink<String> sink = CollectingSink.create();
        OrderPaymentJoin.build(env, N, N / parallelism / 6, new FailAfterCheckpoint(N / parallelism / 3)).addSink(sink);

        JobClient client = env.executeAsync("order/payment join p" + parallelism + (unaligned ? " unaligned" : ""));
        JobExecutionResult result = client.getJobExecutionResult().get(5, TimeUnit.MINUTES);

        assertThat(FAILED).as("the failure was injected").isTrue();
        assertThat(result.getRestarts()).isEqualTo(1);
        assertThat(client.getFailureHistory()).hasSize(1);
        assertThat(client.getFailureHistory().get(0).restoredCheckpointId()).as("restored from a checkpoint").isPositive();
        List<String> committed = sink.committed();
        assertThat(committed).as("no duplicates").doesNotHaveDuplicates();
        SameElements.assertSameElements("committed join output", committed, OrderPaymentJoin.expected(N));
    }
}
