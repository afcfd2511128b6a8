package io.weir.api.functions;

import io.weir.api.util.Collector;

/**
 * Receives, per key and window, all elements of both inputs at once. Used by
 * {@code DataStream.coGroup(...).where(...).equalTo(...).window(...).apply(CoGroupFunction)}: when a
 * window of a key fires, the operator calls {@link #coGroup} once with that key's elements of the first
 * input and of the second input in that window. At least one of the two is non-empty (a window exists
 * only once an element was put into it); the other may be empty, so a co-group can express outer
 * joins, which {@link JoinFunction} cannot. Called on the window operator's subtask thread, never
 * concurrently.
 *
 * @param <IN1> the type of the first input's elements
 * @param <IN2> the type of the second input's elements
 * @param <O> the result type
 */
@FunctionalInterface
public interface CoGroupFunction<IN1, IN2, O> extends Function {

    /**
     * @param first the key's elements of the first input in the window, in arrival order; possibly empty.
     *     Valid only during this call, and may be iterated more than once
     * @param second the key's elements of the second input in the window, in arrival order; possibly empty
     * @param out where to emit results, with the window's {@code maxTimestamp()}; valid only during this call
     * @throws Exception to fail the task (the job then restarts as its restart strategy says)
     */
    void coGroup(Iterable<IN1> first, Iterable<IN2> second, Collector<O> out) throws Exception;
}
