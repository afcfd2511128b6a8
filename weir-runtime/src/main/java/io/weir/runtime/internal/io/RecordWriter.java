package io.weir.runtime.internal.io;

import io.weir.api.functions.KeySelector;
import io.weir.api.typeutils.TypeSerializer;
import io.weir.runtime.internal.state.KeyGroups;

import java.util.ArrayDeque;
import java.util.function.BooleanSupplier;

/**
 * Writes one subtask's output for one edge into the channels of the downstream subtasks, in
 * batches. Events are broadcast to every channel after flushing that channel's pending batch, so
 * a barrier never overtakes a record emitted before it. Used only by the owning task's thread
 * (or under the checkpoint lock for classic sources).
 *
 * <p><b>Outbox.</b> Writing never blocks a stepped task: what a full channel cannot take waits in
 * that channel's outbox (in order, ahead of anything newer) until {@link #drain()} moves it on.
 * A task checks {@link #isAvailable} before taking more input, so an outbox holds at most the
 * output of one input batch or one mail: that is how backpressure stays bounded without parking.
 * Classic sources, which emit from their own thread, use {@link #blocking} writers instead, which
 * wait for space as before.
 *
 * <p><b>Ownership.</b> A record handed to {@link #emit} belongs to the engine: unless object
 * reuse is on, it is copied with the type's serializer before it crosses to another subtask
 * (immutable types are not copied), so the emitting function may reuse its output object.
 */
public final class RecordWriter {

    /** How records choose a channel. */
    public enum Mode { FORWARD, REBALANCE, BROADCAST, HASH, SHUFFLE, GLOBAL, RESCALE, CUSTOM }

    private final Channel[] channels;
    private final RecordBatch[] pending;
    /** Per channel: elements the channel could not take yet, oldest first; they precede anything newer. */
    private final ArrayDeque<Object>[] outbox;
    private int backlog; // number of channels with a non-empty outbox
    private final Mode mode;
    private final KeySelector<Object, ?> keySelector;
    private final int maxParallelism;
    private final int batchSize;
    private final TypeSerializer<Object> copier; // null with object reuse
    private final BooleanSupplier stop;           // non-null only for blocking writers
    private int nextChannel;
    /** SHUFFLE: seeded per sending subtask, so that a run (and a simulation) can be replayed. */
    private final java.util.SplittableRandom random;
    /** RESCALE: this subtask's channels are rescaleFirst .. rescaleFirst + rescaleCount - 1. */
    private final int rescaleFirst;
    private final int rescaleCount;

    /**
     * A non-blocking writer for a stepped task.
     *
     * @param copier copies records before they leave this subtask; null with object reuse
     */
    public RecordWriter(Channel[] channels, Mode mode, KeySelector<?, ?> keySelector, int maxParallelism, int batchSize,
            int subtaskIndex, TypeSerializer<Object> copier) {
        this(channels, mode, keySelector, maxParallelism, batchSize, subtaskIndex, -1, copier, null);
    }

    /**
     * A non-blocking writer for a stepped task.
     *
     * @param upstreamParallelism the sending operator's parallelism (needed by {@link Mode#RESCALE})
     * @param copier copies records before they leave this subtask; null with object reuse
     */
    public RecordWriter(Channel[] channels, Mode mode, KeySelector<?, ?> keySelector, int maxParallelism, int batchSize,
            int subtaskIndex, int upstreamParallelism, TypeSerializer<Object> copier) {
        this(channels, mode, keySelector, maxParallelism, batchSize, subtaskIndex, upstreamParallelism, copier, null);
    }

    /** A writer that waits for space in a full channel (classic sources, which emit from their own thread). */
    public static RecordWriter blocking(Channel[] channels, Mode mode, KeySelector<?, ?> keySelector, int maxParallelism, int batchSize,
            int subtaskIndex, int upstreamParallelism, TypeSerializer<Object> copier, BooleanSupplier stop) {
        return new RecordWriter(channels, mode, keySelector, maxParallelism, batchSize, subtaskIndex, upstreamParallelism, copier, stop);
    }

    @SuppressWarnings("unchecked")
    private RecordWriter(Channel[] channels, Mode mode, KeySelector<?, ?> keySelector, int maxParallelism, int batchSize,
            int subtaskIndex, int upstreamParallelism, TypeSerializer<Object> copier, BooleanSupplier stop) {
        this.channels = channels;
        this.pending = new RecordBatch[channels.length];
        this.outbox = new ArrayDeque[channels.length];
        for (int i = 0; i < channels.length; i++) {
            outbox[i] = new ArrayDeque<>();
        }
        this.mode = mode;
        this.keySelector = (KeySelector<Object, ?>) keySelector;
        this.maxParallelism = maxParallelism;
        this.batchSize = batchSize;
        this.copier = copier;
        this.stop = stop;
        this.nextChannel = subtaskIndex % channels.length;
        this.random = new java.util.SplittableRandom(0x5eedL * 31 + subtaskIndex);
        if (mode == Mode.RESCALE) {
            if (upstreamParallelism < 1) {
                throw new IllegalArgumentException("rescale() needs the sending operator's parallelism");
            }
            int down = channels.length;
            if (down >= upstreamParallelism) { // each sender feeds its own consecutive range of receivers
                rescaleFirst = (int) ((long) subtaskIndex * down / upstreamParallelism);
                rescaleCount = (int) ((long) (subtaskIndex + 1) * down / upstreamParallelism) - rescaleFirst;
            } else { // several senders feed each receiver
                rescaleFirst = (int) ((long) subtaskIndex * down / upstreamParallelism);
                rescaleCount = 1;
            }
            nextChannel = 0;
        } else {
            rescaleFirst = 0;
            rescaleCount = 0;
        }
    }

