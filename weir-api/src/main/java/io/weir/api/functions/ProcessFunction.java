package io.weir.api.functions;

import io.weir.api.util.Collector;
import io.weir.api.util.OutputTag;

/** Low-level per-element function on a non-keyed stream. Timers need a keyed stream ({@link KeyedProcessFunction}). */
public abstract class ProcessFunction<I, O> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /** Context of one element. */
    public abstract class Context {
        /** The element's event timestamp, or {@code null} if it has none. */
        public abstract Long timestamp();

        public abstract TimerService timerService();

        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
