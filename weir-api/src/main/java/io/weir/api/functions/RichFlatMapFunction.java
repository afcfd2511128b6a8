package io.weir.api.functions;

/** A {@link FlatMapFunction} with {@code open}/{@code close} and a {@link RuntimeContext}. */
public abstract class RichFlatMapFunction<IN, OUT> extends AbstractRichFunction implements FlatMapFunction<IN, OUT> {
    private static final long serialVersionUID = 1L;

    @Override
    public abstract void flatMap(IN value, io.weir.api.util.Collector<OUT> out) throws Exception;
}
