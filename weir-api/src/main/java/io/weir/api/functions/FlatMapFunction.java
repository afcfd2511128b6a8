package io.weir.api.functions;

import io.weir.api.util.Collector;

/**
 * Transforms one element into zero, one or more elements, emitted through the collector before this
 * call returns. Called on the subtask's thread, never concurrently, once per input element.
 *
 * <p>Ownership, with object reuse disabled (the default): each object passed to
 * {@link Collector#collect} is handed to the engine, which copies it with the type's serializer where
 * it keeps it (across a task boundary, in state, window contents or a two-phase-commit transaction),
 * so one mutable output object may be refilled and collected again, within a call and across calls. Keeping the input {@code value} beyond the
 * call is safe when it came from another task (it is a copy); from a function chained before this
 * one in the same task it is the very object that function emitted, which it may reuse.
 *
 * <p>With object reuse enabled ({@link io.weir.api.common.ExecutionConfig#enableObjectReuse()}) Weir
 * copies nothing: a collected object must not be changed afterwards, and the input must not be kept
 * across calls.
 */
@FunctionalInterface
public interface FlatMapFunction<T, O> extends Function {

    /**
     * @param value the input element, never null
     * @param out where to emit the results; valid only during this call
     * @throws Exception to fail the task (the job then restarts as its restart strategy says)
     */
    void flatMap(T value, Collector<O> out) throws Exception;
}
