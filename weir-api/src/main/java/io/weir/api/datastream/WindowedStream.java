package io.weir.api.datastream;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.functions.windowing.WindowFunction;
import io.weir.api.graph.WindowOperatorSpec.Contents;
import io.weir.api.util.OutputTag;
import io.weir.api.windowing.Time;
import io.weir.api.windowing.Window;
import io.weir.api.windowing.WindowAssigner;
import io.weir.api.windowing.evictors.Evictor;
import io.weir.api.windowing.triggers.Trigger;

import java.time.Duration;

/**
 * A keyed stream split into windows by a {@link WindowAssigner}; finish it with a window function
 * ({@link #reduce}, {@link #aggregate}, {@link #process}, {@link #apply}). With the assigner's default
 * trigger, each window of each key fires once when time passes its end (event time: when the watermark
 * does) and again for each late element that arrives within {@link #allowedLateness}; a {@link #trigger}
 * decides otherwise, and an {@link #evictor} removes elements when a window fires. A window is cleaned
 * up at its end plus the allowed lateness (event time) or at its end (processing time); elements later
 * than that are dropped, or go to {@link #sideOutputLateData} when set. Window contents, trigger state
 * and pending timers are keyed state, so they are part of every checkpoint and survive failures.
 *
 * <p>Incremental functions ({@code reduce}, {@code aggregate}) keep one value per window; with a
 * second, window-function argument that function receives the single result together with the
 * window. {@code process} and {@code apply} alone keep every element of the window.
 *
 * @param <T> the element type
 * @param <K> the key type
 * @param <W> the window type
 */
public class WindowedStream<T, K, W extends Window> {
    private final KeyedStream<T, K> input;
    private final WindowOperatorBuilder builder;

    /** Windows per key of {@code input}; made by {@code KeyedStream.window}. */
    public WindowedStream(KeyedStream<T, K> input, WindowAssigner<? super T, W> windowAssigner) {
        this.input = input;
        this.builder = new WindowOperatorBuilder(windowAssigner);
    }

    /**
     * Keeps each event-time window for {@code lateness} after it fired, so that late elements update
     * it and make it fire again. Default zero. Has no effect on processing-time windows.
     */
    public WindowedStream<T, K, W> allowedLateness(Duration lateness) {
        builder.allowedLateness(lateness);
        return this;
    }

    /** Flink's older form of {@link #allowedLateness(Duration)}. */
    public WindowedStream<T, K, W> allowedLateness(Time lateness) {
        builder.allowedLateness(lateness == null ? null : lateness.toDuration());
        return this;
    }

    /**
     * Sets the trigger that decides when a window fires and purges, instead of the assigner's default
     * trigger. Windows with a trigger other than the assigner's default run on the general (slower) path
     * of the window operator: timers and trigger state per window.
     *
     * @throws UnsupportedOperationException if the assigner merges windows and the trigger cannot merge
     */
    public WindowedStream<T, K, W> trigger(Trigger<? super T, ? super W> trigger) {
        builder.trigger(trigger);
        return this;
    }

    /**
     * Sets an evictor, which removes elements from a window when it fires, before or after the window
     * function (see {@link Evictor}). The window then keeps every element with its timestamp, also with
     * {@code reduce} or {@code aggregate}, which run over the remaining elements at each firing.
     */
    public WindowedStream<T, K, W> evictor(Evictor<? super T, ? super W> evictor) {
        builder.evictor(evictor);
        return this;
    }

    /** Sends elements that arrive after their windows' allowed lateness to this side output instead of dropping them. */
    public WindowedStream<T, K, W> sideOutputLateData(OutputTag<T> outputTag) {
        builder.sideOutputLateData(outputTag);
        return this;
    }

    /** Emits, per window, the reduction of its elements. */
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function) {
        WindowOperatorBuilder.checkNotRich(function, "ReduceFunction");
        return builder.build(input, Contents.REDUCE, function, null, false);
    }

    /** Reduces incrementally, then calls {@code function} with the single reduced value. */
    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, ProcessWindowFunction<T, R, K, W> function) {
        WindowOperatorBuilder.checkNotRich(reduceFunction, "ReduceFunction");
        return builder.build(input, Contents.REDUCE, reduceFunction, checkNotNull(function), false);
    }

    /** Reduces incrementally, then calls {@code function} with the single reduced value. */
    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, WindowFunction<T, R, K, W> function) {
        WindowOperatorBuilder.checkNotRich(reduceFunction, "ReduceFunction");
        return builder.build(input, Contents.REDUCE, reduceFunction, checkNotNull(function), false);
    }

    /** Emits, per window, the result of the aggregate function over its elements. */
    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
        WindowOperatorBuilder.checkNotRich(function, "AggregateFunction");
        return builder.build(input, Contents.AGGREGATE, function, null, false);
    }

    /** Aggregates incrementally, then calls {@code windowFunction} with the single result. */
    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggFunction,
            ProcessWindowFunction<V, R, K, W> windowFunction) {
        WindowOperatorBuilder.checkNotRich(aggFunction, "AggregateFunction");
        return builder.build(input, Contents.AGGREGATE, aggFunction, checkNotNull(windowFunction), false);
    }

    /** Aggregates incrementally, then calls {@code windowFunction} with the single result. */
    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggFunction,
            WindowFunction<V, R, K, W> windowFunction) {
        WindowOperatorBuilder.checkNotRich(aggFunction, "AggregateFunction");
        return builder.build(input, Contents.AGGREGATE, aggFunction, checkNotNull(windowFunction), false);
    }

    /** Calls {@code function} with all elements of each window (kept in state until the window is purged). */
    public <R> SingleOutputStreamOperator<R> process(ProcessWindowFunction<T, R, K, W> function) {
        return builder.build(input, Contents.ELEMENTS, null, checkNotNull(function), false);
    }

    /** Flink's older form of {@link #process}. */
    public <R> SingleOutputStreamOperator<R> apply(WindowFunction<T, R, K, W> function) {
        return builder.build(input, Contents.ELEMENTS, null, checkNotNull(function), false);
    }

    /** Per window, the sum of the tuple field at {@code position}; other fields from the window's first element. */
    public SingleOutputStreamOperator<T> sum(int position) {
        return reduce(new TupleAggregator<>(position, TupleAggregator.Kind.SUM));
    }

    /** The minimum of the tuple field at {@code position} per key and window; other fields from the window's first element. */
    public SingleOutputStreamOperator<T> min(int position) {
        return reduce(new TupleAggregator<>(position, TupleAggregator.Kind.MIN));
    }

    /** The maximum of the tuple field at {@code position} per key and window; other fields from the window's first element. */
    public SingleOutputStreamOperator<T> max(int position) {
        return reduce(new TupleAggregator<>(position, TupleAggregator.Kind.MAX));
    }

    /** The element with the smallest tuple field at {@code position} per key and window (the first on ties). */
    public SingleOutputStreamOperator<T> minBy(int position) {
        return reduce(new TupleAggregator<>(position, TupleAggregator.Kind.MIN_BY));
    }

    /** The element with the largest tuple field at {@code position} per key and window (the first on ties). */
    public SingleOutputStreamOperator<T> maxBy(int position) {
        return reduce(new TupleAggregator<>(position, TupleAggregator.Kind.MAX_BY));
    }

    /**
     * The sum of the field named by {@code field} over each key and window, emitted when the window fires: a Flink field expression
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
}
