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
        RecordBatch b = pending[channel];
        if (b == null) {
            b = pending[channel] = new RecordBatch(batchSize);
        }
        if (b.add(record, timestamp)) {
            pending[channel] = null;
            push(channel, b);
        }
    }

    /** Sends every partial batch downstream. */
    public void flush() {
        for (int i = 0; i < channels.length; i++) {
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
