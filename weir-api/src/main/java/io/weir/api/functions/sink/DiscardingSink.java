package io.weir.api.functions.sink;

/** Drops every element; useful for benchmarks and for jobs whose effect is their state. */
public class DiscardingSink<T> implements SinkFunction<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public void invoke(T value, Context context) {}
}
