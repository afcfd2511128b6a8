package io.weir.api.functions;

import io.weir.api.util.Collector;

/** Transforms one element into zero, one or more elements, emitted through the collector before this call returns. */
@FunctionalInterface
public interface FlatMapFunction<T, O> extends Function {
    void flatMap(T value, Collector<O> out) throws Exception;
}
