package io.weir.api.graph;

import io.weir.api.util.OutputTag;

import java.util.List;

/**
 * The elements that an operator emits to a side output ({@code ctx.output(tag, value)}, or late
 * window data). A virtual node: the executor turns it into an edge from the operator that carries
 * only the elements emitted with {@link #getTag()}.
 */
public final class SideOutputTransformation<T> extends Transformation<T> {
    private final Transformation<?> input;
    private final OutputTag<T> tag;

    public SideOutputTransformation(Transformation<?> input, OutputTag<T> tag) {
        super("SideOutput(" + tag.getId() + ")", input.getParallelism());
        this.input = input;
        this.tag = tag;
    }

    /** The operator whose side output this is. */
    public Transformation<?> getInput() {
        return input;
    }

    public OutputTag<T> getTag() {
        return tag;
    }

    @Override
    public int getParallelism() {
        return input.getParallelism();
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
