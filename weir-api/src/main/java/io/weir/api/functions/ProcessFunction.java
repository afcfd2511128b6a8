package io.weir.api.functions;

import io.weir.api.util.Collector;
import io.weir.api.util.OutputTag;

/**
 * Low-level per-element function: {@code stream.process(function)}. On a non-keyed stream it has no keyed state and
 * registering a timer throws; applied to a keyed stream ({@code keyBy(...).process(processFunction)}, Flink's older
 * form of {@link KeyedProcessFunction}) it has keyed state and timers, which fire {@link #onTimer}. All methods run on
 * the subtask's thread, never concurrently.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public abstract class ProcessFunction<I, O> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    /**
     * Processes one element.
     *
     * @param value the element, never null
     * @param ctx the element's context; valid only during this call
     * @param out where to emit results (with the element's timestamp); valid only during this call
     * @throws Exception to fail the task (the job then restarts as its restart strategy says)
     */
    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /**
     * Called when a timer registered on a keyed stream fires, with its key as the current key. Does nothing by default.
     *
     * @param timestamp the time the timer was registered for
     * @param ctx the timer's context; valid only during this call
     * @param out where to emit results (with {@code timestamp} for event-time timers); valid only during this call
     * @throws Exception to fail the task
     */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

    /** Context of one element. Valid only during the call it is given to. */
    public abstract class Context {
        /** The element's event timestamp, or {@code null} if it has none. */
        public abstract Long timestamp();

        /** The current time and watermark, and (on a keyed stream) timers of the current key. */
        public abstract TimerService timerService();

        /**
         * Emits {@code value} to the side output {@code outputTag}, with the current element's timestamp.
         *
         * @throws NullPointerException if {@code outputTag} or {@code value} is null
         */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }

    /** The context of one timer firing. Valid only during {@link #onTimer}. */
    public abstract class OnTimerContext extends Context {
        /** Whether the firing timer is an event-time or a processing-time timer. */
        public abstract TimeDomain timeDomain();
    }
}
