package io.weir.api.functions.co;

import io.weir.api.functions.TimeDomain;
import io.weir.api.functions.TimerService;
import io.weir.api.state.KeyedStateFunction;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.util.Collector;

/**
 * The function of a keyed stream connected with a {@code BroadcastStream}
 * ({@code keyedStream.connect(broadcastStream).process(function)}). The keyed side ({@link #processElement}) has
 * keyed state and timers scoped to the element's key, and reads the broadcast state; the broadcast side
 * ({@link #processBroadcastElement}) has no current key, may change the broadcast state, and may visit the keyed state
 * of every key of the subtask with {@link Context#applyToKeyedState}.
 *
 * <p>All three methods run on the subtask's thread, never concurrently; between the two inputs the order is not
 * defined. Event time is the minimum of both inputs' watermarks. Keyed state, timers and broadcast state are part of
 * every checkpoint and are restored (also at another parallelism) as Flink restores them.
 *
 * @param <KS> the type of the keyed input's key
 * @param <IN1> the type of the keyed input
 * @param <IN2> the type of the broadcast input
 * @param <OUT> the output type
 */
public abstract class KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> extends BaseBroadcastProcessFunction {
    private static final long serialVersionUID = 1L;

    /**
     * Processes one element of the keyed input, with its key as the current key, read-only access to the broadcast
     * state, and timers.
     *
     * @param value the element, never null
     * @param ctx the element's context; valid only during this call
     * @param out where to emit results (with the element's timestamp); valid only during this call
     * @throws Exception to fail the task (the job then restarts as its restart strategy says)
     */
    public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

    /**
     * Processes one element of the broadcast input, with read-write access to the broadcast state. There is no
     * current key: keyed state obtained from the runtime context throws here; use {@link Context#applyToKeyedState}.
     *
     * @param value the element, never null
     * @param ctx the element's context; valid only during this call
     * @param out where to emit results; valid only during this call
     * @throws Exception to fail the task
     */
    public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    /**
     * Called when a timer registered on the keyed side fires, with its key as the current key. Does nothing by
     * default.
     *
     * @param timestamp the time the timer was registered for
     * @param ctx the timer's context; valid only during this call
     * @param out where to emit results (with {@code timestamp} for event-time timers); valid only during this call
     * @throws Exception to fail the task
     */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

    /**
     * The broadcast side's context. {@code applyToKeyedState} comes in one overload per kind of state descriptor,
     * because Weir's {@code StateDescriptor} has one type parameter where Flink's has two: code written for Flink
     * compiles unchanged.
     */
    public abstract class Context extends BaseBroadcastProcessFunction.Context {
        /**
         * Calls {@code function} once for every key of this subtask that has a value in the value state
         * {@code stateDescriptor} names, with that key's state. The function may read, update or clear it.
         *
         * @throws Exception what {@code function} throws
         */
        public abstract <T> void applyToKeyedState(ValueStateDescriptor<T> stateDescriptor,
                KeyedStateFunction<KS, ValueState<T>> function) throws Exception;

        /** As {@link #applyToKeyedState(ValueStateDescriptor, KeyedStateFunction)}, for list state. */
        public abstract <T> void applyToKeyedState(ListStateDescriptor<T> stateDescriptor,
                KeyedStateFunction<KS, ListState<T>> function) throws Exception;

        /** As {@link #applyToKeyedState(ValueStateDescriptor, KeyedStateFunction)}, for map state. */
        public abstract <UK, UV> void applyToKeyedState(MapStateDescriptor<UK, UV> stateDescriptor,
                KeyedStateFunction<KS, MapState<UK, UV>> function) throws Exception;

        /** As {@link #applyToKeyedState(ValueStateDescriptor, KeyedStateFunction)}, for reducing state. */
        public abstract <T> void applyToKeyedState(ReducingStateDescriptor<T> stateDescriptor,
                KeyedStateFunction<KS, ReducingState<T>> function) throws Exception;
    }

    /** The keyed side's context: read-only broadcast state, timers and the current key. */
    public abstract class ReadOnlyContext extends BaseBroadcastProcessFunction.ReadOnlyContext {
        /** The current time and watermark, and timers scoped to the current key. */
        public abstract TimerService timerService();

        /** The key of the current element. */
        public abstract KS getCurrentKey();
    }

    /** The context of one timer firing. Valid only during {@link #onTimer}. */
    public abstract class OnTimerContext extends ReadOnlyContext {
        /** Whether the firing timer is an event-time or a processing-time timer. */
        public abstract TimeDomain timeDomain();

        /** The key the firing timer was registered under. */
        @Override
        public abstract KS getCurrentKey();
    }
}
