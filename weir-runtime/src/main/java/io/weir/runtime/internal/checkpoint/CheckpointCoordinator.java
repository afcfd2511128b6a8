package io.weir.runtime.internal.checkpoint;

import io.weir.api.environment.CheckpointConfig;
import io.weir.api.execution.CheckpointStatistics;
import io.weir.runtime.checkpoint.CheckpointMetadata;
import io.weir.runtime.checkpoint.FileCheckpointStorage;
import io.weir.runtime.checkpoint.SubtaskStateMetadata;
import io.weir.runtime.internal.task.TaskListener.SnapshotStats;
import io.weir.runtime.internal.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.TreeMap;

/**
 * Decides when checkpoints start, collects acknowledgements, and completes or aborts them. Runs
 * only on the job master's thread; I/O at the edges (the metadata write) happens there too, so
 * that "complete" is never reported before the metadata is durable.
 *
 * <ol>
 *   <li>{@link #maybeTrigger} starts checkpoint n when the interval has passed, fewer than max
 *       concurrent are pending, and the min pause since the last completion has passed.</li>
 *   <li>Every subtask acknowledges with its state file; the last acknowledgement writes the
 *       metadata (temp file, fsync, atomic rename) and the checkpoint is complete.</li>
 *   <li>Only then are tasks notified, and older pending checkpoints are subsumed.</li>
 *   <li>A decline or a timeout aborts the checkpoint and removes its files; more consecutive
 *       failures than tolerated fail the job.</li>
 * </ol>
 */
