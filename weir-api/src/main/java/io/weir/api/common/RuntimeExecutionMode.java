package io.weir.api.common;

/**
 * How a job executes, as Flink's {@code execution.runtime-mode}. Weir runs every job in {@link #STREAMING} mode.
 *
 * <p>Where Weir differs from Flink on purpose: Flink's {@link #BATCH} mode (and {@link #AUTOMATIC} for bounded jobs)
 * changes results (a keyed reduce emits only its final value per key, processing-time timers never fire). Weir does
 * not implement batch execution, so it refuses these modes at {@code execute} with a clear error instead of silently
 * giving streaming results.
 */
public enum RuntimeExecutionMode {
    /** Continuous, incremental results; checkpoints. Weir's only mode and the default. */
    STREAMING,
    /** Flink's batch execution of bounded jobs; refused by Weir. */
    BATCH,
    /** Flink picks BATCH when all sources are bounded; refused by Weir. */
    AUTOMATIC
}
