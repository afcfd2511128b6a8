package io.weir.api.functions.co;

import io.weir.api.functions.AbstractRichFunction;
import io.weir.api.util.Collector;
import io.weir.api.util.OutputTag;

/**
 * Processes one joined pair of an interval join
 * ({@code keyedA.intervalJoin(keyedB).between(lower, upper).process(ProcessJoinFunction)}): the
 * operator calls {@link #processElement} once for every pair of a left element (timestamp
 * {@code tl}) and a right element (timestamp {@code tr}) with equal keys and
 * {@code tl + lower <= tr <= tl + upper}, as soon as the later of the two arrives. It runs on the join
 * operator's subtask thread, never concurrently, with keyed state (through
 * {@link #getRuntimeContext()}) scoped to the pair's key; {@code open} is called once per subtask before
 * the first pair and {@code close} once at the end, also after a failure.
 *
 * <p>Unlike a {@link KeyedCoProcessFunction} it has no timers: the operator uses timers itself to drop
 * buffered elements once the watermark shows that they can no longer find a partner.
 *
 * @param <IN1> the type of the left (first) input
 * @param <IN2> the type of the right (second) input
 * @param <OUT> the output type
 */
public abstract class ProcessJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    /**
     * Processes one joined pair.
     *
     * @param left the left element, never null; it stays buffered for later pairs, so do not change it
     * @param right the right element, never null; do not change it either
     * @param ctx the pair's timestamps and side outputs; valid only during this call
     * @param out where to emit results, with the pair's timestamp {@code max(tl, tr)}; valid only during this call
     * @throws Exception to fail the task (the job then restarts as its restart strategy says)
     */
    public abstract void processElement(IN1 left, IN2 right, Context ctx, Collector<OUT> out) throws Exception;

    /** What the operator tells {@link #processElement} about the current pair. Valid only during that call. */
    public abstract class Context {
        /** The left element's event timestamp. */
        public abstract long getLeftTimestamp();

        /** The right element's event timestamp. */
        public abstract long getRightTimestamp();

        /** The timestamp of the results: the larger of the two elements' timestamps. */
        public abstract long getTimestamp();

        /**
         * Emits {@code value} to the side output {@code outputTag}, with {@link #getTimestamp()}; read it
         * with {@code getSideOutput(outputTag)} on the join's result stream.
         *
         * @throws NullPointerException if {@code outputTag} or {@code value} is null
         */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
