package io.weir.api.functions.co;

import io.weir.api.functions.AbstractRichFunction;

/**
 * A {@link CoMapFunction} with {@code open}/{@code close} and a {@link io.weir.api.functions.RuntimeContext}:
 * {@code open} runs once per subtask before the first element of either input, {@code close} once
 * after the last (also after a failure). On keyed connected streams the runtime context gives keyed
 * state scoped to the key of the current element, shared by both inputs.
 */
public abstract class RichCoMapFunction<IN1, IN2, OUT> extends AbstractRichFunction implements CoMapFunction<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;

    @Override
    public abstract OUT map1(IN1 value) throws Exception;

    @Override
    public abstract OUT map2(IN2 value) throws Exception;
}
