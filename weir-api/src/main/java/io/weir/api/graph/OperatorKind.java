package io.weir.api.graph;

/**
 * What a {@link OneInputTransformation} or {@link TwoInputTransformation} does with its function; the
 * executor maps each kind to an operator. The {@code CO_} kinds and {@code INTERVAL_JOIN} belong to two-input transformations only.
 */
public enum OperatorKind {
    /** {@code MapFunction}. */
    MAP,
    /** {@code FlatMapFunction}. */
    FLAT_MAP,
    /** {@code FilterFunction}. */
    FILTER,
    /** {@code ProcessFunction} on a non-keyed stream. */
    PROCESS,
    /** {@code KeyedProcessFunction} on a keyed stream. */
    KEYED_PROCESS,
    /** {@code ReduceFunction} on a keyed stream, emitting the running result per element. */
    KEYED_REDUCE,
    /** {@code SinkFunction}. */
    SINK,
    /** {@code assignTimestampsAndWatermarks}; the function is a {@link TimestampsAndWatermarksSpec}. */
    TIMESTAMPS_AND_WATERMARKS,
    /** {@code window(..)} and {@code windowAll(..)} with their functions; the function is a {@link WindowOperatorSpec}. */
    WINDOW,
    /** {@code AsyncDataStream.orderedWait/unorderedWait(..)}; the function is an {@link AsyncOperatorSpec}. */
    ASYNC_WAIT,
    /** {@code CoMapFunction} on connected streams. */
    CO_MAP,
    /** {@code CoFlatMapFunction} on connected streams. */
    CO_FLAT_MAP,
    /** {@code CoProcessFunction} on connected streams (timers only when both inputs are keyed). */
    CO_PROCESS,
    /** {@code KeyedCoProcessFunction} on connected streams keyed by the same key. */
    KEYED_CO_PROCESS,
    /** {@code BroadcastProcessFunction}: the second input is a broadcast stream; neither input is keyed. */
    CO_BROADCAST_PROCESS,
    /** {@code KeyedBroadcastProcessFunction}: the first input is keyed, the second a (non-keyed) broadcast stream. */
    CO_KEYED_BROADCAST_PROCESS,
    /** {@code KeyedStream.intervalJoin(..).between(..).process(..)} on two streams keyed by the same key; the function is an {@link IntervalJoinSpec}. */
    INTERVAL_JOIN
}
