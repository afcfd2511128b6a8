package io.weir.api.functions.sink;

import io.weir.api.functions.AbstractRichFunction;

/**
 * A sink with a lifecycle: {@code open} once per execution attempt, {@code invoke(value, Context)}
 * per element, {@code close} when the job finishes, is cancelled or fails (so connections opened in
 * {@code open} are always released).
 */
public abstract class RichSinkFunction<IN> extends AbstractRichFunction implements SinkFunction<IN> {
    private static final long serialVersionUID = 1L;
}
