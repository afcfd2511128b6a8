package io.weir.api.functions.co;

import io.weir.api.functions.AbstractRichFunction;
import io.weir.api.functions.TimeDomain;
import io.weir.api.functions.TimerService;
import io.weir.api.util.Collector;
import io.weir.api.util.OutputTag;

/**
 * Low-level function over two connected streams: {@link #processElement1} for each element of the
 * first input, {@link #processElement2} for each of the second, with the element's timestamp, side
 * outputs and the current watermark through the {@link Context}. All methods, including
 * {@link #onTimer}, run on the subtask's thread and never concurrently. Applied with
 * {@code ConnectedStreams.process}.
 *
 * <p>On connected streams that are not keyed, timers are not available: registering one throws
 * {@link UnsupportedOperationException}. When both inputs are keyed (see
 * {@code ConnectedStreams.keyBy}), timers and keyed state work and are scoped to the current key;
 * {@link KeyedCoProcessFunction} adds access to that key.
 *
 * @param <IN1> the type of the first input
 * @param <IN2> the type of the second input
 * @param <OUT> the output type
 */
public abstract class CoProcessFunction<IN1, IN2, OUT> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    /**
     * Processes one element of the first input.
     *
     * @param value the element, never null
     * @param ctx the element's context; valid only during this call
     * @param out where to emit results (with the element's timestamp); valid only during this call
     * @throws Exception to fail the task (the job then restarts as its restart strategy says)
     */
    public abstract void processElement1(IN1 value, Context ctx, Collector<OUT> out) throws Exception;

    /**
     * Processes one element of the second input; the same contract as {@link #processElement1}.
     *
     * @param value the element, never null
     * @param ctx the element's context; valid only during this call
     * @param out where to emit results; valid only during this call
     * @throws Exception to fail the task
     */
    public abstract void processElement2(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    /**
     * Called when a timer registered through {@link TimerService} fires (keyed connected streams only):
     * an event-time timer once the operator's watermark (the minimum of both inputs' watermarks)
     * reaches its time, a processing-time timer once the clock does. Does nothing by default.
     *
     * @param timestamp the time the timer was registered for
     * @param ctx the timer's context; valid only during this call
     * @param out where to emit results (with {@code timestamp} for event-time timers); valid only during this call
     * @throws Exception to fail the task
     */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

    /** What the operator tells {@code processElement1/2} about the current element. Valid only during the call. */
    public abstract class Context {
        /** The current element's event timestamp, or {@code null} if it has none. */
        public abstract Long timestamp();

        /** The current time and watermark; registers timers on keyed connected streams (elsewhere registering throws). */
        public abstract TimerService timerService();

        /**
         * Emits {@code value} to the side output {@code outputTag}, with the current element's timestamp;
         * read it with {@code getSideOutput(outputTag)} on the result stream.
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
