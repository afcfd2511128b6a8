package io.weir.runtime.internal.checkpoint;

import io.weir.api.environment.CheckpointConfig;
import io.weir.runtime.checkpoint.CheckpointMetadata;
import io.weir.runtime.checkpoint.FileCheckpointStorage;
import io.weir.runtime.checkpoint.StateFileHandle;
import io.weir.runtime.checkpoint.StateFileOutputStream;
import io.weir.runtime.checkpoint.SubtaskStateMetadata;
import io.weir.runtime.internal.task.TaskListener;
import io.weir.runtime.internal.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coordinator's decisions when an attempt stops while a checkpoint is in flight, driven event
 * by event on one thread (no threads, no waiting): the order trigger 1, failure, metadata written.
 */
@Timeout(30)
class CheckpointCoordinatorFencingTest {
    @TempDir
    Path dir;
    private FileCheckpointStorage storage;
    private final ManualClock clock = new ManualClock();
    private final Recorder actions = new Recorder();

    /** Records what the coordinator asks for; I/O is held until the test releases it. */
    static final class Recorder implements CheckpointCoordinator.Actions {
        final List<Long> triggered = new ArrayList<>();
        final List<Long> notifiedComplete = new ArrayList<>();
        final List<Long> completedWhileStopped = new ArrayList<>();
        final List<Long> aborted = new ArrayList<>();
        int finalCompleted;
        final List<Runnable> heldIo = new ArrayList<>();
        int settled;

        @Override
        public void triggerSources(long checkpointId, long timestamp) {
            triggered.add(checkpointId);
        }

        @Override
        public void notifyComplete(long checkpointId, CheckpointMetadata metadata) {
            notifiedComplete.add(checkpointId);
        }

        @Override
        public void notifyAborted(long checkpointId) {
            aborted.add(checkpointId);
        }

        @Override
        public void failJob(Throwable cause) {
            throw new AssertionError("unexpected job failure", cause);
        }

        @Override
        public void runIo(CheckpointCoordinator.IoAction io, Consumer<Throwable> then) {
            heldIo.add(() -> {
                Throwable error = null;
                try {
                    io.run();
                } catch (Exception e) {
                    error = e;
                }
                then.accept(error);
            });
        }

        @Override
        public void finalCheckpointComplete() {
            finalCompleted++;
        }

        @Override
        public void completedWhileStopped(long checkpointId, CheckpointMetadata metadata) {
            completedWhileStopped.add(checkpointId);
        }

        @Override
        public void settled() {
            settled++;
        }

        void releaseIo() {
            List<Runnable> io = new ArrayList<>(heldIo);
            heldIo.clear();
            io.forEach(Runnable::run);
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        storage = new FileCheckpointStorage(dir.toUri().toString(), "fencing", 3);
        storage.initialize();
    }

    @AfterEach
    void tearDown() {
        storage.close();
    }

    private CheckpointCoordinator coordinator() {
        CheckpointConfig cc = new CheckpointConfig();
        cc.setCheckpointInterval(100);
        return new CheckpointCoordinator(cc, storage, "fencing", "fencing-lineage", clock, actions);
    }

    /** Triggers a checkpoint of a one-subtask job and acknowledges it: its metadata write is then held in {@code actions}. */
    private long triggerAndAcknowledge(CheckpointCoordinator c) throws Exception {
        c.trigger(false);
        long id = actions.triggered.get(actions.triggered.size() - 1);
        c.acknowledge(id, writeState(id), new TaskListener.SnapshotStats(0, 0, 0, 3));
        return id;
    }

    private SubtaskStateMetadata writeState(long id) throws Exception {
        StateFileHandle handle;
        try (StateFileOutputStream out = storage.createStateFile(id, "t0-0.state")) {
            out.write(new byte[] {1, 2, 3});
            handle = out.closeAndGetHandle();
        }
        return new SubtaskStateMetadata("t0", "Source", 0, 1, 128, -1, -1, List.of("op"), false, handle);
    }

    @Test
    void whenTheAttemptStopsWhileMetadataIsBeingWritten_thenFailoverWaitsAndTheCheckpointBecomesTheLatest() throws Exception {
        CheckpointCoordinator c = coordinator();
        c.start(1);
        long id = triggerAndAcknowledge(c);
        assertThat(actions.heldIo).as("the metadata write is under way").hasSize(1);

        c.stop("failure of a task"); // failover begins while the metadata is being written
        assertThat(c.isSettling()).as("failover must not choose its restore point yet").isTrue();
        assertThat(actions.aborted).as("a checkpoint writing its metadata is not aborted").isEmpty();

        actions.releaseIo();

        assertThat(c.isSettling()).isFalse();
        assertThat(actions.settled).isEqualTo(1);
        assertThat(actions.completedWhileStopped).as("memory learns what the disk says").containsExactly(id);
        assertThat(actions.notifiedComplete).as("no task of the stopped attempt is notified").isEmpty();
        assertThat(storage.findLatestIntact()).get().extracting(cp -> cp.metadata().checkpointId()).isEqualTo(id);
    }

    @Test
    void whenTheMetadataWriteFailsAfterTheAttemptStopped_thenNothingCompletesAndFailoverMayGoOn() throws Exception {
        CheckpointCoordinator c = coordinator();
        c.start(1);
        long id = triggerAndAcknowledge(c);
        storage.setFaultHook((point, path) -> {
            if (point == FileCheckpointStorage.FaultHook.Point.METADATA_RENAME) {
                throw new java.io.IOException("disk full (test)");
            }
        });
        c.stop("failure of a task");

        actions.releaseIo();

        assertThat(c.isSettling()).isFalse();
        assertThat(actions.settled).isEqualTo(1);
        assertThat(actions.completedWhileStopped).isEmpty();
        assertThat(storage.findLatestIntact()).isEmpty();
    }

    @Test
    void whenNoMetadataIsBeingWritten_thenStoppingAbortsPendingCheckpointsAtOnce() {
        CheckpointCoordinator c = coordinator();
        c.start(2);
        c.trigger(false);
        c.stop("failure of a task");
        assertThat(c.isSettling()).isFalse();
        assertThat(c.describePending()).contains("pending=[]");
    }

    @Test
    void whenAFinalCheckpointIsAbortedByAFailure_thenTheRestartedAttemptTakesNoFinalCheckpointMidStream() throws Exception {
        CheckpointCoordinator c = coordinator();
        c.start(1);
        c.requestFinal(); // every task reached end of input: final checkpoint F
        long f = actions.triggered.get(0);
        c.stop("failure of a task"); // F is aborted; the job restarts from an earlier checkpoint
        c.start(1);
        long id = triggerAndAcknowledge(c); // a regular checkpoint of the restarted attempt, mid-stream
        actions.releaseIo();

        assertThat(actions.notifiedComplete).containsExactly(id);
        assertThat(actions.triggered).as("no final checkpoint after the regular one").containsExactly(f, id);
        assertThat(actions.finalCompleted).isZero();
        assertThat(c.describePending()).contains("finalRequested=false");
    }
}
