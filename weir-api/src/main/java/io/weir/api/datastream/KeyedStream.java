package io.weir.api.datastream;

import io.weir.api.functions.KeySelector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.functions.co.ProcessJoinFunction;
import io.weir.api.graph.IntervalJoinSpec;
import io.weir.api.graph.OperatorKind;
import io.weir.api.graph.PartitionTransformation;
import io.weir.api.graph.PartitionTransformation.Partitioning;
import io.weir.api.graph.TwoInputTransformation;
import io.weir.api.util.OutputTag;
import io.weir.api.windowing.Time;
import io.weir.api.windowing.Window;
import io.weir.api.windowing.WindowAssigner;

import java.time.Duration;
import java.util.Objects;

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

    /** The key selector this stream was keyed with. */
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
     * Starts an interval join of this stream (the left side) with {@code otherStream} (the right side),
     * keyed by the same key type: continue with {@code .between(lower, upper).process(ProcessJoinFunction)}.
     * A left element at time {@code tl} and a right element at {@code tr} with equal keys are joined
     * when {@code tl + lower <= tr <= tl + upper}. Event time only. See {@link IntervalJoined}.
     *
     * @param otherStream the right side
     * @throws NullPointerException if {@code otherStream} is null
     * @throws IllegalArgumentException if {@code otherStream} belongs to another execution environment
     */
    public <T1> IntervalJoin<T, T1, K> intervalJoin(KeyedStream<T1, K> otherStream) {
        return new IntervalJoin<>(this, otherStream);
    }

    /**
     * Splits each key's elements into windows; finish with a window function on the returned stream,
     * for example {@code .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1))).aggregate(...)}.
     */
    public <W extends Window> WindowedStream<T, K, W> window(WindowAssigner<? super T, W> assigner) {
        return new WindowedStream<>(this, assigner);
    }

    /**
     * Tumbling count windows: each key's elements in groups of {@code size}, each group evaluated once
     * when complete (as Flink builds them: {@code GlobalWindows}, and a {@code CountTrigger} of
     * {@code size} that purges). Elements of an incomplete last group are never evaluated.
     */
    public WindowedStream<T, K, io.weir.api.windowing.GlobalWindow> countWindow(long size) {
        return window(io.weir.api.windowing.GlobalWindows.create())
                .trigger(io.weir.api.windowing.triggers.PurgingTrigger.of(io.weir.api.windowing.triggers.CountTrigger.of(size)));
    }

    /**
     * Sliding count windows: every {@code slide} elements of a key, the last {@code size} of them are
     * evaluated (as Flink builds them: {@code GlobalWindows}, a {@code CountEvictor} of {@code size} and a
     * {@code CountTrigger} of {@code slide}).
     */
    public WindowedStream<T, K, io.weir.api.windowing.GlobalWindow> countWindow(long size, long slide) {
        return window(io.weir.api.windowing.GlobalWindows.create())
                .evictor(io.weir.api.windowing.evictors.CountEvictor.of(size))
                .trigger(io.weir.api.windowing.triggers.CountTrigger.of(slide));
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

    /**
     * An interval join whose bounds are not set yet; made by {@link KeyedStream#intervalJoin}, finished
     * by {@link #between} and {@link IntervalJoined#process}. Used by the thread that builds the job;
     * not thread-safe.
     *
     * @param <T1> the type of the left stream's elements
     * @param <T2> the type of the right stream's elements
     * @param <KEY> the key type of both
     */
    public static class IntervalJoin<T1, T2, KEY> {
        private final KeyedStream<T1, KEY> left;
        private final KeyedStream<T2, KEY> right;
        private boolean processingTime;

        IntervalJoin(KeyedStream<T1, KEY> left, KeyedStream<T2, KEY> right) {
            this.left = Objects.requireNonNull(left, "intervalJoin needs a left stream, but got null.");
            this.right = Objects.requireNonNull(right, "intervalJoin(...) needs a keyed stream to join with, but got null.");
            if (left.getExecutionEnvironment() != right.getExecutionEnvironment()) {
                throw new IllegalArgumentException("Cannot interval-join streams of different execution environments:"
                        + " build both streams with the same StreamExecutionEnvironment.");
            }
        }

        /** Joins by event time (the default and the only time an interval join supports). */
        public IntervalJoin<T1, T2, KEY> inEventTime() {
            processingTime = false;
            return this;
        }

        /** Asks for a processing-time join, which is not supported: {@link #between} then throws, as in Flink. */
        public IntervalJoin<T1, T2, KEY> inProcessingTime() {
            processingTime = true;
            return this;
        }

        /**
         * Sets the interval, relative to a left element's timestamp {@code tl}, in which a right
         * element's timestamp {@code tr} must lie: {@code tl + lowerBound <= tr <= tl + upperBound}
         * (either bound may be negative; both are inclusive until {@link IntervalJoined#lowerBoundExclusive}
         * or {@link IntervalJoined#upperBoundExclusive}). Millisecond precision: finer parts are dropped.
         *
         * @return the join with its bounds; finish it with {@link IntervalJoined#process}
         * @throws NullPointerException if a bound is null
         * @throws IllegalArgumentException if {@code lowerBound > upperBound}
         * @throws UnsupportedOperationException after {@link #inProcessingTime()} (Flink throws its
         *     {@code UnsupportedTimeCharacteristicException} there, which Weir does not have)
         */
        public IntervalJoined<T1, T2, KEY> between(Duration lowerBound, Duration upperBound) {
            if (processingTime) {
                throw new UnsupportedOperationException("Interval joins are supported in event time only; remove inProcessingTime().");
            }
            long lower = Objects.requireNonNull(lowerBound, "between(...) needs a lower bound, but got null.").toMillis();
            long upper = Objects.requireNonNull(upperBound, "between(...) needs an upper bound, but got null.").toMillis();
            if (lower > upper) {
                throw new IllegalArgumentException("between(" + lowerBound + ", " + upperBound + "): the lower bound must not be greater than"
                        + " the upper bound.");
            }
            return new IntervalJoined<>(left, right, lower, upper);
        }

        /** Flink's deprecated form of {@link #between(Duration, Duration)}. */
        @Deprecated
        public IntervalJoined<T1, T2, KEY> between(Time lowerBound, Time upperBound) {
            return between(lowerBound == null ? null : lowerBound.toDuration(), upperBound == null ? null : upperBound.toDuration());
        }
    }

    /**
     * An interval join with its bounds set; {@link #process} finishes it. Used by the thread that builds
     * the job; not thread-safe.
     *
     * <p>How it runs (as Flink's): one keyed two-input operator buffers each side's elements per key in
     * keyed map state (timestamp to elements). An arriving element is buffered and joined at once with
     * every buffered element of the other side whose timestamp lies in its interval; results carry the
     * larger of the two timestamps. An event-time timer drops a left element once the watermark reaches
     * {@code tl + max(upper, 0)}, a right element at {@code tr + max(-lower, 0)}, when nothing that can
     * still arrive could join it. An element whose timestamp is below the operator's watermark (the
     * minimum of both inputs') is late: it is dropped, or sent to the side output set with
     * {@link #sideOutputLeftLateData} / {@link #sideOutputRightLateData}. Buffers and timers are keyed
     * state: checkpointed, restored, and redistributed when a job is restored at another parallelism.
     *
     * <p>Unlike Flink, the watermark the operator reached is checkpointed too (as Weir's window
     * operator does), so an element that was late before a failure is still late after the restore.
     *
     * @param <IN1> the type of the left stream's elements
     * @param <IN2> the type of the right stream's elements
     * @param <KEY> the key type of both
     */
    public static class IntervalJoined<IN1, IN2, KEY> {
        private final KeyedStream<IN1, KEY> left;
        private final KeyedStream<IN2, KEY> right;
        private final long lowerBound;
        private final long upperBound;
        private boolean lowerBoundInclusive = true;
        private boolean upperBoundInclusive = true;
        private OutputTag<IN1> leftLateDataOutputTag;
        private OutputTag<IN2> rightLateDataOutputTag;

        IntervalJoined(KeyedStream<IN1, KEY> left, KeyedStream<IN2, KEY> right, long lowerBound, long upperBound) {
            this.left = left;
            this.right = right;
            this.lowerBound = lowerBound;
            this.upperBound = upperBound;
        }

        /** Makes the upper bound exclusive: {@code tr < tl + upperBound}. */
        public IntervalJoined<IN1, IN2, KEY> upperBoundExclusive() {
            upperBoundInclusive = false;
            return this;
        }

        /** Makes the lower bound exclusive: {@code tl + lowerBound < tr}. */
        public IntervalJoined<IN1, IN2, KEY> lowerBoundExclusive() {
            lowerBoundInclusive = false;
            return this;
        }

        /**
         * Sends late left elements to the side output {@code outputTag} (read it with
         * {@code getSideOutput} on the result of {@link #process}) instead of dropping them.
         *
         * @throws NullPointerException if {@code outputTag} is null
         */
        public IntervalJoined<IN1, IN2, KEY> sideOutputLeftLateData(OutputTag<IN1> outputTag) {
            leftLateDataOutputTag = Objects.requireNonNull(outputTag, "sideOutputLeftLateData needs an OutputTag, but got null.");
            return this;
        }

        /**
         * Sends late right elements to the side output {@code outputTag} instead of dropping them.
         *
         * @throws NullPointerException if {@code outputTag} is null
         */
        public IntervalJoined<IN1, IN2, KEY> sideOutputRightLateData(OutputTag<IN2> outputTag) {
            rightLateDataOutputTag = Objects.requireNonNull(outputTag, "sideOutputRightLateData needs an OutputTag, but got null.");
            return this;
        }

        /**
         * Joins with {@code processJoinFunction}, called once per joined pair. With both bounds
         * exclusive and equal the join can never match, which Weir accepts as Flink does.
         *
         * @return the results; set the operator's parallelism, name or uid on it, or read its late-data side outputs
         * @throws NullPointerException if {@code processJoinFunction} is null
         */
        public <OUT> SingleOutputStreamOperator<OUT> process(ProcessJoinFunction<IN1, IN2, OUT> processJoinFunction) {
            Objects.requireNonNull(processJoinFunction, "process(...) needs a ProcessJoinFunction, but got null.");
            IntervalJoinSpec spec = new IntervalJoinSpec(processJoinFunction, lowerBoundInclusive ? lowerBound : lowerBound + 1,
                    upperBoundInclusive ? upperBound : upperBound - 1, leftLateDataOutputTag, rightLateDataOutputTag);
            TwoInputTransformation<IN1, IN2, OUT> t = new TwoInputTransformation<>(left.getTransformation(), right.getTransformation(),
                    "Interval Join", OperatorKind.INTERVAL_JOIN, spec, left.getKeySelector(), right.getKeySelector(), -1);
            left.getExecutionEnvironment().addOperator(t);
            return new SingleOutputStreamOperator<>(left.getExecutionEnvironment(), t);
        }
    }

    /**
     * Running sum of the field named by {@code field} (a Flink field expression: {@code "f1"} for a tuple field, a POJO
     * field's name, {@code "a.b"} for a nested one); the other fields are those of the key's first element.
     *
     * @throws IllegalArgumentException if {@code field} is empty (a field that does not exist fails the job when the
     *                                  first two elements of a key meet, naming the field)
     */
    public SingleOutputStreamOperator<T> sum(String field) {
        return transform("Keyed Aggregation", OperatorKind.KEYED_REDUCE, new TupleAggregator<T>(field, TupleAggregator.Kind.SUM));
    }

    /** Running minimum of the field named by {@code field} (see {@link #sum(String)}); other fields from the first element. */
    public SingleOutputStreamOperator<T> min(String field) {
        return transform("Keyed Aggregation", OperatorKind.KEYED_REDUCE, new TupleAggregator<T>(field, TupleAggregator.Kind.MIN));
    }

    /** Running maximum of the field named by {@code field} (see {@link #sum(String)}); other fields from the first element. */
    public SingleOutputStreamOperator<T> max(String field) {
        return transform("Keyed Aggregation", OperatorKind.KEYED_REDUCE, new TupleAggregator<T>(field, TupleAggregator.Kind.MAX));
    }

    /** The whole element with the smallest value of the field named by {@code field} (the first on ties). */
    public SingleOutputStreamOperator<T> minBy(String field) {
        return transform("Keyed Aggregation", OperatorKind.KEYED_REDUCE, new TupleAggregator<T>(field, TupleAggregator.Kind.MIN_BY));
    }

    /** The whole element with the largest value of the field named by {@code field} (the first on ties). */
    public SingleOutputStreamOperator<T> maxBy(String field) {
        return transform("Keyed Aggregation", OperatorKind.KEYED_REDUCE, new TupleAggregator<T>(field, TupleAggregator.Kind.MAX_BY));
    }
}