public final class CheckpointCoordinator {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointCoordinator.class);
    private static final int STATS_KEPT = 100;

    /** What the coordinator asks of the master. */
    public interface Actions {
        void triggerSources(long checkpointId, long timestamp);

        void notifyComplete(long checkpointId, CheckpointMetadata metadata);

        void notifyAborted(long checkpointId);

        /** Too many checkpoint failures: fail the job with this cause. */
        void failJob(Throwable cause);

        /** Runs {@code io} off the master thread, then {@code then} with its failure (or null) back on the master thread. */
        void runIo(IoAction io, java.util.function.Consumer<Throwable> then);

        /** The final checkpoint (taken after every task reached end of input) completed. */
        void finalCheckpointComplete();

        /**
         * A checkpoint whose metadata was being written when its attempt stopped completed on disk:
         * it is now the latest completed checkpoint, although no running task takes part in it.
         */
        void completedWhileStopped(long checkpointId, CheckpointMetadata metadata);

        /** No checkpoint is writing its metadata any more (see {@link #isSettling()}). */
        void settled();
    }

    /** An I/O step that may fail. */
    @FunctionalInterface
    public interface IoAction {
        void run() throws Exception;
    }

    private static final class Pending {
        final long id;
        final long triggerTimestamp;
        final long triggerNanos;
        final boolean isFinal;
        boolean committing;
        int remaining;
        final List<SubtaskStateMetadata> states = new ArrayList<>();
        long sync;
        long async;
        long alignment;
        long bytes;

        Pending(long id, long triggerTimestamp, long triggerNanos, int expected, boolean isFinal) {
            this.id = id;
            this.triggerTimestamp = triggerTimestamp;
            this.triggerNanos = triggerNanos;
            this.remaining = expected;
            this.isFinal = isFinal;
        }
    }

    private final CheckpointConfig config;
    private final FileCheckpointStorage storage;
    private final String jobName;
    private final Clock clock;
    private final Actions actions;
    private final TreeMap<Long, Pending> pending = new TreeMap<>();
    private final Deque<CheckpointStatistics> stats = new ArrayDeque<>();
    private final String lineage;
    private long nextId;
    private long lastTriggerNanos = Long.MIN_VALUE;
    private long lastCompletionNanos = Long.MIN_VALUE;
    private int consecutiveFailures;
    private int expectedAcks;
    private boolean running;
    private boolean finalRequested;
    private long latestCompletedId = -1;
    private long completedCount;

    /** @param lineage recorded in every checkpoint's metadata (see {@link CheckpointMetadata#lineage()}) */
    public CheckpointCoordinator(CheckpointConfig config, FileCheckpointStorage storage, String jobName, String lineage, Clock clock,
            Actions actions) {
        this.lineage = lineage;
        this.config = config;
        this.storage = storage;
        this.jobName = jobName;
        this.clock = clock;
        this.actions = actions;
        this.nextId = storage.nextCheckpointId();
    }

    /** A new attempt is running with this many subtasks; checkpoints may start. */
    public void start(int subtasks) {
        expectedAcks = subtasks;
        running = true;
        finalRequested = false; // a new attempt asks for its own final checkpoint when it reaches the end
        lastTriggerNanos = clock.relativeTimeNanos();
    }

    /** The attempt is going away: abort everything pending, trigger nothing. */
    public void stop(String reason) {
        running = false;
        for (Pending p : new ArrayList<>(pending.values())) {
            if (!p.committing) { // a checkpoint whose metadata is being written finishes on its own
                abort(p.id, reason, false);
            }
        }
        finalRequested = false; // after the aborts: an aborted final checkpoint must not be retried by the next attempt
    }

    /** The pending checkpoints and how many acknowledgements each still waits for (for diagnostics). Master thread. */
    public String describePending() {
        StringBuilder sb = new StringBuilder("running=" + running + " finalRequested=" + finalRequested + " pending=[");
        for (Pending p : pending.values()) {
            sb.append(p.id).append(p.committing ? " committing" : " waiting for " + p.remaining + " ack(s)").append(p.isFinal ? " final" : "").append("; ");
        }
        return sb.append(']').toString();
    }

    public long latestCompletedId() {
        return latestCompletedId;
    }

    public long completedCount() {
        return completedCount;
    }

    public synchronized List<CheckpointStatistics> statistics() {
        return new ArrayList<>(stats);
    }

    /** Periodic check; also expires timed-out checkpoints. */
    public void maybeTrigger() {
        long now = clock.relativeTimeNanos();
        for (Pending p : new ArrayList<>(pending.values())) {
            if (!p.committing && (now - p.triggerNanos) / 1_000_000L >= config.getCheckpointTimeout()) {
                abort(p.id, "expired after " + config.getCheckpointTimeout() + " ms (execution.checkpointing.timeout) before all subtasks acknowledged", true);
            }
        }
        if (!running || pending.size() >= config.getMaxConcurrentCheckpoints()) {
            return;
        }
        if ((now - lastTriggerNanos) / 1_000_000L < config.getCheckpointInterval()) {
            return;
        }
        if (lastCompletionNanos != Long.MIN_VALUE && (now - lastCompletionNanos) / 1_000_000L < config.getMinPauseBetweenCheckpoints()) {
            return;
        }
        trigger(false);
    }

    /**
     * Every task reached end of input: trigger the final checkpoint as soon as no other checkpoint
     * is pending (a pending one was triggered before the end and cannot stand for the final state).
     */
    public void requestFinal() {
        finalRequested = true;
        maybeTriggerFinal();
    }

    private void maybeTriggerFinal() {
        if (finalRequested && running && pending.isEmpty()) {
            finalRequested = false;
            trigger(true);
        }
    }

    /** Triggers a checkpoint now. */
    public void trigger(boolean isFinal) {
        if (!running) {
            return;
        }
        long id = nextId++;
        long ts = clock.currentTimeMillis();
        lastTriggerNanos = clock.relativeTimeNanos();
        pending.put(id, new Pending(id, ts, lastTriggerNanos, expectedAcks, isFinal));
        actions.triggerSources(id, ts);
    }


    public void acknowledge(long id, SubtaskStateMetadata state, SnapshotStats s) {
        Pending p = pending.get(id);
        if (p == null || p.committing) {
            return; // aborted or subsumed meanwhile; its folder is gone or will be
        }
        p.states.add(state);
        p.sync = Math.max(p.sync, s.syncMillis());
        p.async = Math.max(p.async, s.asyncMillis());
        p.alignment = Math.max(p.alignment, s.alignmentMillis());
        p.bytes += s.bytes();
        if (--p.remaining > 0) {
            return;
        }
        if ((clock.relativeTimeNanos() - p.triggerNanos) / 1_000_000L >= config.getCheckpointTimeout()) {
            abort(p.id, "expired after " + config.getCheckpointTimeout() + " ms (execution.checkpointing.timeout); the last acknowledgement came too late", true);
            return;
        }
        // the metadata write (fsync, rename, fsync) runs on an I/O thread so the master stays responsive
        p.committing = true;
        CheckpointMetadata md = new CheckpointMetadata(CheckpointMetadata.CURRENT_FORMAT_VERSION, jobName, lineage, p.id, p.triggerTimestamp, clock.currentTimeMillis(),
                config.getCheckpointingMode().name(), p.states);
        actions.runIo(() -> storage.commitCheckpoint(md), error -> committed(p, md, error));
    }

    /** Back on the master thread after the metadata write. */
    private void committed(Pending p, CheckpointMetadata md, Throwable error) {
        pending.remove(p.id);
        if (error != null) {
            failed(p, "writing its metadata failed: " + error.getMessage(), error);
        } else {
            complete(p, md);
        }
        if (!isSettling()) {
            actions.settled();
        }
    }

    /**
     * Whether some checkpoint is writing its metadata: its outcome (complete or not) is unknown
     * until the write returns, so a failover must not choose its restore point before then.
     */
    public boolean isSettling() {
        for (Pending p : pending.values()) {
            if (p.committing) {
                return true;
            }
        }
        return false;
    }

    private void complete(Pending p, CheckpointMetadata md) {
        long duration = (clock.relativeTimeNanos() - p.triggerNanos) / 1_000_000L;
        lastCompletionNanos = clock.relativeTimeNanos();
        latestCompletedId = p.id;
        completedCount++;
        consecutiveFailures = 0;
        record(new CheckpointStatistics(p.id, p.triggerTimestamp, duration, p.sync, p.async, p.alignment, p.bytes,
                CheckpointStatistics.Status.COMPLETED, null));
        LOG.info("Checkpoint {} of job '{}' completed: {} ms end to end (sync {} ms, async {} ms, alignment {} ms), {} bytes, {} subtasks.",
                p.id, jobName, duration, p.sync, p.async, p.alignment, p.bytes, p.states.size());
        for (Pending older : new ArrayList<>(pending.headMap(p.id).values())) {
            if (!older.committing) {
                abort(older.id, "subsumed by checkpoint " + p.id, false);
            }
        }
        if (!running) {
            actions.completedWhileStopped(p.id, md); // on disk after its attempt went away: the next restore uses it
            return;
        }
        actions.notifyComplete(p.id, md);
        if (p.isFinal) {
            actions.finalCheckpointComplete();
        }
        maybeTriggerFinal();
    }

    public void decline(long id, String task, int subtask, Throwable cause) {
        Pending p = pending.get(id);
        if (p == null) {
            return;
        }
        if (cause instanceof CheckpointSubsumedException) {
            abort(id, cause.getMessage(), false); // a newer checkpoint overtook it: not a failure
            maybeTriggerFinal();
            return;
        }
        pending.remove(id);
        failed(p, "subtask " + subtask + " of '" + task + "' declined: " + cause, cause);
    }

    private void failed(Pending p, String reason, Throwable cause) {
        storage.abortCheckpoint(p.id);
        record(new CheckpointStatistics(p.id, p.triggerTimestamp, (clock.relativeTimeNanos() - p.triggerNanos) / 1_000_000L,
                p.sync, p.async, p.alignment, p.bytes, CheckpointStatistics.Status.ABORTED, reason));
        LOG.warn("Checkpoint {} of job '{}' failed: {}", p.id, jobName, reason);
        actions.notifyAborted(p.id);
        countFailure(p.id, reason, cause);
        if (p.isFinal && running) {
            finalRequested = true; // retry the final checkpoint of this attempt
        }
        maybeTriggerFinal();
    }

    private void abort(long id, String reason, boolean countsAsFailure) {
        Pending p = pending.remove(id);
        if (p == null) {
            return;
        }
        storage.abortCheckpoint(id);
        record(new CheckpointStatistics(p.id, p.triggerTimestamp, (clock.relativeTimeNanos() - p.triggerNanos) / 1_000_000L,
                p.sync, p.async, p.alignment, p.bytes, CheckpointStatistics.Status.ABORTED, reason));
        LOG.info("Checkpoint {} of job '{}' aborted: {}", id, jobName, reason);
        if (running) {
            actions.notifyAborted(id);
        }
        if (countsAsFailure) {
            countFailure(id, reason, null);
        }
        if (p.isFinal && running) {
            finalRequested = true; // retry the final checkpoint of this attempt
        }
        maybeTriggerFinal();
    }

    private void countFailure(long id, String reason, Throwable cause) {
        consecutiveFailures++;
        if (consecutiveFailures > config.getTolerableCheckpointFailureNumber() && running) {
            IllegalStateException e = new IllegalStateException("Checkpoint " + id + " failed (" + reason + "), and " + consecutiveFailures
                    + " checkpoints failed in a row, more than the tolerable " + config.getTolerableCheckpointFailureNumber()
                    + " (execution.checkpointing.tolerable-failed-checkpoints). Check the checkpoint directory " + storage.jobDirectory()
                    + " (free space, permissions), or raise the tolerable number.", cause);
            consecutiveFailures = 0;
            actions.failJob(e);
        }
    }

    private synchronized void record(CheckpointStatistics s) {
        stats.addLast(s);
        while (stats.size() > STATS_KEPT) {
            stats.removeFirst();
        }
    }
}
