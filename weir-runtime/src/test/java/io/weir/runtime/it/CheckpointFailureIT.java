package io.weir.runtime.it;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.CheckpointStatistics;
import io.weir.api.execution.FailureRecord;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobStatus;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.api.restart.RestartStrategies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A checkpoint whose files cannot be written is declined with its cause and the job goes on, until
 * more checkpoints fail in a row than tolerated. The I/O failure is real: the job's checkpoint
 * folder is replaced by a regular file while the job runs.
 */
class CheckpointFailureIT {
    @TempDir
    Path dir;

    private JobClient start(int tolerable) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.enableCheckpointing(20);
        env.getCheckpointConfig().setCheckpointStorage(dir.toUri().toString());
        env.getCheckpointConfig().setTolerableCheckpointFailureNumber(tolerable);
        env.setRestartStrategy(RestartStrategies.noRestart());
        env.fromSequence(0, Long.MAX_VALUE - 1).keyBy(i -> i % 10).map(i -> i).addSink(new DiscardingSink<>());
        return env.executeAsync("io-failures");
    }

    private static long count(JobClient c, CheckpointStatistics.Status status) {
        return c.getCheckpointStatistics().stream().filter(s -> s.status() == status).count();
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 30 s");
            }
            Thread.sleep(5);
        }
    }

    /** Replaces the job's checkpoint folder by a file, so new checkpoint folders cannot be created. */
    private Path breakStorage() throws Exception {
        Path jobDir = dir.resolve("io-failures");
        for (int tries = 0; ; tries++) { // the job may create a checkpoint folder in between: try again
            try {
                Files.move(jobDir, dir.resolve("moved-away-" + tries));
                Files.writeString(jobDir, "not a directory", java.nio.file.StandardOpenOption.CREATE_NEW);
                return jobDir;
            } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.NoSuchFileException e) {
                if (tries > 100) {
                    throw e;
                }
            }
        }
    }

    @Test
    void whenCheckpointWritesFail_thenCheckpointsAreDeclinedAndTheJobGoesOnWithinTheTolerance() throws Exception {
        JobClient client = start(1000);
        await(() -> count(client, CheckpointStatistics.Status.COMPLETED) >= 2);
        Path jobDir = breakStorage();
        await(() -> count(client, CheckpointStatistics.Status.ABORTED) >= 3);
        assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
        List<CheckpointStatistics> stats = client.getCheckpointStatistics();
        CheckpointStatistics aborted = stats.stream().filter(s -> s.status() == CheckpointStatistics.Status.ABORTED).findFirst().orElseThrow();
        assertThat(aborted.failureReason()).as("the decline names its cause").contains("declined");
        Files.delete(jobDir);
        Files.createDirectories(jobDir);
        long completedBefore = count(client, CheckpointStatistics.Status.COMPLETED);
        await(() -> count(client, CheckpointStatistics.Status.COMPLETED) > completedBefore);
        client.cancel().get(10, TimeUnit.SECONDS);
        assertThat(client.getFailureHistory()).isEmpty();
    }

    @Test
    void whenMoreCheckpointsFailInARowThanTolerated_thenTheJobFailsWithACheckpointFailure() throws Exception {
        JobClient client = start(2);
        await(() -> count(client, CheckpointStatistics.Status.COMPLETED) >= 1);
        breakStorage();
        assertThatThrownBy(() -> client.getJobExecutionResult().get(30, TimeUnit.SECONDS))
                .hasMessageContaining("tolerable")
                .hasMessageContaining("io-failures");
        assertThat(client.getFailureHistory()).hasSize(1);
        assertThat(client.getFailureHistory().get(0).classification()).isEqualTo(FailureRecord.Classification.CHECKPOINT);
    }
}
