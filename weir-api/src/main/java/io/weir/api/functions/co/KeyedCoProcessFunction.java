package io.weir.api.functions.co;

import io.weir.api.functions.AbstractRichFunction;
import io.weir.api.functions.TimeDomain;
import io.weir.api.functions.TimerService;
import io.weir.api.util.Collector;
import io.weir.api.util.OutputTag;

/**
 * Low-level function over two connected streams keyed by the same key (see
 * {@code ConnectedStreams.keyBy}): each subtask sees, for the keys it owns, the elements of both
 * inputs. Keyed state (from {@link #getRuntimeContext()}) and timers are scoped to the key of the
 * current element, and are the same for both inputs, which makes this the tool for joins by key
 * (for example matching orders with their payments, and timing out those that never match).
 *
 * <p>{@link #processElement1}, {@link #processElement2} and {@link #onTimer} run on the subtask's
 * thread, never concurrently. Event time is the minimum of both inputs' watermarks, so an event-time
 * timer fires once neither input can still deliver an earlier element (idle inputs excepted). Timers
 * are deduplicated per key and time, and keyed state and timers are part of every checkpoint: after a
 * restore (also at another parallelism) they hold and fire as they would have without the failure.
 *
 * @param <K> the type of the key both inputs are keyed by
 * @param <IN1> the type of the first input
 * @param <IN2> the type of the second input
 * @param <OUT> the output type
 */
public abstract class KeyedCoProcessFunction<K, IN1, IN2, OUT> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    /**
     * Processes one element of the first input, with its key as the current key.
     *
     * @param value the element, never null
     * @param ctx the element's context; valid only during this call
     * @param out where to emit results (with the element's timestamp); valid only during this call
     * @throws Exception to fail the task (the job then restarts as its restart strategy says)
     */
    public abstract void processElement1(IN1 value, Context ctx, Collector<OUT> out) throws Exception;

    /**
     * Processes one element of the second input, with its key as the current key; the same contract
     * as {@link #processElement1}.
     *
     * @param value the element, never null
     * @param ctx the element's context; valid only during this call
     * @param out where to emit results; valid only during this call
     * @throws Exception to fail the task
     */
    public abstract void processElement2(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    /**
     * Called when a timer fires, with the key it was registered under as the current key: an
     * event-time timer once the operator's watermark reaches its time, a processing-time timer once
     * the clock does. Does nothing by default.
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

        /** The current time and watermark, and timers scoped to the current key. */
        public abstract TimerService timerService();

        /**
         * Emits {@code value} to the side output {@code outputTag}, with the current element's timestamp;
         * read it with {@code getSideOutput(outputTag)} on the result stream.
         *
         * @throws NullPointerException if {@code outputTag} or {@code value} is null
         */
        public abstract <X> void output(OutputTag<X> outputTag, X value);

        /** The key of the current element. */
        public abstract K getCurrentKey();
    }

    /** The context of one timer firing. Valid only during {@link #onTimer}. */
    public abstract class OnTimerContext extends Context {
        /** Whether the firing timer is an event-time or a processing-time timer. */
        public abstract TimeDomain timeDomain();

        /** The key the firing timer was registered under. */
        @Override
        public abstract K getCurrentKey();
    }
}
