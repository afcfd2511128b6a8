package io.weir.api.functions.source;

/** A {@link SourceFunction} that may run with parallelism above 1; each subtask gets its own instance. */
public interface ParallelSourceFunction<T> extends SourceFunction<T> {}
