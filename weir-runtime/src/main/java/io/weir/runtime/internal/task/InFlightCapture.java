package io.weir.runtime.internal.task;

import io.weir.api.typeutils.TypeSerializer;
import io.weir.runtime.internal.io.InputGate;
import io.weir.runtime.internal.io.RecordBatch;
import io.weir.runtime.serialization.Serializers;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The input records an unaligned checkpoint overtook. From the moment a subtask snapshots its
 * state, every element of channel j with sequence number in [start[j], end[j]) came before the
 * barrier on j but is processed after the snapshot: those records go into the checkpoint and are
 * replayed on restore. end[j] becomes known when the barrier of channel j arrives (its priority
 * mark, or the in-band barrier's own position). Elements consumed before that are captured as they
 * are consumed; once every end is known, the still-queued rest is captured by peeking.
 * Task thread only.
 */
final class InFlightCapture {
    final long checkpointId;
    private final long[] start;
    private final long[] end;
    private final boolean[] endKnown;
    private int endsKnown;
    private final List<byte[]> blobs = new ArrayList<>();
    private final TypeSerializer<Object> serializer = Serializers.dynamic();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private long records;

    /** Deferred asynchronous part of the checkpoint, run once the capture is complete. */
    Runnable onComplete;

    InFlightCapture(long checkpointId, InputGate gate) {
        this.checkpointId = checkpointId;
        int n = gate.size();
        this.start = new long[n];
        this.end = new long[n];
        this.endKnown = new boolean[n];
        Arrays.fill(end, Long.MAX_VALUE);
        for (int j = 0; j < n; j++) {
            start[j] = gate.channel(j).dequeuedCount();
            if (gate.isFinished(j)) {
                setEnd(j, start[j]);
            }
        }
    }

    /** Channel j's barrier sits before the element with sequence number {@code mark}. */
    void setEnd(int channel, long mark) {
        if (!endKnown[channel]) {
            endKnown[channel] = true;
            end[channel] = Math.max(mark, start[channel]);
            endsKnown++;
        }
    }

    boolean isEndKnown(int channel) {
        return endKnown[channel];
    }

    boolean allEndsKnown() {
        return endsKnown == start.length;
    }

    /**
     * Whether every element before each channel's barrier has been captured or is queued now: a
     * mark may count batches the producer sealed but has not yet pushed.
     */
    boolean isComplete(InputGate gate) {
        if (!allEndsKnown()) {
            return false;
        }
        for (int j = 0; j < start.length; j++) {
            if (gate.channel(j).enqueuedCount() < end[j] && !gate.isFinished(j)) {
                return false;
            }
        }
        return true;
    }

    /** Called for every element the task consumes while the capture runs. */
    void onConsumed(int channel, long seq, Object element) {
        if (seq >= start[channel] && seq < end[channel]) {
            capture(channel, element);
        }
    }

    /** Captures the elements still queued before each channel's barrier. Call once all ends are known. */
    void captureQueued(InputGate gate) {
        for (int j = 0; j < start.length; j++) {
            long from = Math.max(start[j], gate.channel(j).dequeuedCount());
            long to = Math.min(end[j], gate.channel(j).enqueuedCount());
            for (long seq = from; seq < to; seq++) {
                capture(j, gate.channel(j).peek(seq));
            }
        }
    }

    private void capture(int channel, Object element) {
        if (!(element instanceof RecordBatch)) {
            return; // watermarks and end-of-data are re-emitted by the upstream after a restore
        }
        RecordBatch b = (RecordBatch) element;
        try {
            buffer.reset();
            DataOutputStream out = new DataOutputStream(buffer);
            out.writeInt(channel);
            out.writeInt(b.size());
            for (int i = 0; i < b.size(); i++) {
                out.writeLong(b.timestamp(i));
                serializer.serialize(b.record(i), out);
            }
            out.flush();
            blobs.add(buffer.toByteArray());
            records += b.size();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store in-flight records of channel " + channel + " in unaligned checkpoint "
                    + checkpointId + ": " + e.getMessage(), e);
        }
    }

    List<byte[]> blobs() {
        return blobs;
    }

    long records() {
        return records;
    }
}
