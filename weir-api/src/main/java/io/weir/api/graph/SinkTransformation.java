package io.weir.api.graph;

import io.weir.api.functions.KeySelector;
import io.weir.api.functions.sink.SinkFunction;

/** A sink: a one-input operator of kind {@link OperatorKind#SINK} that ends a pipeline. */
public final class SinkTransformation<T> extends OneInputTransformation<T, Void> {
    public SinkTransformation(Transformation<T> input, String name, SinkFunction<T> sink, KeySelector<T, ?> stateKeySelector, int parallelism) {
        super(input, name, OperatorKind.SINK, sink, stateKeySelector, parallelism);
    }
}
