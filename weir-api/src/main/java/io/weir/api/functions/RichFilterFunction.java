package io.weir.api.functions;

/** A {@link FilterFunction} with {@code open}/{@code close} and a {@link RuntimeContext}. */
public abstract class RichFilterFunction<T> extends AbstractRichFunction implements FilterFunction<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public abstract boolean filter(T value) throws Exception;
}
