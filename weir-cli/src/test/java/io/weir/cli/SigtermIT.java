package io.weir.cli;

import io.weir.api.configuration.ConfigKeys;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.api.state.CheckpointListener;
import io.weir.runtime.checkpoint.CheckpointInfo;
import io.weir.runtime.checkpoint.FileCheckpointStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** SIGTERM stops a running job in order: its operators close, its checkpoints stay, and it resumes (issue 11, item 5). */
@Timeout(180)
class SigtermIT {
    private static final String JOB = "sigterm job";
    @TempDir
    Path dir;

    /** Prints a line when a checkpoint completed and when it is closed. */
    public static final class Marker extends RichMapFunction<Long, Long> implements CheckpointListener {
        @Override
        public Long map(Long x) {
            return x;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            System.out.println("SIGTERM-IT checkpoint " + checkpointId);
        }

        @Override
        public void close() {
            System.out.println("SIGTERM-IT closed");
        }
    }

    /** Runs until stopped, with the default retention (checkpoints are deleted when the job is cancelled). */
    public static final class Job {
        public static void main(String[] args) throws Exception {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(1);
            env.enableCheckpointing(50);
            env.fromSequence(0, Long.MAX_VALUE / 4).map(new Marker()).uid("marker").addSink(new DiscardingSink<>());
            env.execute(JOB);
        }
    }

    @Test
    void whenTheProcessGetsSigterm_thenTheJobStopsInOrderAndKeepsItsCheckpoints() throws Exception {
        CountDownLatch checkpointed = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        CountDownLatch kept = new CountDownLatch(1);
        Path checkpoints = dir.resolve("checkpoints");
        JobProcess p = JobProcess.startRun(List.of("-Xmx256m"), List.of("-c", Job.class.getName(), "-D",
                ConfigKeys.CHECKPOINTING_DIR + "=" + checkpoints), dir.resolve("run.log"), line -> {
                    if (line.startsWith("SIGTERM-IT checkpoint")) {
                        checkpointed.countDown();
                    } else if (line.startsWith("SIGTERM-IT closed")) {
                        closed.countDown();
                    }
                }, line -> {
                    if (line.contains("keeping its checkpoints")) {
                        kept.countDown();
                    }
                }).killOnExit();
        assertThat(checkpointed.await(60, TimeUnit.SECONDS)).as("a checkpoint completed; log %s", p.log()).isTrue();

        p.terminate();

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the process ended after SIGTERM; log %s", p.log()).isTrue();
        // the output pumps may still be passing the last lines on: wait for them, not for time
        assertThat(kept.await(30, TimeUnit.SECONDS)).as("the shutdown cancelled the job keeping checkpoints; exit %d, log:%n%s",
                p.exitCode(), java.nio.file.Files.readString(p.log())).isTrue();
        assertThat(closed.await(30, TimeUnit.SECONDS)).as("the operators were closed; log %s", p.log()).isTrue();
        List<CheckpointInfo> left = new FileCheckpointStorage(checkpoints.toUri().toString(), JOB, 1).listCheckpoints();
        assertThat(left).as("checkpoints after SIGTERM").anyMatch(CheckpointInfo::intact);
    }
}
