package io.weir.api.windowing.triggers;

import io.weir.api.state.AggregatingState;
import io.weir.api.state.AggregatingStateDescriptor;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.State;
import io.weir.api.state.StateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.windowing.Window;

import java.io.Serializable;

/**
 * Decides when a window of one key is evaluated and when its contents are dropped; set it with
 * {@code WindowedStream.trigger(...)}, or let the window assigner's {@link
 * io.weir.api.windowing.WindowAssigner#getDefaultTrigger() default} decide.
 *
 * <p>The window operator calls a trigger for one (key, window) at a time, on the task thread, never
 * concurrently: {@link #onElement} for each element added to the window, {@link #onEventTime} and
 * {@link #onProcessingTime} for each timer the trigger registered for that window (and for the
 * window's cleanup timer, in the assigner's time domain, at {@code maxTimestamp() + allowedLateness}
 * in event time and {@code maxTimestamp()} in processing time), {@link #onMerge} when windows merge,
 * and {@link #clear} when the window is cleaned up (at its cleanup time) or merged away. The returned
 * {@link TriggerResult} says whether the window fires, is purged, both or neither.
 *
 * <p>One trigger instance serves every key and window of an operator subtask, so it must keep no
 * state in fields: keep it in {@link TriggerContext#getPartitionedState partitioned state}, which is
 * per key and window, part of every checkpoint and restored after a failure, and in timers, which
 * are per key and window too (registering the same time twice for a window gives one timer).
 *
 * <p>A trigger used with a merging assigner (session windows) must return true from {@link #canMerge()}
 * and merge its state and re-register its timers in {@link #onMerge}; {@code WindowedStream.trigger}
 * refuses one that cannot merge.
 *
 * @param <T> the element type
 * @param <W> the window type
 */
public abstract class Trigger<T, W extends Window> implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Called for each element added to {@code window}, after it was added.
     *
     * @param timestamp the element's event timestamp, {@code Long.MIN_VALUE} if it has none
     */
    public abstract TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception;

    /** Called when a processing-time timer of {@code window} fires, with the time it was registered for. */
    public abstract TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception;

    /** Called when an event-time timer of {@code window} fires (the watermark reached {@code time}). */
    public abstract TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception;

    /** Whether this trigger can be used with merging windows; if true, {@link #onMerge} must be implemented. Default false. */
    public boolean canMerge() {
        return false;
    }

    /**
     * Called when windows merged into {@code window}: merge the merged windows' partitioned state into
     * it ({@link OnMergeContext#mergePartitionedState}) and register the timers it needs. The merged
     * windows are cleared ({@link #clear}) right after. The default throws.
     */
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        throw new UnsupportedOperationException("Trigger " + getClass().getName() + " does not support merging windows.");
    }

    /**
     * Called when {@code window} is cleaned up or merged away: delete the timers this trigger
     * registered for it and clear its partitioned state. (Weir also drops what is left of the
     * window's partitioned state afterwards; Flink leaves that entirely to this method.)
     */
    public abstract void clear(W window, TriggerContext ctx) throws Exception;

    /**
     * What a trigger may use while it is called for one key and window. Valid only during that call.
     *
     * <p>Difference from Flink: Weir's state descriptors have one type parameter, so
     * {@link #getPartitionedState(StateDescriptor)} takes any descriptor and returns the state type the
     * caller expects (a mismatch is a {@code ClassCastException} at run time); the typed overloads
     * give the exact type at compile time.
     */
    public interface TriggerContext {
        /** The processing time of the task, in milliseconds. */
        long getCurrentProcessingTime();

        /** The operator's current event-time watermark ({@code Long.MIN_VALUE} before the first). */
        long getCurrentWatermark();

        /** Calls {@link Trigger#onProcessingTime} for this key and window once the task's clock has passed {@code time}. */
        void registerProcessingTimeTimer(long time);

        /** Calls {@link Trigger#onEventTime} for this key and window when the watermark reaches {@code time}. */
        void registerEventTimeTimer(long time);

        /** Deletes this key and window's processing-time timer at {@code time}, if any. */
        void deleteProcessingTimeTimer(long time);

        /** Deletes this key and window's event-time timer at {@code time}, if any. */
        void deleteEventTimeTimer(long time);

        /**
         * State of the current key and window, checkpointed with the operator.
         *
         * @throws IllegalArgumentException if the descriptor is of a kind Weir does not know
         */
        <S extends State> S getPartitionedState(StateDescriptor<?> stateDescriptor);

        default <V> ValueState<V> getPartitionedState(ValueStateDescriptor<V> stateDescriptor) {
            return getPartitionedState((StateDescriptor<?>) stateDescriptor);
        }

        default <V> ListState<V> getPartitionedState(ListStateDescriptor<V> stateDescriptor) {
            return getPartitionedState((StateDescriptor<?>) stateDescriptor);
        }

        default <V> ReducingState<V> getPartitionedState(ReducingStateDescriptor<V> stateDescriptor) {
            return getPartitionedState((StateDescriptor<?>) stateDescriptor);
        }

        default <IN, ACC, OUT> AggregatingState<IN, OUT> getPartitionedState(AggregatingStateDescriptor<IN, ACC, OUT> stateDescriptor) {
            return getPartitionedState((StateDescriptor<?>) stateDescriptor);
        }

        default <UK, UV> MapState<UK, UV> getPartitionedState(MapStateDescriptor<UK, UV> stateDescriptor) {
            return getPartitionedState((StateDescriptor<?>) stateDescriptor);
        }
    }

    /** The context of {@link Trigger#onMerge}: also merges partitioned state of the merged windows. */
    public interface OnMergeContext extends TriggerContext {
        /**
         * Merges the state named by {@code stateDescriptor} of every merged window into the window being
         * merged into, and clears it in the merged windows. Only list, reducing and aggregating state merge.
         *
         * @throws IllegalArgumentException for value or map state
         */
        void mergePartitionedState(StateDescriptor<?> stateDescriptor);
    }
}
