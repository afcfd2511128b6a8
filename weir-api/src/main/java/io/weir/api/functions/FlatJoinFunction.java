package io.weir.api.functions;

import io.weir.api.util.Collector;

/**
 * Like {@link JoinFunction}, but emits any number of results per pair through a collector, so it may
 * also drop pairs. Called by the window join's operator on its subtask thread, never concurrently,
 * once for every pair of elements with equal keys in a window that fires.
 *
 * @param <IN1> the type of the first input's elements
 * @param <IN2> the type of the second input's elements
 * @param <OUT> the result type
 */
@FunctionalInterface
public interface FlatJoinFunction<IN1, IN2, OUT> extends Function {

    /**
     * @param first an element of the first input, never null; do not change it (it is passed again for its other pairs)
     * @param second an element of the second input with the same key and window, never null; do not change it
     * @param out where to emit results, with the window's {@code maxTimestamp()}; valid only during this call
     * @throws Exception to fail the task (the job then restarts as its restart strategy says)
     */
    void join(IN1 first, IN2 second, Collector<OUT> out) throws Exception;
}
