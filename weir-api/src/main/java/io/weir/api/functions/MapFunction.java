package io.weir.api.functions;

/**
 * Transforms one element into exactly one element. Called on the subtask's thread, never
 * concurrently, once per input element.
 *
 * <p>Ownership, with object reuse disabled (the default): the returned object is handed to the
 * engine, which copies it with the type's serializer where it keeps it (across a task boundary, in
 * state, window contents or a two-phase-commit transaction), so {@code map} may return the same
 * mutable object every time, refilled. Keeping the input {@code value} beyond the
 * call is safe when it came from another task (it is a copy); from a function chained before this
 * one in the same task it is the very object that function emitted, which it may reuse.
 *
 * <p>With object reuse enabled ({@link io.weir.api.common.ExecutionConfig#enableObjectReuse()}) Weir
 * copies nothing: the returned object must not be changed after {@code map} returns, and the input
 * must not be kept across calls.
 */
@FunctionalInterface
public interface MapFunction<T, O> extends Function {

    /**
     * @param value the input element, never null
     * @return the output element, never null
     * @throws Exception to fail the task (the job then restarts as its restart strategy says)
     */
    O map(T value) throws Exception;
}
