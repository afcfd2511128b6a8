package io.weir.runtime.it;

import io.weir.api.configuration.ConfigKeys;
import io.weir.api.configuration.Configuration;
import io.weir.api.environment.ExternalizedCheckpointRetention;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobExecutionException;
import io.weir.api.execution.RestoreRefusedException;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.api.restart.RestartStrategies;
import io.weir.api.state.CheckpointListener;
import io.weir.runtime.checkpoint.CheckpointInfo;
import io.weir.runtime.checkpoint.FileCheckpointStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Checkpoints outlive a failed job, and resuming from a damaged latest checkpoint is refused unless a rewind is allowed. */
@Timeout(120)
class ResumeSafetyIT {
    private static final String JOB = "resume safety";
    @TempDir
    Path dir;

    /** Counts completed checkpoints; throws on the first record after {@code failAfter} of them (if set). */
    static final class Watch extends RichMapFunction<Long, Long> implements CheckpointListener {
        static volatile CountDownLatch completed;
        static volatile int failAfter = -1;
        private int seen;

        @Override
        public Long map(Long x) {
            if (failAfter >= 0 && seen >= failAfter) {
                throw new IllegalStateException("failing for good after " + seen + " checkpoints");
            }
            return x;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            seen++;
            completed.countDown();
        }
    }

