package io.weir.api.datastream;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.Function;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.co.CoFlatMapFunction;
import io.weir.api.functions.co.CoMapFunction;
import io.weir.api.functions.co.CoProcessFunction;
import io.weir.api.functions.co.KeyedCoProcessFunction;
import io.weir.api.graph.OperatorKind;
import io.weir.api.graph.TwoInputTransformation;

/**
 * Two streams, possibly of different types, connected to be processed by one operator with a
 * function that has one method per input ({@link #map}, {@link #flatMap}, {@link #process}). Made by
 * {@link DataStream#connect}; like every DataStream call, nothing runs until {@code execute}.
 *
 * <p>Each subtask of the operator reads both inputs and calls the function for each element of
 * either, never concurrently; between the two inputs the order is not defined. Its event time is the
 * minimum of both inputs' watermarks. Checkpoint barriers are aligned over both inputs: in
 * EXACTLY_ONCE mode an input that delivered barrier n is held back until the other one has too, so
 * the operator's state in checkpoint n reflects exactly the elements before barrier n on each input.
 *
 * <p>When both inputs are keyed ({@link #keyBy}, or two {@link KeyedStream}s connected), both are
 * partitioned by the same key groups, so elements of either input with equal keys reach the same
 * subtask, and the function may use keyed state and timers, shared by both inputs per key.
 *
 * @param <IN1> the type of the first input
 * @param <IN2> the type of the second input
 */
public class ConnectedStreams<IN1, IN2> {
    protected final StreamExecutionEnvironment environment;
    protected final DataStream<IN1> inputStream1;
    protected final DataStream<IN2> inputStream2;

    /** Connects {@code input1} and {@code input2}; use {@link DataStream#connect} instead. */
    protected ConnectedStreams(StreamExecutionEnvironment environment, DataStream<IN1> input1, DataStream<IN2> input2) {
        if (input1 == null || input2 == null) {
            throw new NullPointerException("connect(...) needs a stream to connect to, but got null.");
        }
        if (input1.getExecutionEnvironment() != input2.getExecutionEnvironment()) {
            throw new IllegalArgumentException("Cannot connect streams of different execution environments:"
                    + " build both streams with the same StreamExecutionEnvironment.");
        }
        this.environment = environment;
        this.inputStream1 = input1;
        this.inputStream2 = input2;
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    /** The first input, whose elements go to the function's {@code ...1} method. */
    public DataStream<IN1> getFirstInput() {
        return inputStream1;
    }

    /** The second input, whose elements go to the function's {@code ...2} method. */
    public DataStream<IN2> getSecondInput() {
        return inputStream2;
    }

    /**
     * Keys both inputs: elements of either input whose keys are equal ({@code equals}/{@code hashCode})
     * go to the same subtask, and the operator applied next gets keyed state and timers scoped to that
     * key, shared by both inputs. The two selectors must return keys of the same type.
     *
     * @param keySelector1 the key of the first input's elements
     * @param keySelector2 the key of the second input's elements
     * @return the keyed connected streams
     */
    public <KEY> ConnectedStreams<IN1, IN2> keyBy(KeySelector<IN1, KEY> keySelector1, KeySelector<IN2, KEY> keySelector2) {
        return new ConnectedStreams<>(environment, inputStream1.keyBy(keySelector1), inputStream2.keyBy(keySelector2));
    }

    /** Flink's deprecated positional form for tuples: keys each input by the tuple field at the given position. */
    @Deprecated
    public ConnectedStreams<IN1, IN2> keyBy(int keyPosition1, int keyPosition2) {
        return new ConnectedStreams<>(environment, inputStream1.keyBy(keyPosition1), inputStream2.keyBy(keyPosition2));
    }

    /**
     * Applies {@code coMapper}: one output element for every element of either input.
     *
     * @return the mapped stream; set its parallelism, name or uid on it
     */
    public <R> SingleOutputStreamOperator<R> map(CoMapFunction<IN1, IN2, R> coMapper) {
        return transform("Co-Map", OperatorKind.CO_MAP, coMapper);
    }

    /**
     * Applies {@code coFlatMapper}: any number of output elements for every element of either input.
     *
     * @return the resulting stream; set its parallelism, name or uid on it
     */
    public <R> SingleOutputStreamOperator<R> flatMap(CoFlatMapFunction<IN1, IN2, R> coFlatMapper) {
        return transform("Co-Flat Map", OperatorKind.CO_FLAT_MAP, coFlatMapper);
    }

    /**
     * Applies {@code coProcessFunction}. On keyed connected streams it may use keyed state and timers
     * (as Flink's keyed co-process operator allows); otherwise registering a timer throws.
     *
     * @return the resulting stream; set its parallelism, name or uid on it, or read its side outputs
     */
    public <R> SingleOutputStreamOperator<R> process(CoProcessFunction<IN1, IN2, R> coProcessFunction) {
        return transform("Co-Process", OperatorKind.CO_PROCESS, coProcessFunction);
    }

    /**
     * Applies {@code keyedCoProcessFunction}, with keyed state and timers shared by both inputs per key.
     *
     * @return the resulting stream; set its parallelism, name or uid on it, or read its side outputs
     * @throws UnsupportedOperationException if the inputs are not both keyed: call {@link #keyBy} first
     */
    public <K, R> SingleOutputStreamOperator<R> process(KeyedCoProcessFunction<K, IN1, IN2, R> keyedCoProcessFunction) {
        if (!isKeyed()) {
            throw new UnsupportedOperationException("A KeyedCoProcessFunction needs both connected streams keyed:"
                    + " call connect(...).keyBy(key1, key2) (or connect two keyed streams) before process(...).");
        }
        return transform("KeyedCoProcess", OperatorKind.KEYED_CO_PROCESS, keyedCoProcessFunction);
    }

    private boolean isKeyed() {
        return inputStream1 instanceof KeyedStream && inputStream2 instanceof KeyedStream;
    }

    private <R> SingleOutputStreamOperator<R> transform(String name, OperatorKind kind, Function function) {
        if (function == null) {
            throw new NullPointerException("ConnectedStreams: the function given to " + name + " is null.");
        }
        boolean keyed = isKeyed();
        TwoInputTransformation<IN1, IN2, R> t = new TwoInputTransformation<>(inputStream1.getTransformation(), inputStream2.getTransformation(),
                name, kind, function, keyed ? inputStream1.stateKeySelector() : null, keyed ? inputStream2.stateKeySelector() : null, -1);
        environment.addOperator(t);
        return new SingleOutputStreamOperator<>(environment, t);
    }
}
