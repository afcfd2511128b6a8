package io.weir.api.graph;

import java.util.List;

/** Merges streams of the same type without changing their elements. */
public final class UnionTransformation<T> extends Transformation<T> {
    private final List<Transformation<?>> inputs;

    public UnionTransformation(List<Transformation<?>> inputs) {
        super("Union", -1);
        this.inputs = List.copyOf(inputs);
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return inputs;
    }
}
