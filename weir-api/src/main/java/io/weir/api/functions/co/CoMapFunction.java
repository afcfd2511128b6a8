package io.weir.api.functions.co;

import io.weir.api.functions.Function;

/**
 * Maps the elements of two connected streams to one output type: {@link #map1} for each element of
 * the first input, {@link #map2} for each of the second. Both are called on the subtask's thread,
 * never concurrently, in the order in which the subtask reads its inputs (which between the two
 * inputs is not defined). Applied with {@code ConnectedStreams.map}.
 *
 * <p>Ownership follows {@link io.weir.api.functions.MapFunction}: a returned object belongs to the
 * engine, which copies it where it keeps it, so a function may return the same mutable object again.
 *
 * @param <IN1> the type of the first input
 * @param <IN2> the type of the second input
 * @param <OUT> the output type
 */
public interface CoMapFunction<IN1, IN2, OUT> extends Function {

    /**
     * Maps one element of the first input.
     *
     * @param value the element, never null
     * @return the result, never null (streams carry no null elements; use a {@link CoFlatMapFunction} to drop elements)
     * @throws Exception to fail the task (the job then restarts as its restart strategy says)
     */
    OUT map1(IN1 value) throws Exception;

    /**
     * Maps one element of the second input; the same contract as {@link #map1}.
     *
     * @param value the element, never null
     * @return the result, never null
     * @throws Exception to fail the task
     */
    OUT map2(IN2 value) throws Exception;
}
