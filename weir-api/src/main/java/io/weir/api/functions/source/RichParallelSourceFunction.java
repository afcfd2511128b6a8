package io.weir.api.functions.source;

import io.weir.api.functions.AbstractRichFunction;

/** A parallel source with {@code open}/{@code close} and a runtime context. */
public abstract class RichParallelSourceFunction<T> extends AbstractRichFunction implements ParallelSourceFunction<T> {
    private static final long serialVersionUID = 1L;
}
