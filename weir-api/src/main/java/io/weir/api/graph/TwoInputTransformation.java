package io.weir.api.graph;

import io.weir.api.functions.Function;
import io.weir.api.functions.KeySelector;
import io.weir.api.state.MapStateDescriptor;

import java.util.List;

/**
 * An operator with two inputs applying one user function (built by {@code DataStream.connect}).
 * Part of the executor SPI. When both inputs are keyed, {@link #getStateKeySelector1()} and
 * {@link #getStateKeySelector2()} give each input's key, the executor partitions both by the same key
 * groups, and the function may use keyed state and timers shared by both inputs; otherwise both are
 * {@code null}.
 */
public class TwoInputTransformation<IN1, IN2, OUT> extends Transformation<OUT> {
    private final Transformation<IN1> input1;
    private final Transformation<IN2> input2;
    private final OperatorKind kind;
    private final Function function;
    private final KeySelector<IN1, ?> stateKeySelector1;
    private final KeySelector<IN2, ?> stateKeySelector2;
    private final List<MapStateDescriptor<?, ?>> broadcastStateDescriptors;

    /**
     * A two-input operator without broadcast state.
     *
     * @throws IllegalArgumentException if exactly one of the key selectors is null
     */
    public TwoInputTransformation(Transformation<IN1> input1, Transformation<IN2> input2, String name, OperatorKind kind, Function function,
            KeySelector<IN1, ?> stateKeySelector1, KeySelector<IN2, ?> stateKeySelector2, int parallelism) {
        this(input1, input2, name, kind, function, stateKeySelector1, stateKeySelector2, parallelism, List.of());
    }

    /**
     * A two-input operator; for the broadcast kinds ({@link OperatorKind#CO_BROADCAST_PROCESS},
     * {@link OperatorKind#CO_KEYED_BROADCAST_PROCESS}) the second input is a broadcast stream, never keyed, and
     * {@code broadcastStateDescriptors} names the broadcast state the operator holds.
     *
     * @throws IllegalArgumentException if the key selectors don't fit the kind: for a broadcast kind the second must be
     *                                  null (and the first too unless keyed); otherwise both or neither must be null
     */
    public TwoInputTransformation(Transformation<IN1> input1, Transformation<IN2> input2, String name, OperatorKind kind, Function function,
            KeySelector<IN1, ?> stateKeySelector1, KeySelector<IN2, ?> stateKeySelector2, int parallelism,
            List<MapStateDescriptor<?, ?>> broadcastStateDescriptors) {
        super(name, parallelism);
        boolean broadcast = kind == OperatorKind.CO_BROADCAST_PROCESS || kind == OperatorKind.CO_KEYED_BROADCAST_PROCESS;
        if (broadcast) {
            if (stateKeySelector2 != null || (stateKeySelector1 != null) != (kind == OperatorKind.CO_KEYED_BROADCAST_PROCESS)) {
                throw new IllegalArgumentException("Operator '" + name + "': a broadcast-connected operator is keyed by its first input"
                        + " only when it applies a KeyedBroadcastProcessFunction; its broadcast input is never keyed.");
            }
        } else if ((stateKeySelector1 == null) != (stateKeySelector2 == null)) {
            throw new IllegalArgumentException("Operator '" + name + "': a two-input operator is keyed when both inputs are keyed;"
                    + " give a key selector for both inputs or for neither.");
        }
        this.broadcastStateDescriptors = List.copyOf(broadcastStateDescriptors);
        this.input1 = input1;
        this.input2 = input2;
        this.kind = kind;
        this.function = function;
        this.stateKeySelector1 = stateKeySelector1;
        this.stateKeySelector2 = stateKeySelector2;
    }

    /** The first input: its elements reach the function's {@code ...1} method (or {@code processElement}). */
    public Transformation<IN1> getInput1() {
        return input1;
    }

    /** The second input: its elements reach the function's {@code ...2} method (or {@code processBroadcastElement}). */
    public Transformation<IN2> getInput2() {
        return input2;
    }

    /** Which operator the executor builds around {@link #getFunction()}: one of the {@code CO_} kinds. */
    public OperatorKind getKind() {
        return kind;
    }

    /** The user's function (a co-function or broadcast process function), never null once built by the API. */
    public Function getFunction() {
        return function;
    }

    /** The key of the first input when both are keyed, else {@code null}. */
    public KeySelector<IN1, ?> getStateKeySelector1() {
        return stateKeySelector1;
    }

    /** The key of the second input when both are keyed, else {@code null} (always for a broadcast input). */
    public KeySelector<IN2, ?> getStateKeySelector2() {
        return stateKeySelector2;
    }

    /** The broadcast state the operator holds (the descriptors given to {@code broadcast(...)}); empty for other kinds. */
    public List<MapStateDescriptor<?, ?>> getBroadcastStateDescriptors() {
        return broadcastStateDescriptors;
    }

    /** The first input, then the second. */
    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input1, input2);
    }
}
