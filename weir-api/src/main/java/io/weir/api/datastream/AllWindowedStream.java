package io.weir.api.datastream;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.functions.windowing.AllWindowFunction;
import io.weir.api.functions.windowing.ProcessAllWindowFunction;
import io.weir.api.graph.WindowOperatorSpec.Contents;
import io.weir.api.util.OutputTag;
import io.weir.api.windowing.Time;
import io.weir.api.windowing.Window;
import io.weir.api.windowing.WindowAssigner;
import io.weir.api.windowing.evictors.Evictor;
import io.weir.api.windowing.triggers.Trigger;

import java.time.Duration;

/**
 * A non-keyed stream split into windows ({@code DataStream.windowAll}). Every element goes to one
 * window operator subtask, so the operator runs with parallelism 1; otherwise the same as
 * {@link WindowedStream}.
 *
 * @param <T> the element type
 * @param <W> the window type
 */
public class AllWindowedStream<T, W extends Window> {
    private final KeyedStream<T, Byte> input;
    private final WindowOperatorBuilder builder;

    /** Windows over all elements of {@code input}; made by {@code DataStream.windowAll}. The window operator runs with parallelism 1. */
    public AllWindowedStream(DataStream<T> input, WindowAssigner<? super T, W> windowAssigner) {
        this.input = new KeyedStream<>(input, new NullByteKeySelector<>());
        this.builder = new WindowOperatorBuilder(windowAssigner);
    }

    /** See {@link WindowedStream#allowedLateness(Duration)}. */
    public AllWindowedStream<T, W> allowedLateness(Duration lateness) {
        builder.allowedLateness(lateness);
        return this;
    }

    /** Flink's older form of {@link #allowedLateness(Duration)}. */
    public AllWindowedStream<T, W> allowedLateness(Time lateness) {
        builder.allowedLateness(lateness == null ? null : lateness.toDuration());
        return this;
    }

    /** See {@link WindowedStream#trigger(Trigger)}. */
    public AllWindowedStream<T, W> trigger(Trigger<? super T, ? super W> trigger) {
        builder.trigger(trigger);
        return this;
    }

    /** See {@link WindowedStream#evictor(Evictor)}. */
    public AllWindowedStream<T, W> evictor(Evictor<? super T, ? super W> evictor) {
        builder.evictor(evictor);
        return this;
    }

    /** See {@link WindowedStream#sideOutputLateData(OutputTag)}. */
    public AllWindowedStream<T, W> sideOutputLateData(OutputTag<T> outputTag) {
        builder.sideOutputLateData(outputTag);
        return this;
    }

