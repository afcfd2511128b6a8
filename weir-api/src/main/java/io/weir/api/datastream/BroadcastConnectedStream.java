package io.weir.api.datastream;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.Function;
import io.weir.api.functions.co.BroadcastProcessFunction;
import io.weir.api.functions.co.KeyedBroadcastProcessFunction;
import io.weir.api.graph.OperatorKind;
import io.weir.api.graph.TwoInputTransformation;

/**
 * A stream (keyed or not) connected with a {@link BroadcastStream}, made by {@link DataStream#connect(BroadcastStream)};
 * finish it with {@link #process(BroadcastProcessFunction)} on a non-keyed stream or
 * {@link #process(KeyedBroadcastProcessFunction)} on a keyed one. Like every DataStream call, nothing runs until
 * {@code execute}.
 *
 * <p>The operator runs at the environment's default parallelism unless set on the result. Every subtask receives all elements of the broadcast stream and its share of the first stream. Checkpoint barriers
 * are aligned over both inputs, and event time is the minimum of both inputs' watermarks, as for
 * {@link ConnectedStreams}.
 *
 * @param <IN1> the type of the non-broadcast stream
 * @param <IN2> the type of the broadcast stream
 */
public class BroadcastConnectedStream<IN1, IN2> {
    private final StreamExecutionEnvironment environment;
    private final DataStream<IN1> nonBroadcastStream;
    private final BroadcastStream<IN2> broadcastStream;

    /** Use {@link DataStream#connect(BroadcastStream)}. */
    protected BroadcastConnectedStream(StreamExecutionEnvironment environment, DataStream<IN1> input1, BroadcastStream<IN2> input2) {
        if (input1 == null || input2 == null) {
            throw new NullPointerException("connect(...) needs a broadcast stream to connect to, but got null.");
        }
        if (input1.getExecutionEnvironment() != input2.getEnvironment()) {
            throw new IllegalArgumentException("Cannot connect streams of different execution environments:"
                    + " build both streams with the same StreamExecutionEnvironment.");
        }
        this.environment = environment;
        this.nonBroadcastStream = input1;
        this.broadcastStream = input2;
    }

    /** The environment both streams belong to. */
    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    /** The non-broadcast stream, whose elements go to {@code processElement}. */
    public DataStream<IN1> getFirstInput() {
        return nonBroadcastStream;
    }

    /** The broadcast stream, whose elements go to {@code processBroadcastElement}. */
    public BroadcastStream<IN2> getSecondInput() {
        return broadcastStream;
    }

    /**
     * Applies {@code function} to a keyed stream and the broadcast stream: keyed state and timers on the keyed side,
     * broadcast state on both (read-only on the keyed side).
     *
     * @return the resulting stream; set its parallelism, name or uid on it, or read its side outputs
     * @throws NullPointerException if {@code function} is null
     * @throws IllegalArgumentException if the first stream is not keyed: use {@link #process(BroadcastProcessFunction)}
     */
    public <KEY, OUT> SingleOutputStreamOperator<OUT> process(KeyedBroadcastProcessFunction<KEY, IN1, IN2, OUT> function) {
        if (!(nonBroadcastStream instanceof KeyedStream)) {
            throw new IllegalArgumentException("A KeyedBroadcastProcessFunction needs a keyed stream: call keyBy(...) on the stream"
                    + " before connect(broadcastStream), or use a BroadcastProcessFunction.");
        }
        return transform("Co-Process-Broadcast-Keyed", OperatorKind.CO_KEYED_BROADCAST_PROCESS, function);
    }

    /**
     * Applies {@code function} to a non-keyed stream and the broadcast stream, with broadcast state on both sides
     * (read-only on the non-broadcast side).
     *
     * @return the resulting stream; set its parallelism, name or uid on it, or read its side outputs
     * @throws NullPointerException if {@code function} is null
     * @throws IllegalArgumentException if the first stream is keyed: use {@link #process(KeyedBroadcastProcessFunction)}
     */
    public <OUT> SingleOutputStreamOperator<OUT> process(BroadcastProcessFunction<IN1, IN2, OUT> function) {
        if (nonBroadcastStream instanceof KeyedStream) {
            throw new IllegalArgumentException("A BroadcastProcessFunction cannot be applied to a keyed stream: use a"
                    + " KeyedBroadcastProcessFunction.");
        }
        return transform("Co-Process-Broadcast", OperatorKind.CO_BROADCAST_PROCESS, function);
    }

    private <OUT> SingleOutputStreamOperator<OUT> transform(String name, OperatorKind kind, Function function) {
        if (function == null) {
            throw new NullPointerException("BroadcastConnectedStream: the function given to process(...) is null.");
        }
        TwoInputTransformation<IN1, IN2, OUT> t = new TwoInputTransformation<>(nonBroadcastStream.getTransformation(),
                broadcastStream.getInput().getTransformation(), name, kind, function, nonBroadcastStream.stateKeySelector(), null, -1,
                broadcastStream.getBroadcastStateDescriptors());
        environment.addOperator(t);
        return new SingleOutputStreamOperator<>(environment, t);
    }
}
