package io.weir.runtime.internal.io;

import io.weir.api.functions.KeySelector;
import io.weir.runtime.internal.state.KeyGroups;

import java.util.function.BooleanSupplier;

/**
 * Writes one subtask's output for one edge into the channels of the downstream subtasks, in
 * batches. Events are broadcast to every channel after flushing that channel's pending batch, so
 * a barrier never overtakes a record emitted before it. Used only by the owning task's thread
 * (or under the checkpoint lock for classic sources).
 */
public final class RecordWriter {

    /** How records choose a channel. */
    public enum Mode { FORWARD, REBALANCE, BROADCAST, HASH }

    private final Channel[] channels;
    private final RecordBatch[] pending;
    /** Batches sealed by an unaligned barrier: they precede it and go out before any newer batch. */
    private final java.util.ArrayDeque<RecordBatch>[] sealed;
    private final Mode mode;
    private final KeySelector<Object, ?> keySelector;
    private final int maxParallelism;
    private final int batchSize;
    private final BooleanSupplier stop;
    private int nextChannel;

    @SuppressWarnings("unchecked")
    public RecordWriter(Channel[] channels, Mode mode, KeySelector<?, ?> keySelector, int maxParallelism, int batchSize,
            int subtaskIndex, BooleanSupplier stop) {
        this.channels = channels;
        this.pending = new RecordBatch[channels.length];
        @SuppressWarnings("unchecked")
        java.util.ArrayDeque<RecordBatch>[] s = new java.util.ArrayDeque[channels.length];
        this.sealed = s;
        this.mode = mode;
        this.keySelector = (KeySelector<Object, ?>) keySelector;
        this.maxParallelism = maxParallelism;
        this.batchSize = batchSize;
        this.stop = stop;
        this.nextChannel = subtaskIndex % channels.length;
    }

    public void emit(Object record, long timestamp) throws Exception {
        switch (mode) {
            case FORWARD:
                add(0, record, timestamp);
                break;
            case REBALANCE:
                add(nextChannel, record, timestamp);
                if (++nextChannel == channels.length) {
                    nextChannel = 0;
                }
                break;
            case BROADCAST:
                for (int i = 0; i < channels.length; i++) {
                    add(i, record, timestamp);
                }
                break;
            case HASH:
                Object key = keySelector.getKey(record);
                if (key == null) {
                    throw new NullPointerException("The key selector returned null for record " + record + "; keys must not be null.");
                }
                if (key.getClass().isArray()) {
                    throw new IllegalArgumentException("Key of type " + key.getClass().getSimpleName()
                            + " has no stable hashCode (arrays hash by identity); key by a List, a String or a Tuple instead.");
                }
                int kg = KeyGroups.keyGroupFor(key, maxParallelism);
                add(KeyGroups.subtaskFor(kg, maxParallelism, channels.length), record, timestamp);
                break;
            default:
                throw new IllegalStateException("Unknown partitioning " + mode);
        }
    }

    private void add(int channel, Object record, long timestamp) {
        if (sealed[channel] != null && !sealed[channel].isEmpty()) {
            pushSealed(channel);
        }
        RecordBatch b = pending[channel];
        if (b == null) {
            b = pending[channel] = new RecordBatch(batchSize);
        }
        if (b.add(record, timestamp)) {
            pending[channel] = null;
            push(channel, b);
        }
    }

    private void pushSealed(int channel) {
        java.util.ArrayDeque<RecordBatch> q = sealed[channel];
        while (!q.isEmpty()) {
            push(channel, q.peek());
            q.poll();
        }
    }

    /**
     * Sends an unaligned checkpoint barrier: it overtakes everything queued in each channel. The
     * partial batch is sealed (it precedes the barrier) and the barrier carries the sequence number
     * of the first element after it, so the consumer knows exactly which queued elements it overtook.
     */
    public void broadcastPriorityBarrier(StreamEvent.Barrier barrier) {
        for (int i = 0; i < channels.length; i++) {
            RecordBatch b = pending[i];
            if (b != null && b.size > 0) {
                pending[i] = null;
                if (sealed[i] == null) {
                    sealed[i] = new java.util.ArrayDeque<>();
                }
                sealed[i].add(b);
            }
            long mark = channels[i].enqueuedCount() + (sealed[i] == null ? 0 : sealed[i].size());
            channels[i].offerPriority(new StreamEvent.PriorityBarrier(barrier.checkpointId, barrier.timestamp, mark));
        }
    }

    /** Whether every channel can take {@code n} more elements without blocking. */
    public boolean isAvailable(int n) {
        for (int i = 0; i < channels.length; i++) {
            int extra = sealed[i] == null ? 0 : sealed[i].size();
            if (!channels[i].hasCapacity(n + extra)) {
                return false;
            }
        }
        return true;
    }

    /** Sends every partial batch downstream. */
    public void flush() {
        for (int i = 0; i < channels.length; i++) {
            if (sealed[i] != null && !sealed[i].isEmpty()) {
                pushSealed(i);
            }
            RecordBatch b = pending[i];
            if (b != null && b.size > 0) {
                pending[i] = null;
                push(i, b);
            }
        }
    }

    /** Flushes, then sends the event to every channel. */
    public void broadcastEvent(StreamEvent event) {
        flush();
        for (int i = 0; i < channels.length; i++) {
            push(i, event);
        }
    }

    private void push(int channel, Object element) {
        if (!channels[channel].put(element, stop)) {
            throw new TaskCancelledException();
        }
    }

    /** Thrown out of a blocked write when the task is cancelled. */
    public static final class TaskCancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TaskCancelledException() {
            super("task cancelled while waiting for downstream capacity", null, false, false);
        }
    }
}
