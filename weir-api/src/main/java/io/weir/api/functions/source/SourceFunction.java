package io.weir.api.functions.source;

import io.weir.api.functions.Function;

/**
 * A user source in Flink's classic style: {@link #run} emits elements until the input ends or
 * {@link #cancel} is called.
 *
 * <p>Checkpoint contract, as in Flink: a source that also implements {@code CheckpointedFunction}
 * must emit an element and update its position in one block synchronized on
 * {@link SourceContext#getCheckpointLock()}. Weir takes that lock to snapshot the position and emit
 * the barrier, so the position in a checkpoint always matches exactly the elements emitted before
 * the barrier. {@code run} executes on its own thread; {@code cancel} is called from another one.
 * A non-parallel source (this interface) runs with parallelism 1; implement
 * {@link ParallelSourceFunction} to run several instances.
 */
public interface SourceFunction<T> extends Function {

    void run(SourceContext<T> ctx) throws Exception;

    /** Asks {@link #run} to return soon. Usually sets a volatile flag. */
    void cancel();

    /** Where a source emits. */
    interface SourceContext<T> {
        void collect(T element);

        void collectWithTimestamp(T element, long timestamp);

        /** The lock under which emission and position updates must happen for exactly-once. */
        Object getCheckpointLock();

        /**
         * Emits a watermark from the source (under the checkpoint lock, like records); a watermark not above the last one
         * emitted is ignored. The default refuses, for contexts that cannot carry watermarks.
         */
        default void emitWatermark(io.weir.api.eventtime.Watermark mark) {
            throw new UnsupportedOperationException(getClass().getName() + " cannot emit watermarks.");
        }

        /**
         * Marks this source subtask idle until it emits again, so downstream watermarks do not wait for it. The default
         * refuses, for contexts that cannot carry idleness.
         */
        default void markAsTemporarilyIdle() {
            throw new UnsupportedOperationException(getClass().getName() + " cannot mark idleness.");
        }
    }
}
