package io.weir.runtime.internal.operators;

import io.weir.api.functions.TimeDomain;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.State;
import io.weir.api.state.StateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.windowing.MergingWindowAssigner;
import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.Window;
import io.weir.api.windowing.evictors.Evictor;
import io.weir.api.windowing.evictors.TimestampedValue;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.triggers.TriggerResult;
import io.weir.runtime.internal.io.RecordBatch;
import io.weir.runtime.internal.state.HeapKeyedStateBackend;
import io.weir.runtime.serialization.Serializers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The general path of {@link WindowOperator}: windows with a {@link Trigger} other than the default of
 * their time domain, or with an {@link Evictor}. It follows Flink's window operator step by step:
 *
 * <ol>
 *   <li>An element is added to each of its windows that is not late (merging windows merge first);
 *       the trigger's {@code onElement} then decides: fire (call the window function with the contents,
 *       through the evictor if any), purge (drop the contents), both or neither. Each window gets a
 *       cleanup timer.</li>
 *   <li>A timer of a (key, window) calls the trigger's {@code onEventTime}/{@code onProcessingTime}, which
 *       decides as above; at the window's cleanup time ({@code maxTimestamp + allowedLateness} in event
 *       time, {@code maxTimestamp} in processing time) the window is cleared: contents, trigger state
 *       ({@code Trigger.clear}), the function's {@code clear} and per-window state.</li>
 *   <li>Merging windows: the trigger's {@code onMerge} merges its state into the new window, the merged
 *       windows are cleared from the trigger and lose their cleanup timers, and their contents combine.</li>
 * </ol>
 *
 * <p>State, all keyed: the contents (shared with the default path; with an evictor a list of
 * (timestamp, element)), the trigger's partitioned state ({@link WindowScopedState}), the windows of a
 * merging assigner (contents alone cannot say, as a purged window lives on), and per time domain a map
 * from timer time to the windows waiting for it. The operator's timer service holds one timer per
 * (key, time); a processing-time timer for time {@code t} fires once the clock reaches {@code t + 1}, as
 * in Flink, whose processing-time timers fire after their time has passed.
 */
final class TriggerWindows {
    private static final String EVENT_TIMERS = "__weir_window_trigger_event_timers";
    private static final String PROCESSING_TIMERS = "__weir_window_trigger_processing_timers";
    private static final String WINDOW_SET = "__weir_window_set";

    private final WindowOperator op;
    private final Trigger<Object, Window> trigger;
    private final Evictor<Object, Window> evictor;
    private final MergingWindowAssigner<Object, Window> merging;
    private final boolean eventTime;
    private final boolean sessionAssigner;
    private final WindowScopedState scoped;
    private final MapState<Long, Object> eventTimers;
    private final MapState<Long, Object> processingTimers;
    private final MapState<Object, Object> windowSet;
    private final Context ctx = new Context();
    @SuppressWarnings("unchecked")
    TriggerWindows(WindowOperator op, HeapKeyedStateBackend keyed, Trigger<?, ?> trigger, Evictor<?, ?> evictor,
            MergingWindowAssigner<Object, Window> merging, boolean eventTime, boolean sessionAssigner, WindowScopedState scoped) {
        this.op = op;
        this.trigger = (Trigger<Object, Window>) trigger;
        this.evictor = (Evictor<Object, Window>) evictor;
        this.merging = merging;
        this.eventTime = eventTime;
        this.sessionAssigner = sessionAssigner;
        this.scoped = scoped;
        this.eventTimers = keyed.getUncopiedMapState(
                new MapStateDescriptor<>(EVENT_TIMERS, Serializers.forClass(Long.class), new WindowSerializer.ListOf()));
        this.processingTimers = keyed.getUncopiedMapState(
                new MapStateDescriptor<>(PROCESSING_TIMERS, Serializers.forClass(Long.class), new WindowSerializer.ListOf()));
        MapStateDescriptor<Object, Object> windows = new MapStateDescriptor<>(WINDOW_SET, new WindowSerializer(), Serializers.dynamic());
        this.windowSet = merging == null ? null : keyed.getUncopiedMapState(windows);
    }