    public void emit(Object record, long timestamp) throws Exception {
        switch (mode) {
            case FORWARD:
                add(0, copy(record), timestamp);
                break;
            case REBALANCE:
                add(nextChannel, copy(record), timestamp);
                if (++nextChannel == channels.length) {
                    nextChannel = 0;
                }
                break;
            case BROADCAST:
                for (int i = 0; i < channels.length; i++) {
                    add(i, copy(record), timestamp); // every consumer owns its own copy
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
                add(KeyGroups.subtaskFor(kg, maxParallelism, channels.length), copy(record), timestamp);
                break;
            case SHUFFLE:
                add(random.nextInt(channels.length), copy(record), timestamp);
                break;
            case GLOBAL:
                add(0, copy(record), timestamp);
                break;
            case RESCALE:
                add(rescaleFirst + nextChannel, copy(record), timestamp);
                if (++nextChannel == rescaleCount) {
                    nextChannel = 0;
                }
                break;
            case CUSTOM:
                add(((CustomPartitioning) keySelector).channel(record, channels.length), copy(record), timestamp);
                break;
            default:
                throw new IllegalStateException("Unknown partitioning " + mode);
        }
    }

    private Object copy(Object record) {
        if (copier == null) {
            return record;
        }
        try {
            return copier.copy(record);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Could not copy a record of type " + record.getClass().getName() + " before handing it to the"
                    + " next task (records are copied because object reuse is off, so that functions may reuse their output objects): "
                    + e.getMessage() + ". Make the type a tuple, a POJO or a Java record, or, if no function changes a record after"
                    + " emitting it, turn copies off with env.getConfig().enableObjectReuse().", e);
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

    /**
     * Sends an unaligned checkpoint barrier: it overtakes everything queued in each channel. The
     * partial batch goes to the outbox (it precedes the barrier) and the barrier carries the
     * sequence number of the first element after it, so the consumer knows exactly which elements
     * it overtook, including those still in this outbox.
     */
    public void broadcastPriorityBarrier(StreamEvent.Barrier barrier) {
        for (int i = 0; i < channels.length; i++) {
            RecordBatch b = pending[i];
            if (b != null && b.size > 0) {
                pending[i] = null;
                enqueue(i, b);
            }
            long mark = channels[i].enqueuedCount() + outbox[i].size();
            channels[i].offerPriority(new StreamEvent.PriorityBarrier(barrier.checkpointId, barrier.timestamp, mark));
        }
    }

    /** Whether no outbox holds anything and every channel can take {@code n} more elements. */
    public boolean isAvailable(int n) {
        if (backlog > 0) {
            return false;
        }
        for (Channel c : channels) {
            if (!c.hasCapacity(n)) {
                return false;
            }
        }
        return true;
    }

    /** Moves what the outboxes hold into the channels as far as they have room; true when all outboxes are empty. */
    public boolean drain() {
        if (backlog == 0) {
            return true;
        }
        for (int i = 0; i < channels.length; i++) {
            ArrayDeque<Object> q = outbox[i];
            if (q.isEmpty()) {
                continue;
            }
            while (!q.isEmpty() && channels[i].offer(q.peekFirst())) {
                q.pollFirst();
            }
            if (q.isEmpty()) {
                backlog--;
            }
        }
        return backlog == 0;
    }

    /** Whether some outbox holds elements a channel could not take yet. */
    public boolean hasBacklog() {
        return backlog > 0;
    }

    /** Sends every partial batch downstream (into the outbox where a channel is full). */
    public void flush() {
        drain();
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
        if (stop != null) {
            if (!outbox[channel].isEmpty()) {
                drainBlocking(channel);
            }
            if (!channels[channel].put(element, stop)) {
                throw new TaskCancelledException();
            }
            return;
        }
        if (!outbox[channel].isEmpty() || !channels[channel].offer(element)) {
            enqueue(channel, element);
        }
    }

    private void drainBlocking(int channel) {
        ArrayDeque<Object> q = outbox[channel];
        while (!q.isEmpty()) {
            if (!channels[channel].put(q.peekFirst(), stop)) {
                throw new TaskCancelledException();
            }
            q.pollFirst();
        }
        backlog--;
    }

    private void enqueue(int channel, Object element) {
        if (outbox[channel].isEmpty()) {
            backlog++;
        }
        outbox[channel].addLast(element);
    }

    /** Thrown out of a blocked write (classic sources) or a step when the task is cancelled. */
    public static final class TaskCancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TaskCancelledException() {
            super("task cancelled", null, false, false);
        }
    }
}
