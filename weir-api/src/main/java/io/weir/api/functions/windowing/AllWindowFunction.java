package io.weir.api.functions.windowing;

import io.weir.api.functions.Function;
import io.weir.api.util.Collector;
import io.weir.api.windowing.Window;

/** Flink's older window function for {@code windowAll(...).apply}; {@link ProcessAllWindowFunction} gives more context. */
@FunctionalInterface
public interface AllWindowFunction<IN, OUT, W extends Window> extends Function {
    void apply(W window, Iterable<IN> values, Collector<OUT> out) throws Exception;
}
