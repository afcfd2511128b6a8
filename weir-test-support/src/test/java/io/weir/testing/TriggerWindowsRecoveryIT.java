package io.weir.testing;

import io.weir.api.environment.CheckpointingMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobExecutionResult;
import io.weir.api.restart.RestartStrategies;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The count-window and custom-trigger job ({@link TriggerWindowsJob}) with one injected failure after two
 * checkpoints completed: window contents, count-trigger and custom-trigger state and the elements a count
 * evictor kept are restored with the source's position, and the committed output is exactly the
 * failure-free output, with aligned and unaligned checkpoints.
 */
@Timeout(300)
class TriggerWindowsRecoveryIT {
    static final long N = 6_000;

    @TempDir
    Path checkpoints;

    @ParameterizedTest(name = "parallelism {0}, unaligned {1}")
    @CsvSource({"1, false", "3, false", "2, true"})
    void countWindowsAndACustomTriggerAreExactlyOnceAcrossARestore(int parallelism, boolean unaligned) throws Exception {
        BroadcastStateRecoveryIT.FAILED.set(false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.enableCheckpointing(20, CheckpointingMode.EXACTLY_ONCE);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toUri().toString());
        env.getCheckpointConfig().enableUnalignedCheckpoints(unaligned);
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(2, 0));
        CollectingSink<String> sink = CollectingSink.create();
        // paced: the one source reader emits at most N / 8 numbers per checkpoint, so the input outlasts two checkpoints
        TriggerWindowsJob.build(env, N, N / 8, new BroadcastStateRecoveryIT.FailAfterCheckpoints()).addSink(sink);

        JobClient client = env.executeAsync("count windows and a custom trigger p" + parallelism + (unaligned ? " unaligned" : ""));
        JobExecutionResult result = client.getJobExecutionResult().get(4, TimeUnit.MINUTES);

        assertThat(BroadcastStateRecoveryIT.FAILED).as("the failure was injected").isTrue();
        assertThat(result.getRestarts()).isEqualTo(1);
        assertThat(client.getFailureHistory().get(0).restoredCheckpointId()).as("restored from a checkpoint").isPositive();
        List<String> committed = sink.committed();
        assertThat(committed).as("no duplicates").doesNotHaveDuplicates();
        assertThat(committed).containsExactlyInAnyOrderElementsOf(TriggerWindowsJob.expected(N));
    }
}
