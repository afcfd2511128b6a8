package io.weir.api.functions;

import io.weir.api.util.Collector;

/**
 * A {@link FlatJoinFunction} with {@code open}/{@code close} and a {@link RuntimeContext}, with the
 * same lifecycle as {@link RichJoinFunction}.
 */
public abstract class RichFlatJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction implements FlatJoinFunction<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;

    @Override
    public abstract void join(IN1 first, IN2 second, Collector<OUT> out) throws Exception;
}
