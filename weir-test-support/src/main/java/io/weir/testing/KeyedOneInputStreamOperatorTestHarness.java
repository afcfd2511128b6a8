package io.weir.testing;

import io.weir.api.datastream.DataStream;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.functions.FilterFunction;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.sink.SinkFunction;
import io.weir.api.graph.OneInputTransformation;
import io.weir.api.graph.OperatorKind;
import io.weir.api.state.KeyedStateStore;

/**
 * A {@link OneInputStreamOperatorTestHarness} for operators on a keyed stream: keyed state and
 * timers work, and {@link #getKeyedStateStore(Object)} reads state of any key.
 */
public class KeyedOneInputStreamOperatorTestHarness<K, IN, OUT> extends OneInputStreamOperatorTestHarness<IN, OUT> {

    private KeyedOneInputStreamOperatorTestHarness(OperatorKind kind, io.weir.api.functions.Function fn, KeySelector<IN, K> keySelector) {
        super(kind, fn, keySelector);
    }

    public static <K, I, O> KeyedOneInputStreamOperatorTestHarness<K, I, O> forKeyedProcess(KeyedProcessFunction<K, I, O> fn,
            KeySelector<I, K> keySelector) {
        return new KeyedOneInputStreamOperatorTestHarness<>(OperatorKind.KEYED_PROCESS, fn, keySelector);
    }

    public static <K, I> KeyedOneInputStreamOperatorTestHarness<K, I, I> forReduce(ReduceFunction<I> fn, KeySelector<I, K> keySelector) {
        return new KeyedOneInputStreamOperatorTestHarness<>(OperatorKind.KEYED_REDUCE, fn, keySelector);
    }

    /** A map on a keyed stream (its rich function may use keyed state). */
    public static <K, I, O> KeyedOneInputStreamOperatorTestHarness<K, I, O> forKeyedMap(MapFunction<I, O> fn, KeySelector<I, K> keySelector) {
        return new KeyedOneInputStreamOperatorTestHarness<>(OperatorKind.MAP, fn, keySelector);
    }

    public static <K, I> KeyedOneInputStreamOperatorTestHarness<K, I, I> forKeyedFilter(FilterFunction<I> fn, KeySelector<I, K> keySelector) {
        return new KeyedOneInputStreamOperatorTestHarness<>(OperatorKind.FILTER, fn, keySelector);
    }

    public static <K, I> KeyedOneInputStreamOperatorTestHarness<K, I, Void> forKeyedSink(SinkFunction<I> fn, KeySelector<I, K> keySelector) {
        return new KeyedOneInputStreamOperatorTestHarness<>(OperatorKind.SINK, fn, keySelector);
    }

    /**
     * The keyed operator that produces {@code stream}, built with the DataStream API as in the job,
     * for example {@code forKeyedOperatorOf(input.keyBy(k).window(SlidingEventTimeWindows.of(size, slide)).reduce(f))}.
     */
    @SuppressWarnings("unchecked")
    public static <K, I, O> KeyedOneInputStreamOperatorTestHarness<K, I, O> forKeyedOperatorOf(DataStream<O> stream) {
        OneInputTransformation<I, O> t = oneInput(stream);
        if (t.getStateKeySelector() == null) {
            throw new IllegalArgumentException("forKeyedOperatorOf needs an operator on a keyed stream (after keyBy or windowAll), but '"
                    + t.getName() + "' is not keyed; use OneInputStreamOperatorTestHarness.forOperatorOf.");
        }
        return new KeyedOneInputStreamOperatorTestHarness<>(t.getKind(), functionAsBuilt(stream, t), (KeySelector<I, K>) t.getStateKeySelector());
    }

    @Override
    public KeyedOneInputStreamOperatorTestHarness<K, IN, OUT> setup(int maxParallelism, int parallelism, int subtaskIndex) {
        super.setup(maxParallelism, parallelism, subtaskIndex);
        return this;
    }

    @Override
    public KeyedOneInputStreamOperatorTestHarness<K, IN, OUT> restoreAfterEveryElement(boolean enabled) {
        super.restoreAfterEveryElement(enabled);
        return this;
    }

    /** Keyed state with {@code key} as the current key, to read (or prepare) state in a test. */
    public KeyedStateStore getKeyedStateStore(K key) {
        return currentDriver().keyedState(key);
    }
}