    private StreamExecutionEnvironment env(Configuration conf) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, conf);
        env.enableCheckpointing(20);
        env.getCheckpointConfig().setCheckpointStorage(dir.toUri().toString());
        env.getCheckpointConfig().setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        env.getCheckpointConfig().setNumRetainedCheckpoints(3);
        env.fromSequence(0, Long.MAX_VALUE / 4).map(new Watch()).uid("watch").addSink(new DiscardingSink<>());
        return env;
    }

    /** Runs the job until {@code n} checkpoints completed, then cancels it (its checkpoints are retained). */
    private void runUntilCheckpoints(int n, Configuration conf) throws Exception {
        Watch.failAfter = -1;
        Watch.completed = new CountDownLatch(n);
        JobClient client = env(conf).executeAsync(JOB);
        assertThat(Watch.completed.await(60, TimeUnit.SECONDS)).as(n + " checkpoints completed").isTrue();
        client.cancel().get(60, TimeUnit.SECONDS);
    }

    private List<CheckpointInfo> checkpoints() {
        FileCheckpointStorage storage = new FileCheckpointStorage(dir.toUri().toString(), JOB, 3);
        return storage.listCheckpoints().stream().filter(CheckpointInfo::complete)
                .sorted(Comparator.comparingLong(CheckpointInfo::checkpointId).reversed()).toList();
    }

    private static void damage(Path checkpointFolder) throws Exception {
        try (Stream<Path> files = Files.list(checkpointFolder)) {
            Path state = files.filter(p -> p.getFileName().toString().endsWith(".state")).findFirst().orElseThrow();
            try (RandomAccessFile f = new RandomAccessFile(state.toFile(), "rw")) {
                f.seek(f.length() / 2);
                int b = f.read();
                f.seek(f.length() / 2);
                f.write(b ^ 0x10);
            }
        }
    }

    private static Configuration resume(boolean allowRewind) {
        Configuration conf = new Configuration();
        conf.setString(ConfigKeys.CHECKPOINTING_RESTORE, "latest");
        if (allowRewind) {
            conf.setString(ConfigKeys.RESTORE_ALLOW_REWIND, "true");
        }
        return conf;
    }

    @Test
    void whenTheNewestCheckpointIsDamaged_thenResumingIsRefusedAndNothingIsChanged() throws Exception {
        runUntilCheckpoints(3, new Configuration());
        List<CheckpointInfo> before = checkpoints();
        assertThat(before).hasSizeGreaterThanOrEqualTo(2);
        damage(before.get(0).directory());

        RestoreRefusedException e = catchThrowableOfType(() -> env(resume(false)).execute(JOB), RestoreRefusedException.class);

        assertThat(e).hasMessageContaining(before.get(0).directory().toString()).hasMessageContaining("is damaged")
                .hasMessageContaining(before.get(1).directory().toString()).hasMessageContaining(ConfigKeys.RESTORE_ALLOW_REWIND);
        assertThat(checkpoints()).extracting(CheckpointInfo::checkpointId)
                .as("no checkpoint was deleted").containsExactlyElementsOf(before.stream().map(CheckpointInfo::checkpointId).toList());
    }

    /** A bounded job with the default retention: it deletes its checkpoints when it finishes. */
    private static StreamExecutionEnvironment boundedEnv(Path dir, Configuration conf) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, conf);
        env.enableCheckpointing(20);
        env.getCheckpointConfig().setCheckpointStorage(dir.toUri().toString());
        env.fromSequence(0, 999).addSink(new DiscardingSink<>());
        return env;
    }

    @Test
    void whenAFinishedJobIsResumed_thenTheResumeIsRefusedUntilAFreshRun() throws Exception {
        boundedEnv(dir, new Configuration()).execute(JOB);
        Path marker = dir.resolve(FileCheckpointStorage.jobFolderName(JOB)).resolve(FileCheckpointStorage.FINISHED_MARKER);
        assertThat(marker).as("the finished job's marker").exists();
        assertThat(checkpoints()).as("its checkpoints were deleted").isEmpty();

        RestoreRefusedException e = catchThrowableOfType(() -> boundedEnv(dir, resume(false)).execute(JOB), RestoreRefusedException.class);
        assertThat(e).hasMessageContaining("finished at").hasMessageContaining("write all of its output again")
                .hasMessageContaining("--fresh");

        Configuration fresh = new Configuration();
        fresh.setString(ConfigKeys.RESTORE_FRESH, "true");
        boundedEnv(dir, fresh).execute(JOB);
        assertThat(marker).as("the new run leaves its own marker when it finishes").exists();

        boundedEnv(dir, resume(true)).execute(JOB); // --allow-rewind: a warning, then from the beginning
    }

    @Test
    void whenTheProcessDiedWhileAFinishedJobDeletedItsCheckpoints_thenTheLeftoversAreNotResumed() throws Exception {
        runUntilCheckpoints(3, new Configuration());
        assertThat(checkpoints()).isNotEmpty();
        // the finished job writes its marker first, then deletes its checkpoints newest first; a kill in between
        // leaves the marker beside older checkpoints, which must not be resumed (their output is already committed)
        Path jobFolder = dir.resolve(FileCheckpointStorage.jobFolderName(JOB));
        Files.writeString(jobFolder.resolve(FileCheckpointStorage.FINISHED_MARKER), "2026-12-02T10:00:00Z\n");

        RestoreRefusedException e = catchThrowableOfType(() -> env(resume(false)).execute(JOB), RestoreRefusedException.class);
        assertThat(e).as("refused although checkpoints are left").isNotNull();
        assertThat(e).hasMessageContaining("finished at 2026-12-02T10:00:00Z").hasMessageContaining("--fresh");
    }

    @Test
    void whenARewindIsAllowed_thenTheNewestIntactCheckpointIsRestored() throws Exception {
        runUntilCheckpoints(3, new Configuration());
        List<CheckpointInfo> before = checkpoints();
        damage(before.get(0).directory());

        runUntilCheckpoints(1, resume(true)); // starts, restores the older checkpoint, completes a checkpoint of its own

        assertThat(checkpoints().get(0).checkpointId()).as("a newer checkpoint was taken after the rewind")
                .isGreaterThan(before.get(0).checkpointId());
    }

    @Test
    void whenAJobFailsForGood_thenItsCheckpointsAreKeptAndItResumes() throws Exception {
        Watch.failAfter = 2;
        Watch.completed = new CountDownLatch(2);
        StreamExecutionEnvironment env = env(new Configuration());
        env.getCheckpointConfig().setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS);
        env.setRestartStrategy(RestartStrategies.noRestart());

        assertThatThrownBy(() -> env.execute(JOB)).isInstanceOf(JobExecutionException.class).hasMessageContaining("failing for good");

        assertThat(checkpoints()).as("a failed job keeps its checkpoints, even with NO_EXTERNALIZED_CHECKPOINTS").isNotEmpty()
                .allMatch(CheckpointInfo::intact);
        runUntilCheckpoints(1, resume(false));
    }

    @Test
    void whenTheJobNoLongerHasAnOperatorOfTheCheckpoint_thenResumingIsRefusedBeforeAnythingRuns() throws Exception {
        runUntilCheckpoints(2, new Configuration());
        List<CheckpointInfo> before = checkpoints();
        Watch.completed = new CountDownLatch(1);
        StreamExecutionEnvironment changed = StreamExecutionEnvironment.createLocalEnvironment(1, resume(false));
        changed.enableCheckpointing(20);
        changed.getCheckpointConfig().setCheckpointStorage(dir.toUri().toString());
        changed.fromSequence(0, Long.MAX_VALUE / 4).map(new Watch()).uid("watch-renamed").addSink(new DiscardingSink<>());

        RestoreRefusedException e = catchThrowableOfType(() -> changed.execute(JOB), RestoreRefusedException.class);

        assertThat(e).hasMessageContaining("'watch'").hasMessageContaining("uid(");
        assertThat(Watch.completed.getCount()).as("nothing ran").isEqualTo(1);
        assertThat(checkpoints()).extracting(CheckpointInfo::checkpointId)
                .containsExactlyElementsOf(before.stream().map(CheckpointInfo::checkpointId).toList());
    }
}
