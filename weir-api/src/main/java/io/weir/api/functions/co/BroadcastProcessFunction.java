package io.weir.api.functions.co;

import io.weir.api.util.Collector;

/**
 * The function of a non-keyed stream connected with a {@code BroadcastStream}
 * ({@code stream.connect(broadcastStream).process(function)}): every subtask sees its share of the first stream's
 * elements and all of the broadcast stream's, which typically carry rules or configuration that the broadcast side
 * stores in broadcast state and the other side applies.
 *
 * <p>Both methods run on the subtask's thread, never concurrently; between the two inputs the order of elements is
 * not defined (in Flink it is not either), so a function must not rely on a rule arriving before the elements it
 * applies to. The broadcast state is part of every checkpoint (see {@link io.weir.api.state.BroadcastState}).
 * Timers are not available on a non-keyed stream.
 *
 * @param <IN1> the type of the non-broadcast input
 * @param <IN2> the type of the broadcast input
 * @param <OUT> the output type
 */
public abstract class BroadcastProcessFunction<IN1, IN2, OUT> extends BaseBroadcastProcessFunction {
    private static final long serialVersionUID = 1L;

    /**
     * Processes one element of the non-broadcast input, with read-only access to the broadcast state.
     *
     * @param value the element, never null
     * @param ctx the element's context; valid only during this call
     * @param out where to emit results (with the element's timestamp); valid only during this call
     * @throws Exception to fail the task (the job then restarts as its restart strategy says)
     */
    public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

    /**
     * Processes one element of the broadcast input, with read-write access to the broadcast state. Every subtask
     * gets every broadcast element, so it must change the state the same way on each.
     *
     * @param value the element, never null
     * @param ctx the element's context; valid only during this call
     * @param out where to emit results; valid only during this call
     * @throws Exception to fail the task
     */
    public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    /** The broadcast side's context. */
    public abstract class Context extends BaseBroadcastProcessFunction.Context {}

    /** The non-broadcast side's context. */
    public abstract class ReadOnlyContext extends BaseBroadcastProcessFunction.ReadOnlyContext {}
}
