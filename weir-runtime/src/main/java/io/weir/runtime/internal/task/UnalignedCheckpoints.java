package io.weir.runtime.internal.task;

import io.weir.api.typeutils.TypeSerializer;
import io.weir.runtime.internal.checkpoint.CheckpointSubsumedException;
import io.weir.runtime.internal.io.InputGate;
import io.weir.runtime.internal.io.StreamEvent;
import io.weir.runtime.serialization.Serializers;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;

/**
 * Unaligned checkpoints of one subtask with inputs. A checkpoint becomes unaligned when a
 * priority barrier overtakes a channel's queued data, when unaligned checkpoints are on with no
 * aligned phase, or when an alignment outlasts the aligned-checkpoint timeout. The subtask then
 * snapshots at once, sends its barrier ahead of its queued output, and an {@link InFlightCapture}
 * stores the input records the barriers overtook; the checkpoint's write waits for that capture.
 * Task thread only.
 */
final class UnalignedCheckpoints {

    /** Takes the checkpoint (snapshot and forward the barrier; unaligned = ahead of queued output). */
    interface Checkpointer {
        void checkpoint(long id, long timestamp, long alignmentNanos, boolean unaligned) throws Exception;
    }

    private final TaskServices services;
    private final InputGate gate;
    private final BarrierAligner aligner;
    private final String taskName;
    private final int subtask;
    private final Checkpointer checkpointer;
    private InFlightCapture capture;

    UnalignedCheckpoints(TaskServices services, InputGate gate, BarrierAligner aligner, String taskName, int subtask, Checkpointer checkpointer) {
        this.services = services;
        this.gate = gate;
        this.aligner = aligner;
        this.taskName = taskName;
        this.subtask = subtask;
        this.checkpointer = checkpointer;
    }

    private long now() {
        return services.clock().relativeTimeNanos();
    }

    /** An in-band barrier: returns true if it was handled here (no alignment needed for it). */
    boolean onBarrier(int channel, long id, long timestamp) throws Exception {
        if (capture != null && capture.checkpointId == id) {
            capture.setEnd(channel, gate.channel(channel).dequeuedCount() - 1);
            maybeComplete();
            return true;
        }
        if (aligner.isHandled(id)) {
            return true; // a checkpoint this subtask already took or aborted
        }
        if (services.unalignedEnabled() && services.alignedTimeoutNanos() == 0) {
            start(id, timestamp, 0);
            capture.setEnd(channel, gate.channel(channel).dequeuedCount() - 1);
            maybeComplete();
            return true;
        }
        return false;
    }

    /** Handles every priority barrier waiting in the channels. */
    void processPriorityEvents() throws Exception {
        Object e;
        while ((e = gate.pollPriority()) != null) {
            onPriorityBarrier(gate.lastChannel(), (StreamEvent.PriorityBarrier) e);
        }
    }

    private void onPriorityBarrier(int channel, StreamEvent.PriorityBarrier b) throws Exception {
        if (capture != null && capture.checkpointId == b.checkpointId) {
            capture.setEnd(channel, b.mark);
            maybeComplete();
            return;
        }
        if (aligner.isHandled(b.checkpointId)) {
            return;
        }
        long alignment = aligner.aligningId() == b.checkpointId ? now() - aligner.alignmentStartNanos() : 0;
        start(b.checkpointId, b.timestamp, alignment);
        capture.setEnd(channel, b.mark);
        maybeComplete();
    }

    /** Switches an alignment that outlasted the aligned-checkpoint timeout to unaligned. */
    void checkAlignmentTimeout() throws Exception {
        if (aligner.aligningId() != -1 && services.unalignedEnabled() && services.alignedTimeoutNanos() > 0
                && now() - aligner.alignmentStartNanos() > services.alignedTimeoutNanos()) {
            start(aligner.aligningId(), aligner.aligningTimestamp(), now() - aligner.alignmentStartNanos());
            maybeComplete();
        }
    }

    /**
     * Takes checkpoint {@code id} now. Channels already held back by an alignment delivered their
     * barrier in-band and have nothing in flight; a newer checkpoint overtaking an unfinished
     * capture gives the older one up (subsumed, not a failure).
     */
    private void start(long id, long timestamp, long alignmentNanos) throws Exception {
        if (capture != null) {
            long old = capture.checkpointId;
            capture = null;
            services.listener().declineCheckpoint(services.attempt(), old, taskName, subtask,
                    new CheckpointSubsumedException("unaligned checkpoint " + old + " was overtaken by checkpoint " + id
                            + " before all its barriers arrived"));
        }
        InFlightCapture c = new InFlightCapture(id, gate);
        if (aligner.aligningId() == id) {
            for (int j = 0; j < gate.size(); j++) {
                if (gate.isBlocked(j)) {
                    c.setEnd(j, gate.channel(j).dequeuedCount());
                }
            }
        }
        aligner.handledElsewhere(id);
        capture = c;
        checkpointer.checkpoint(id, timestamp, alignmentNanos, true);
    }

    /** Completes the capture once every overtaken record is captured or queued; runs the deferred write. */
    void maybeComplete() {
        if (capture != null && capture.isComplete(gate)) {
            InFlightCapture c = capture;
            capture = null;
            c.captureQueued(gate);
            if (c.onComplete != null) {
                c.onComplete.run();
            }
        }
    }

    /** Every element the task consumes, in order. */
    void onConsumed(int channel, Object element) {
        if (capture != null) {
            capture.onConsumed(channel, gate.channel(channel).dequeuedCount() - 1, element);
        }
    }

    /** A channel ended: nothing more of it can be in flight. */
    void onEndOfPartition(int channel) {
        if (capture != null) {
            capture.setEnd(channel, gate.channel(channel).dequeuedCount() - 1);
            maybeComplete();
        }
    }

    void abort(long id) {
        if (capture != null && capture.checkpointId == id) {
            capture = null;
        }
    }

    /** The running capture of checkpoint {@code id}, or null when that checkpoint is aligned. */
    InFlightCapture captureFor(long id) {
        return capture != null && capture.checkpointId == id ? capture : null;
    }

    /** Where replayed records go: the head's input that {@code channel} feeds. */
    interface ReplayTarget {
        void processElement(int channel, Object record, long timestamp);
    }

    /** Feeds the in-flight records of a restored unaligned checkpoint through the chain before any new input. */
    static void replay(TaskRestore restore, ReplayTarget head) throws Exception {
        if (restore == null || restore.inFlight().isEmpty()) {
            return;
        }
        TypeSerializer<Object> serializer = Serializers.dynamic();
        for (byte[] blob : restore.inFlight()) {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(blob));
            int channel = in.readInt(); // the same layout after a restore: unaligned checkpoints restore only at the same parallelism
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                long ts = in.readLong();
                head.processElement(channel, serializer.deserialize(in), ts);
            }
        }
    }
}
