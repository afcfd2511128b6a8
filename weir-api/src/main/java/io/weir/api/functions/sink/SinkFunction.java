package io.weir.api.functions.sink;

import io.weir.api.functions.Function;

/**
 * Receives every element that reaches the end of a stream. For output that must appear exactly
 * once outside Weir, use {@link TwoPhaseCommitSinkFunction}; a plain sink sees a record again if a
 * failure rolls the job back to a checkpoint taken before it.
 */
public interface SinkFunction<IN> extends Function {

    /** Called once per element; the default delegates to {@link #invoke(Object)}. */
    default void invoke(IN value, Context context) throws Exception {
        invoke(value);
    }

    /** Flink's deprecated single-argument form; override {@link #invoke(Object, Context)} instead. */
    default void invoke(IN value) throws Exception {}

    /** Called once when the input ends (not on cancellation or failure); flush buffered output here. */
    default void finish() throws Exception {}

    /** What the sink knows about the element being written. */
    interface Context {
        long currentProcessingTime();

        long currentWatermark();

        /** The element's event timestamp, or {@code null} if it has none. */
        Long timestamp();
    }
}
