package io.weir.runtime.internal.task;

import io.weir.api.environment.CheckpointingMode;

import java.util.TreeMap;

/**
 * Decides when a subtask with several input channels takes checkpoint n, from the barriers (and
 * ends of partitions) its channels deliver. No I/O and no clock of its own: the task passes the
 * time in and acts on the callbacks, so the rules can be tested step by step.
 *
 * <ul>
 *   <li>EXACTLY_ONCE: the first barrier n starts an alignment; each channel that delivers barrier
 *       n is held back (its later records belong after the checkpoint) until every channel that
 *       has not ended has delivered it; then the checkpoint is taken and all channels resume. A
 *       newer barrier abandons an unfinished older alignment.</li>
 *   <li>AT_LEAST_ONCE: nothing is held back; the checkpoint is taken when barrier n has arrived
 *       on every channel that has not ended.</li>
 * </ul>
 * Barriers of checkpoints already taken or aborted are ignored.
 */
final class BarrierAligner {

    /** The input channels, as far as alignment is concerned. */
    interface Inputs {
        int size();

        boolean isFinished(int channel);

        boolean isBlocked(int channel);

        void block(int channel);

        void unblockAll();
    }

    /** Takes the checkpoint (snapshot, forward the barrier). */
    interface Checkpointer {
        void checkpoint(long id, long timestamp, long alignmentNanos) throws Exception;
    }

    private final CheckpointingMode mode;
    private final Inputs inputs;
    private final Checkpointer checkpointer;
    private long aligningId = -1;
    private long aligningTimestamp;
    private int barriersSeen;
    private long alignmentStartNanos;
    private long lastHandled = -1;
    /** AT_LEAST_ONCE: per pending checkpoint, the channels that delivered its barrier. */
    private final TreeMap<Long, java.util.BitSet> atLeastOnceSeen = new TreeMap<>();
    private final TreeMap<Long, Long> atLeastOnceTimestamps = new TreeMap<>();

    BarrierAligner(CheckpointingMode mode, Inputs inputs, Checkpointer checkpointer) {
        this.mode = mode;
        this.inputs = inputs;
        this.checkpointer = checkpointer;
    }

    /** Barrier {@code id} arrived on {@code channel} at {@code nowNanos}. */
    void onBarrier(int channel, long id, long timestamp, long nowNanos) throws Exception {
        if (id <= lastHandled) {
            return; // a checkpoint this subtask already took or aborted
        }
        if (mode == CheckpointingMode.AT_LEAST_ONCE) {
            if (atLeastOnceSeen.isEmpty()) {
                alignmentStartNanos = nowNanos;
            }
            atLeastOnceSeen.computeIfAbsent(id, k -> new java.util.BitSet()).set(channel);
            atLeastOnceTimestamps.putIfAbsent(id, timestamp);
            checkAtLeastOnce(nowNanos);
            return;
        }
        if (id > aligningId) {
            if (aligningId != -1) {
                inputs.unblockAll(); // a newer barrier supersedes an unfinished alignment
            }
            aligningId = id;
            aligningTimestamp = timestamp;
            barriersSeen = 0;
            alignmentStartNanos = nowNanos;
        } else if (id < aligningId) {
            return;
        }
        barriersSeen++;
        inputs.block(channel);
        checkComplete(nowNanos);
    }

    /** A channel ended: it no longer holds up an alignment. */
    void onEndOfPartition(long nowNanos) throws Exception {
        if (mode == CheckpointingMode.AT_LEAST_ONCE) {
            checkAtLeastOnce(nowNanos);
        } else {
            checkComplete(nowNanos);
        }
    }

    /** Takes the newest pending checkpoint whose barrier every channel has delivered or ended without; drops older ones. */
    private void checkAtLeastOnce(long nowNanos) throws Exception {
        for (Long id : atLeastOnceSeen.descendingKeySet()) {
            java.util.BitSet seen = atLeastOnceSeen.get(id);
            boolean complete = true;
            for (int c = 0; c < inputs.size() && complete; c++) {
                complete = seen.get(c) || inputs.isFinished(c);
            }
            if (complete) {
                long ts = atLeastOnceTimestamps.get(id);
                atLeastOnceSeen.headMap(id, true).clear();
                atLeastOnceTimestamps.headMap(id, true).clear();
                lastHandled = id;
                checkpointer.checkpoint(id, ts, nowNanos - alignmentStartNanos);
                return;
            }
        }
    }

    private void checkComplete(long nowNanos) throws Exception {
        if (aligningId == -1 || barriersSeen + finishedUnblocked() < inputs.size()) {
            return;
        }
        long id = aligningId;
        inputs.unblockAll();
        aligningId = -1;
        lastHandled = id;
        checkpointer.checkpoint(id, aligningTimestamp, nowNanos - alignmentStartNanos);
    }

    private int finishedUnblocked() {
        int n = 0;
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.isFinished(i) && !inputs.isBlocked(i)) {
                n++;
            }
        }
        return n;
    }

    /** The checkpoint being aligned, or -1. */
    long aligningId() {
        return aligningId;
    }

    long aligningTimestamp() {
        return aligningTimestamp;
    }

    long alignmentStartNanos() {
        return alignmentStartNanos;
    }

    /** Whether checkpoint {@code id} was already taken or aborted here. */
    boolean isHandled(long id) {
        return id <= lastHandled;
    }

    /** The task takes checkpoint {@code id} by other means (source trigger, unaligned switch): forget its alignment. */
    void handledElsewhere(long id) {
        if (aligningId == id) {
            inputs.unblockAll();
            aligningId = -1;
        }
        lastHandled = Math.max(lastHandled, id);
    }

    /** Checkpoint {@code id} was aborted: stop aligning on it and ignore its barriers. */
    void abort(long id) {
        if (aligningId == id) {
            inputs.unblockAll();
            aligningId = -1;
        }
        atLeastOnceSeen.remove(id);
        atLeastOnceTimestamps.remove(id);
        lastHandled = Math.max(lastHandled, id);
    }
}
