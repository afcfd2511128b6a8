package io.weir.api.functions.source;

import io.weir.api.functions.AbstractRichFunction;

/** A non-parallel source with {@code open}/{@code close} and a runtime context. */
public abstract class RichSourceFunction<T> extends AbstractRichFunction implements SourceFunction<T> {
    private static final long serialVersionUID = 1L;
}