    /** Folds each window's elements with {@code function}, emitting the result when the window fires. */
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function) {
        WindowOperatorBuilder.checkNotRich(function, "ReduceFunction");
        return builder.build(input, Contents.REDUCE, function, null, true);
    }

    /** Folds each window with {@code reduceFunction}, then hands the single result to {@code function} when the window fires. */
    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, ProcessAllWindowFunction<T, R, W> function) {
        WindowOperatorBuilder.checkNotRich(reduceFunction, "ReduceFunction");
        return builder.build(input, Contents.REDUCE, reduceFunction, checkNotNull(function), true);
    }

    /** Folds each window with {@code reduceFunction}, then hands the single result to {@code function} when the window fires. */
    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, AllWindowFunction<T, R, W> function) {
        WindowOperatorBuilder.checkNotRich(reduceFunction, "ReduceFunction");
        return builder.build(input, Contents.REDUCE, reduceFunction, checkNotNull(function), true);
    }

    /** Aggregates each window incrementally with {@code function} (one accumulator per window), emitting its result when the window fires. */
    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
        WindowOperatorBuilder.checkNotRich(function, "AggregateFunction");
        return builder.build(input, Contents.AGGREGATE, function, null, true);
    }

    /** Aggregates each window with {@code aggFunction}, then hands the result to the window function when the window fires. */
    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggFunction,
            ProcessAllWindowFunction<V, R, W> windowFunction) {
        WindowOperatorBuilder.checkNotRich(aggFunction, "AggregateFunction");
        return builder.build(input, Contents.AGGREGATE, aggFunction, checkNotNull(windowFunction), true);
    }

    /** Aggregates each window with {@code aggFunction}, then hands the result to the window function when the window fires. */
    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggFunction,
            AllWindowFunction<V, R, W> windowFunction) {
        WindowOperatorBuilder.checkNotRich(aggFunction, "AggregateFunction");
        return builder.build(input, Contents.AGGREGATE, aggFunction, checkNotNull(windowFunction), true);
    }

    /** Keeps every element of each window and hands them to {@code function} when the window fires. */
    public <R> SingleOutputStreamOperator<R> process(ProcessAllWindowFunction<T, R, W> function) {
        return builder.build(input, Contents.ELEMENTS, null, checkNotNull(function), true);
    }

    /** Keeps every element of each window and hands them to {@code function} when the window fires. */
    public <R> SingleOutputStreamOperator<R> apply(AllWindowFunction<T, R, W> function) {
        return builder.build(input, Contents.ELEMENTS, null, checkNotNull(function), true);
    }

    /** The sum of the tuple field at {@code position} per window; other fields from the window's first element. */
    public SingleOutputStreamOperator<T> sum(int position) {
        return reduce(new TupleAggregator<>(position, TupleAggregator.Kind.SUM));
    }

    /** The minimum of the tuple field at {@code position} per window; other fields from the window's first element. */
    public SingleOutputStreamOperator<T> min(int position) {
        return reduce(new TupleAggregator<>(position, TupleAggregator.Kind.MIN));
    }

    /** The maximum of the tuple field at {@code position} per window; other fields from the window's first element. */
    public SingleOutputStreamOperator<T> max(int position) {
        return reduce(new TupleAggregator<>(position, TupleAggregator.Kind.MAX));
    }

    /** The element with the smallest tuple field at {@code position} per window (the first on ties). */
    public SingleOutputStreamOperator<T> minBy(int position) {
        return reduce(new TupleAggregator<>(position, TupleAggregator.Kind.MIN_BY));
    }

    /** The element with the largest tuple field at {@code position} per window (the first on ties). */
    public SingleOutputStreamOperator<T> maxBy(int position) {
        return reduce(new TupleAggregator<>(position, TupleAggregator.Kind.MAX_BY));
    }

    /**
     * The sum of the field named by {@code field} over each window, emitted when the window fires: a Flink field expression
     * ({@code "f1"} for a tuple field, a POJO field's name, {@code "a.b"} for a nested one); the other fields are those
     * of the window's first element.
     */
    public SingleOutputStreamOperator<T> sum(String field) {
        return reduce(new TupleAggregator<>(field, TupleAggregator.Kind.SUM));
    }

    /** The minimum of the field named by {@code field} (see {@link #sum(String)}); other fields from the first element. */
    public SingleOutputStreamOperator<T> min(String field) {
        return reduce(new TupleAggregator<>(field, TupleAggregator.Kind.MIN));
    }

    /** The maximum of the field named by {@code field} (see {@link #sum(String)}); other fields from the first element. */
    public SingleOutputStreamOperator<T> max(String field) {
        return reduce(new TupleAggregator<>(field, TupleAggregator.Kind.MAX));
    }

    /** The element with the smallest value of the field named by {@code field} (the first on ties). */
    public SingleOutputStreamOperator<T> minBy(String field) {
        return reduce(new TupleAggregator<>(field, TupleAggregator.Kind.MIN_BY));
    }

    /** The element with the largest value of the field named by {@code field} (the first on ties). */
    public SingleOutputStreamOperator<T> maxBy(String field) {
        return reduce(new TupleAggregator<>(field, TupleAggregator.Kind.MAX_BY));
    }

    /** The environment the stream belongs to. */
    public StreamExecutionEnvironment getExecutionEnvironment() {
        return input.getExecutionEnvironment();
    }

    private static <F> F checkNotNull(F f) {
        if (f == null) {
            throw new IllegalArgumentException("The window function must not be null.");
        }
        return f;
    }

    /** The one key of a non-keyed window operator, as in Flink. */
    static final class NullByteKeySelector<T> implements KeySelector<T, Byte> {
        private static final long serialVersionUID = 1L;
        private static final Byte ZERO = 0;

        @Override
        public Byte getKey(T value) {
            return ZERO;
        }
    }
}
