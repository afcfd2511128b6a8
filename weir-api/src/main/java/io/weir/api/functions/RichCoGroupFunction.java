package io.weir.api.functions;

import io.weir.api.util.Collector;

/**
 * A {@link CoGroupFunction} with {@code open}/{@code close} and a {@link RuntimeContext}: the
 * co-group's window operator calls {@code open} once per subtask before the first group and
 * {@code close} once at the end (also after a failure), on the subtask's thread. The runtime context
 * gives keyed state of the key whose window fires.
 */
public abstract class RichCoGroupFunction<IN1, IN2, OUT> extends AbstractRichFunction implements CoGroupFunction<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;

    @Override
    public abstract void coGroup(Iterable<IN1> first, Iterable<IN2> second, Collector<OUT> out) throws Exception;
}
