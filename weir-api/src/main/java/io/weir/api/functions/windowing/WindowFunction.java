package io.weir.api.functions.windowing;

import io.weir.api.functions.Function;
import io.weir.api.util.Collector;
import io.weir.api.windowing.Window;

/** Flink's older window function ({@code apply}); {@link ProcessWindowFunction} gives more context. */
@FunctionalInterface
public interface WindowFunction<IN, OUT, KEY, W extends Window> extends Function {
    void apply(KEY key, W window, Iterable<IN> input, Collector<OUT> out) throws Exception;
}
