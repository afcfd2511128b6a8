package io.weir.api.graph;

import io.weir.api.functions.Function;
import io.weir.api.functions.KeySelector;

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

    /**
     * @throws IllegalArgumentException if exactly one of the key selectors is null
     */
    public TwoInputTransformation(Transformation<IN1> input1, Transformation<IN2> input2, String name, OperatorKind kind, Function function,
            KeySelector<IN1, ?> stateKeySelector1, KeySelector<IN2, ?> stateKeySelector2, int parallelism) {
        super(name, parallelism);
        if ((stateKeySelector1 == null) != (stateKeySelector2 == null)) {
            throw new IllegalArgumentException("Operator '" + name + "': a two-input operator is keyed when both inputs are keyed;"
                    + " give a key selector for both inputs or for neither.");
        }
        this.input1 = input1;
        this.input2 = input2;
        this.kind = kind;
        this.function = function;
        this.stateKeySelector1 = stateKeySelector1;
        this.stateKeySelector2 = stateKeySelector2;
    }

    public Transformation<IN1> getInput1() {
        return input1;
    }

    public Transformation<IN2> getInput2() {
        return input2;
    }

    public OperatorKind getKind() {
        return kind;
    }

    public Function getFunction() {
        return function;
    }

    /** The key of the first input when both are keyed, else {@code null}. */
    public KeySelector<IN1, ?> getStateKeySelector1() {
        return stateKeySelector1;
    }

    /** The key of the second input when both are keyed, else {@code null}. */
    public KeySelector<IN2, ?> getStateKeySelector2() {
        return stateKeySelector2;
    }

    /** The first input, then the second. */
    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input1, input2);
    }
}