    // ---------------------------------------------------------------- elements

    /** Adds the element to its windows and runs the trigger; returns whether no window took it (it was late for all). */
    boolean processElement(Object record, long timestamp, Collection<Window> windows) throws Exception {
        boolean skipped = true;
        for (Window assigned : windows) {
            Window w = merging == null ? assigned : addMergingWindow(assigned);
            if (w == null || op.isWindowLate(w)) {
                continue;
            }
            skipped = false;
            addToContents(w, record, timestamp);
            point(w);
            apply(w, trigger.onElement(record, timestamp, w, ctx));
            registerCleanupTimer(w);
        }
        return skipped;
    }

    private void addToContents(Window w, Object record, long timestamp) throws Exception {
        if (evictor == null) {
            op.add(w, record);
            return;
        }
        @SuppressWarnings("unchecked") List<Object> list = (List<Object>) op.contents.get(w);
        if (list == null) {
            list = new ArrayList<>();
        }
        list.add(Tuple2.of(timestamp, op.owned(record)));
        op.contents.put(w, list);
    }

    /** What the trigger said: fire (evaluate the contents), purge (drop them), both or neither. */
    private void apply(Window w, TriggerResult r) throws Exception {
        if (r.isFire()) {
            if (evictor == null) {
                op.fire(w);
            } else {
                fireEvicting(w);
            }
        }
        if (r.isPurge()) {
            op.contents.remove(w);
        }
    }

    /** Fires a window with an evictor: evictBefore, the function over what remains, evictAfter; what remains then is kept. */
    @SuppressWarnings("unchecked")
    private void fireEvicting(Window w) throws Exception {
        List<Object> stored = (List<Object>) op.contents.get(w);
        if (stored == null) {
            return;
        }
        List<TimestampedValue<Object>> elements = new ArrayList<>(stored.size());
        for (Object o : stored) {
            Tuple2<Long, Object> e = (Tuple2<Long, Object>) o;
            elements.add(e.f0 == RecordBatch.NO_TIMESTAMP ? new TimestampedValue<>(e.f1) : new TimestampedValue<>(e.f1, e.f0));
        }
        point(w);
        evictor.evictBefore(elements, elements.size(), w, ctx);
        List<Object> values = new ArrayList<>(elements.size());
        for (TimestampedValue<Object> e : elements) {
            values.add(e.getValue());
        }
        op.emitElements(w, values);
        point(w);
        evictor.evictAfter(elements, elements.size(), w, ctx);
        if (elements.isEmpty()) {
            op.contents.remove(w);
            return;
        }
        List<Object> kept = new ArrayList<>(elements.size());
        for (TimestampedValue<Object> e : elements) {
            kept.add(Tuple2.of(e.hasTimestamp() ? e.getTimestamp() : RecordBatch.NO_TIMESTAMP, e.getValue()));
        }
        op.contents.put(w, kept);
    }

    // ---------------------------------------------------------------- merging

    /**
     * Adds {@code w} to the key's windows, merging as the assigner says; returns the window the element
     * belongs to, or null if {@code w} merged with nothing and is already late (then nothing changes).
     */
    private Window addMergingWindow(Window w) throws Exception {
        List<Window> all = new ArrayList<>();
        for (Object o : windowSet.keys()) {
            if (!sessionAssigner || ((TimeWindow) o).intersects((TimeWindow) w)) {
                all.add((Window) o);
            }
        }
        if (all.contains(w)) {
            return w;
        }
        all.add(w);
        Map<Window, List<Window>> merges = new LinkedHashMap<>();
        merging.mergeWindows(all, (toBeMerged, result) -> merges.put(result, new ArrayList<>(toBeMerged)));
        Window actual = w;
        boolean mergedNew = false;
        for (Map.Entry<Window, List<Window>> m : merges.entrySet()) {
            List<Window> merged = m.getValue();
            if (merged.remove(w)) {
                mergedNew = true;
                actual = m.getKey();
            }
            if (!merged.isEmpty() && !(merged.size() == 1 && merged.get(0).equals(m.getKey()))) {
                merge(m.getKey(), merged);
            }
        }
        if (!mergedNew) {
            if (op.isWindowLate(w)) {
                return null;
            }
            windowSet.put(w, Boolean.TRUE);
        }
        windowSet.put(actual, Boolean.TRUE);
        return actual;
    }

