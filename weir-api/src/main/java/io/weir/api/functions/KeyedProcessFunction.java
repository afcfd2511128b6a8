package io.weir.api.functions;

import io.weir.api.util.Collector;
import io.weir.api.util.OutputTag;

/**
 * Per-element function on a keyed stream with keyed state and timers. {@link #onTimer} is called on
 * the same thread as {@link #processElement}, with the timer's key as the current key.
 */
public abstract class KeyedProcessFunction<K, I, O> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

    /** Context of one element. */
    public abstract class Context {
        public abstract Long timestamp();

        public abstract TimerService timerService();

        public abstract <X> void output(OutputTag<X> outputTag, X value);

        public abstract K getCurrentKey();
    }

    /** Context of one timer firing. */
    public abstract class OnTimerContext extends Context {
        public abstract TimeDomain timeDomain();
    }
}
