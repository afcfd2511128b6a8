package io.weir.api.functions.co;

import io.weir.api.functions.AbstractRichFunction;
import io.weir.api.util.Collector;

/**
 * A {@link CoFlatMapFunction} with {@code open}/{@code close} and a {@link io.weir.api.functions.RuntimeContext},
 * with the lifecycle of {@link RichCoMapFunction}. On keyed connected streams the runtime context
 * gives keyed state scoped to the key of the current element, shared by both inputs.
 */
public abstract class RichCoFlatMapFunction<IN1, IN2, OUT> extends AbstractRichFunction implements CoFlatMapFunction<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;

    @Override
    public abstract void flatMap1(IN1 value, Collector<OUT> out) throws Exception;

    @Override
    public abstract void flatMap2(IN2 value, Collector<OUT> out) throws Exception;
}