    /** Merges the existing windows {@code merged} into {@code result}: trigger state, cleanup timers, contents. */
    private void merge(Window result, List<Window> merged) throws Exception {
        if (eventTime ? op.isWindowLate(result) : result.maxTimestamp() <= op.currentProcessingTime()) {
            throw new UnsupportedOperationException("Merging windows " + merged + " gave " + result + ", whose end is already past the "
                    + (eventTime ? "watermark (" + op.currentWatermark() + ") plus the allowed lateness" : "processing time ("
                    + op.currentProcessingTime() + ")") + ": a merge must not make a window end earlier. Check the assigner's mergeWindows.");
        }
        for (Window m : merged) {
            windowSet.remove(m);
        }
        windowSet.put(result, Boolean.TRUE);
        point(result);
        ctx.mergedWindows = merged;
        try {
            trigger.onMerge(result, ctx);
        } finally {
            ctx.mergedWindows = null;
        }
        Object contents = merged.contains(result) ? null : op.contents.get(result);
        for (Window m : merged) {
            if (!m.equals(result)) {
                point(m);
                trigger.clear(m, ctx);
                scoped.clearWindow(m);
                deleteTimer(cleanupDomain(), cleanupTime(m), m);
            }
            Object c = op.contents.get(m);
            if (c != null) {
                op.contents.remove(m);
                contents = contents == null ? c : combine(contents, c);
            }
        }
        if (contents != null) {
            op.contents.put(result, contents);
        }
    }

    @SuppressWarnings("unchecked")
    private Object combine(Object a, Object b) throws Exception {
        if (evictor == null) {
            return op.combine(a, b);
        }
        List<Object> l = new ArrayList<>((List<Object>) a);
        l.addAll((List<Object>) b);
        return l;
    }

    // ---------------------------------------------------------------- time

    /** A timer of the current key at {@code time} ({@code time + 1} for processing time, see the class comment) fired. */
    void onTimer(long time, TimeDomain domain) throws Exception {
        boolean event = domain == TimeDomain.EVENT_TIME;
        long logical = event ? time : time - 1;
        MapState<Long, Object> timers = event ? eventTimers : processingTimers;
        @SuppressWarnings("unchecked") List<Window> windows = (List<Window>) timers.get(logical);
        if (windows == null) {
            return;
        }
        timers.remove(logical);
        if (windows.size() > 1) {
            windows.sort(WindowOperator::compareWindows);
        }
        for (Window w : windows) {
            if (merging != null && !windowSet.contains(w)) {
                continue; // merged away
            }
            point(w);
            apply(w, event ? trigger.onEventTime(logical, w, ctx) : trigger.onProcessingTime(logical, w, ctx));
            if (event == eventTime && cleanupTime(w) == logical) {
                clearAllState(w);
            }
        }
    }

    private void clearAllState(Window w) throws Exception {
        op.contents.remove(w);
        point(w);
        trigger.clear(w, ctx);
        op.functions.clear(w);
        scoped.clearWindow(w);
        if (merging != null) {
            windowSet.remove(w);
        }
    }

    private TimeDomain cleanupDomain() {
        return eventTime ? TimeDomain.EVENT_TIME : TimeDomain.PROCESSING_TIME;
    }

    /** When the window is cleared, in its assigner's time domain; {@code Long.MAX_VALUE} for never. */
    private long cleanupTime(Window w) {
        return eventTime ? op.cleanupTime(w) : w.maxTimestamp();
    }

