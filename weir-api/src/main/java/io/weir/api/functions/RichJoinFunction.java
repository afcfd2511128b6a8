package io.weir.api.functions;

/**
 * A {@link JoinFunction} with {@code open}/{@code close} and a {@link RuntimeContext}: the window
 * join's operator calls {@code open} once per subtask before the first pair and {@code close} once at
 * the end (also after a failure), on the subtask's thread. The runtime context gives keyed state of the
 * key whose window fires.
 */
public abstract class RichJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction implements JoinFunction<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;

    @Override
    public abstract OUT join(IN1 first, IN2 second) throws Exception;
}
