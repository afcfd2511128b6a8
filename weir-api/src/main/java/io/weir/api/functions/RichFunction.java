package io.weir.api.functions;

import io.weir.api.configuration.Configuration;

/**
 * A function with a lifecycle and access to its {@link RuntimeContext}.
 *
 * <p>Call order for each execution attempt of a subtask: {@code setRuntimeContext}, then (if the
 * function is a {@code CheckpointedFunction}) {@code initializeState}, then {@code open}, then any
 * number of element calls, then {@code close}. {@code close} is called when the input ends, when
 * the job is cancelled, and when the attempt fails, so resources acquired in {@code open} are
 * always released. After a failure a new attempt starts with a fresh copy of the function.
 */
public interface RichFunction extends Function {

    /** Flink 1.19+ form. The default delegates to {@link #open(Configuration)}. */
    default void open(OpenContext openContext) throws Exception {
        open(new Configuration());
    }

    /** Flink 1.x form, kept so that existing jobs compile. Prefer {@link #open(OpenContext)}. */
    void open(Configuration parameters) throws Exception;

    void close() throws Exception;

    RuntimeContext getRuntimeContext();

    void setRuntimeContext(RuntimeContext context);
}