    private void registerCleanupTimer(Window w) throws Exception {
        long t = cleanupTime(w);
        if (t != Long.MAX_VALUE) {
            registerTimer(cleanupDomain(), t, w);
        }
    }

    /** Notes that {@code w} waits for {@code time}; the first window waiting for it registers the key's timer. */
    private void registerTimer(TimeDomain domain, long time, Window w) throws Exception {
        boolean event = domain == TimeDomain.EVENT_TIME;
        if (!event && time == Long.MAX_VALUE) {
            return; // the clock never passes the end of time
        }
        MapState<Long, Object> timers = event ? eventTimers : processingTimers;
        @SuppressWarnings("unchecked") List<Object> waiting = (List<Object>) timers.get(time);
        if (waiting == null) {
            waiting = new ArrayList<>(2);
            if (event) {
                op.timers.registerEventTimeTimer(time);
            } else {
                op.timers.registerProcessingTimeTimer(time + 1);
            }
        } else if (waiting.contains(w)) {
            return;
        }
        waiting.add(w);
        timers.put(time, waiting);
    }

    private void deleteTimer(TimeDomain domain, long time, Window w) throws Exception {
        boolean event = domain == TimeDomain.EVENT_TIME;
        MapState<Long, Object> timers = event ? eventTimers : processingTimers;
        @SuppressWarnings("unchecked") List<Object> waiting = (List<Object>) timers.get(time);
        if (waiting == null || !waiting.remove(w)) {
            return;
        }
        if (!waiting.isEmpty()) {
            return; // changed in place after a read: nothing else to do
        }
        timers.remove(time);
        if (event) {
            op.timers.deleteEventTimeTimer(time);
        } else if (time != Long.MAX_VALUE) {
            op.timers.deleteProcessingTimeTimer(time + 1);
        }
    }

    /** Points the trigger context and per-window state at {@code w} before user code is called about it. */
    private void point(Window w) {
        ctx.window = w;
        scoped.window = w;
    }

    private static RuntimeException unchecked(Exception e) {
        return e instanceof RuntimeException ? (RuntimeException) e : new IllegalStateException(e);
    }

    /** The trigger's view of the current key and window (the merge context while {@link #mergedWindows} is set), and the evictor's. */
    private final class Context implements Trigger.OnMergeContext, Evictor.EvictorContext {
        Window window;
        Collection<Window> mergedWindows;

        @Override
        public long getCurrentProcessingTime() {
            return op.currentProcessingTime();
        }

        @Override
        public long getCurrentWatermark() {
            return op.currentWatermark();
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            timer(TimeDomain.PROCESSING_TIME, time, true);
        }

        @Override
        public void registerEventTimeTimer(long time) {
            timer(TimeDomain.EVENT_TIME, time, true);
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            timer(TimeDomain.PROCESSING_TIME, time, false);
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            timer(TimeDomain.EVENT_TIME, time, false);
        }

        private void timer(TimeDomain domain, long time, boolean register) {
            try {
                if (register) {
                    registerTimer(domain, time, window);
                } else {
                    deleteTimer(domain, time, window);
                }
            } catch (Exception e) {
                throw unchecked(e);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public <S extends State> S getPartitionedState(StateDescriptor<?> stateDescriptor) {
            if (stateDescriptor == null) {
                throw new IllegalArgumentException("getPartitionedState needs a state descriptor, but got null.");
            }
            scoped.window = window;
            return (S) scoped.handle(stateDescriptor);
        }

        @Override
        public void mergePartitionedState(StateDescriptor<?> stateDescriptor) {
            if (mergedWindows == null) {
                throw new IllegalStateException("mergePartitionedState can only be called from Trigger.onMerge.");
            }
            try {
                scoped.merge(stateDescriptor, window, mergedWindows);
            } catch (Exception e) {
                throw unchecked(e);
            }
        }
    }
}
