package io.weir.api.functions.co;

import io.weir.api.functions.AbstractRichFunction;
import io.weir.api.state.BroadcastState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReadOnlyBroadcastState;
import io.weir.api.util.OutputTag;

/**
 * What {@link BroadcastProcessFunction} and {@link KeyedBroadcastProcessFunction} share: the contexts through which
 * their two methods reach the broadcast state, side outputs and time. The side that processes the broadcast input
 * gets a {@link Context} with read-write access to the broadcast state; the other side gets a {@link ReadOnlyContext}.
 * Users extend one of the two subclasses, never this class directly.
 */
public abstract class BaseBroadcastProcessFunction extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    /** What both sides' contexts offer. Valid only during the call it is given to; task thread only. */
    public abstract class BaseContext {
        /** The current element's event timestamp, or {@code null} if it has none. */
        public abstract Long timestamp();

        /**
         * Emits {@code value} to the side output {@code outputTag}, with the current element's timestamp; read it with
         * {@code getSideOutput(outputTag)} on the result stream.
         *
         * @throws NullPointerException if {@code outputTag} or {@code value} is null
         */
        public abstract <X> void output(OutputTag<X> outputTag, X value);

        /** The operator's current processing time (milliseconds since the epoch, or the simulator's virtual time). */
        public abstract long currentProcessingTime();

        /** The operator's current event time: the minimum of both inputs' watermarks ({@code Long.MIN_VALUE} before any). */
        public abstract long currentWatermark();
    }

    /** The context of the broadcast side: the broadcast state may be changed. */
    public abstract class Context extends BaseContext {
        /**
         * This subtask's copy of the broadcast state that {@code stateDescriptor} names, readable and writable.
         *
         * @throws IllegalArgumentException if {@code stateDescriptor} was not given to {@code broadcast(...)}
         */
        public abstract <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor);
    }

    /** The context of the non-broadcast side: the broadcast state may only be read. */
    public abstract class ReadOnlyContext extends BaseContext {
        /**
         * A read-only view of this subtask's copy of the broadcast state that {@code stateDescriptor} names.
         *
         * @throws IllegalArgumentException if {@code stateDescriptor} was not given to {@code broadcast(...)}
         */
        public abstract <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor);
    }
}
