package io.weir.api.graph;

import io.weir.api.functions.Function;
import io.weir.api.functions.KeySelector;

import java.util.List;

/**
 * An operator with one input applying a user function. When the input is keyed, {@link #getStateKeySelector()}
 * gives the key, and the function may use keyed state and timers.
 */
public class OneInputTransformation<IN, OUT> extends Transformation<OUT> {
    private final Transformation<IN> input;
    private final OperatorKind kind;
    private final Function function;
    private final KeySelector<IN, ?> stateKeySelector;

    public OneInputTransformation(Transformation<IN> input, String name, OperatorKind kind, Function function,
            KeySelector<IN, ?> stateKeySelector, int parallelism) {
        super(name, parallelism);
        this.input = input;
        this.kind = kind;
        this.function = function;
        this.stateKeySelector = stateKeySelector;
    }

    public Transformation<IN> getInput() {
        return input;
    }

    public OperatorKind getKind() {
        return kind;
    }

    public Function getFunction() {
        return function;
    }

    /** The key of a keyed input, or {@code null} for a non-keyed one. */
    public KeySelector<IN, ?> getStateKeySelector() {
        return stateKeySelector;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
