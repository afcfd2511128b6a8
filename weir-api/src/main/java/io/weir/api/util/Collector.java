package io.weir.api.util;

/**
 * Emits elements downstream. Handed to a function by the operator that runs it, on the subtask's
 * thread; not thread-safe, so call it only from within the function call that received it.
 *
 * <p>Ownership: by default (object reuse disabled) a record passed to {@link #collect} belongs to the
 * engine from then on. Where Weir keeps it beyond the call (across a task boundary, in keyed state,
 * window contents or a two-phase-commit transaction) it keeps a copy made with the type's
 * serializer ({@code TypeSerializer#copy}, which costs nothing for immutable types), so the caller may
 * change and reuse the same output object for its next record. Operators chained in the same task
 * get the emitted object itself, synchronously inside {@code collect}.
 *
 * <p>With object reuse enabled ({@link io.weir.api.common.ExecutionConfig#enableObjectReuse()}) Weir
 * copies nothing: an object passed to {@code collect} must not be changed afterwards. See
 * {@link io.weir.api.common.ExecutionConfig} for the full rules and where they differ from Flink.
 */
public interface Collector<T> {

    /**
     * Emits {@code record} to the next operator, which processes it before this call returns (or
     * queues it for another task).
     *
     * @throws NullPointerException if {@code record} is null; streams carry no null elements
     */
    void collect(T record);

    /** Called by the engine when no more records will be emitted; functions need not call it. */
    void close();
}
