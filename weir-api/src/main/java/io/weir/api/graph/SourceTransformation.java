package io.weir.api.graph;

import io.weir.api.connector.source.Source;
import io.weir.api.functions.source.SourceFunction;

import java.util.List;

/** A source: either a split-based {@link Source} or a classic {@link SourceFunction}. */
public final class SourceTransformation<T> extends Transformation<T> {
    private final Source<T, ?> source;
    private final SourceFunction<T> sourceFunction;
    private final boolean parallel;

    public SourceTransformation(String name, Source<T, ?> source, SourceFunction<T> sourceFunction, boolean parallel, int parallelism) {
        super(name, parallelism);
        this.source = source;
        this.sourceFunction = sourceFunction;
        this.parallel = parallel;
    }

    /** The split-based source, or {@code null} for a {@link SourceFunction}. */
    public Source<T, ?> getSource() {
        return source;
    }

    /** The classic source function, or {@code null} for a split-based source. */
    public SourceFunction<T> getSourceFunction() {
        return sourceFunction;
    }

    /** Whether the source may run with parallelism above 1. */
    public boolean isParallel() {
        return parallel;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of();
    }
}
