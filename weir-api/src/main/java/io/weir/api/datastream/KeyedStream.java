package io.weir.api.datastream;

import io.weir.api.functions.KeySelector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.graph.OperatorKind;
import io.weir.api.graph.PartitionTransformation;
import io.weir.api.graph.PartitionTransformation.Partitioning;
import io.weir.api.windowing.Window;
import io.weir.api.windowing.WindowAssigner;

/**
 * A stream partitioned by key. Operators applied to it (including {@code map}, {@code flatMap},
 * {@code filter} and sinks) may use keyed state, which is scoped to the key of the current element.
 */
public class KeyedStream<T, K> extends DataStream<T> {

    private final KeySelector<T, K> keySelector;

    KeyedStream(DataStream<T> input, KeySelector<T, K> keySelector) {
        super(input.getExecutionEnvironment(), new PartitionTransformation<>(input.getTransformation(), Partitioning.HASH, keySelector));
        this.keySelector = keySelector;
    }

    public KeySelector<T, K> getKeySelector() {
        return keySelector;
    }

    @Override
    protected KeySelector<T, ?> stateKeySelector() {
        return keySelector;
    }

    /** A keyed process function with keyed state and timers. */
    public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<K, T, R> function) {
        return transform("KeyedProcess", OperatorKind.KEYED_PROCESS, function);
    }

    /**
     * Splits each key's elements into windows; finish with a window function on the returned stream,
     * for example {@code .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1))).aggregate(...)}.
     */
    public <W extends Window> WindowedStream<T, K, W> window(WindowAssigner<? super T, W> assigner) {
        return new WindowedStream<>(this, assigner);
    }

    /** Emits, for every element, the reduction of all elements of its key so far. */
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
        return transform("Keyed Reduce", OperatorKind.KEYED_REDUCE, reducer);
    }

    /** Running sum of the tuple field at {@code position}; the other fields are those of the key's first element. */
    public SingleOutputStreamOperator<T> sum(int position) {
        return transform("Keyed Aggregation", OperatorKind.KEYED_REDUCE, new TupleAggregator<T>(position, TupleAggregator.Kind.SUM));
    }

    /** Running minimum of the field at {@code position}; the other fields are those of the key's first element, as in Flink. */
    public SingleOutputStreamOperator<T> min(int position) {
        return transform("Keyed Aggregation", OperatorKind.KEYED_REDUCE, new TupleAggregator<T>(position, TupleAggregator.Kind.MIN));
    }

    /** Running maximum of the field at {@code position}; the other fields are those of the key's first element, as in Flink. */
    public SingleOutputStreamOperator<T> max(int position) {
        return transform("Keyed Aggregation", OperatorKind.KEYED_REDUCE, new TupleAggregator<T>(position, TupleAggregator.Kind.MAX));
    }

    /** The whole element with the smallest field at {@code position} (the first one on ties). */
    public SingleOutputStreamOperator<T> minBy(int position) {
        return transform("Keyed Aggregation", OperatorKind.KEYED_REDUCE, new TupleAggregator<T>(position, TupleAggregator.Kind.MIN_BY));
    }

    /** The whole element with the largest field at {@code position} (the first one on ties). */
    public SingleOutputStreamOperator<T> maxBy(int position) {
        return transform("Keyed Aggregation", OperatorKind.KEYED_REDUCE, new TupleAggregator<T>(position, TupleAggregator.Kind.MAX_BY));
    }
}
