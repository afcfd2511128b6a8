package io.weir.api.functions.co;

import io.weir.api.functions.Function;
import io.weir.api.util.Collector;

/**
 * Turns each element of two connected streams into zero, one or more output elements:
 * {@link #flatMap1} for the first input, {@link #flatMap2} for the second. Called on the subtask's
 * thread, never concurrently, once per input element. Applied with {@code ConnectedStreams.flatMap}.
 * A common use is to let one input (for example control messages) change how the other is treated,
 * keeping that in fields or, on keyed connected streams, in keyed state shared by both inputs.
 *
 * <p>Ownership follows {@link io.weir.api.functions.FlatMapFunction}.
 *
 * @param <IN1> the type of the first input
 * @param <IN2> the type of the second input
 * @param <OUT> the output type
 */
public interface CoFlatMapFunction<IN1, IN2, OUT> extends Function {

    /**
     * Processes one element of the first input.
     *
     * @param value the element, never null
     * @param out where to emit results; valid only during this call
     * @throws Exception to fail the task (the job then restarts as its restart strategy says)
     */
    void flatMap1(IN1 value, Collector<OUT> out) throws Exception;

    /**
     * Processes one element of the second input; the same contract as {@link #flatMap1}.
     *
     * @param value the element, never null
     * @param out where to emit results; valid only during this call
     * @throws Exception to fail the task
     */
    void flatMap2(IN2 value, Collector<OUT> out) throws Exception;
}
