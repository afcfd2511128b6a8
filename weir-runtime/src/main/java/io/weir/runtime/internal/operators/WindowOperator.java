package io.weir.runtime.internal.operators;

import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.Function;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.functions.TimeDomain;
import io.weir.api.graph.WindowOperatorSpec;
import io.weir.api.graph.WindowOperatorSpec.Contents;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.util.OutputTag;
import io.weir.api.windowing.DynamicEventTimeSessionWindows;
import io.weir.api.windowing.DynamicProcessingTimeSessionWindows;
import io.weir.api.windowing.EventTimeSessionWindows;
import io.weir.api.windowing.MergingWindowAssigner;
import io.weir.api.windowing.ProcessingTimeSessionWindows;
import io.weir.api.windowing.SlidingEventTimeWindows;
import io.weir.api.windowing.SlidingProcessingTimeWindows;
import io.weir.api.windowing.TimeWindow;
import io.weir.api.windowing.TumblingEventTimeWindows;
import io.weir.api.windowing.TumblingProcessingTimeWindows;
import io.weir.api.windowing.Window;
import io.weir.api.windowing.WindowAssigner;
import io.weir.api.windowing.triggers.EventTimeTrigger;
import io.weir.api.windowing.triggers.ProcessingTimeTrigger;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.runtime.serialization.Serializers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code window(..)} / {@code windowAll(..)}. This class is the fast path, for windows with the default
 * trigger of their assigner's time domain ({@link EventTimeTrigger}, {@link ProcessingTimeTrigger}) and no
 * evictor, which it implements directly; any other trigger, or an evictor, runs on {@link TriggerWindows},
 * which calls the trigger as Flink does. Per-window state ({@code windowState()}) is {@link WindowScopedState}.
 *
 * <p>State, all keyed (so copy-on-write snapshots by key group cover it):
 * <ul>
 *   <li>contents: per key, a map from window to its contents (the reduced value, the aggregate's
 *       accumulator, or the list of elements); merging windows combine their contents directly;</li>
 *   <li>timers ({@link TimerServiceImpl}): per key, the times at which to look at the key's windows.
 *       A timer is a wake-up for (key, time), not for one window: when it fires, the key's windows
 *       that fire then fire and those whose cleanup time it is are purged. Which windows those are:
 *       for the built-in tumbling and sliding assigners the time gives the window's end and so the
 *       window; for the others (sessions, custom assigners) a second map, time to waiting windows,
 *       says. Timers are never deleted; one left behind by a merged-away window finds nothing to do.</li>
 * </ul>
 * The watermark reached is kept in operator state too, so that after a restore elements that were
 * late stay late (watermarks from upstream below it are ignored).
 *
 * <p>Ownership: both maps store what they are given without copies, so that contents move to the
 * merged window without being copied again. With object reuse off, this operator copies the user's
 * objects itself as they enter the contents: each element (into each of its windows), and a
 * reduce, aggregate or merge result that is not an object the contents already hold. A reduce or
 * aggregate function that changes the held value in place and returns it therefore costs no copy.
 *
 * <p>Event-time trigger (as Flink's default): an element added to a window whose end the watermark
 * has passed fires it at once (a late firing, possible within the allowed lateness); otherwise the
 * window fires when the watermark reaches its end. Processing-time trigger: the window fires when the
 * task's clock passes its end. Cleanup: at end + allowed lateness in event time, at the end in
 * processing time (both once the clock has passed the window's end). Processing-time windows still
 * open when the input ends do not fire (as in Flink).
 */
public final class WindowOperator extends UdfOperator<Function> {
    private static final String CONTENTS = "__weir_window_contents";
    private static final String WATERMARK = "__weir_window_watermark";
    private static final String WINDOWS_BY_TIME = "__weir_window_timer_windows";

    private final WindowOperatorSpec spec;
    private final WindowAssigner<Object, Window> assigner;
    private final MergingWindowAssigner<Object, Window> merging;
    private final boolean eventTime;
    private final boolean sessionAssigner;
    /** The window size of the built-in tumbling and sliding assigners, whose windows a time identifies; 0 for the others. */
    private final long fixedSize;
    private final long allowedLateness;
    private final OutputTag<?> lateTag;
    private final Contents kind;
    private final ReduceFunction<Object> reduce;
    private final AggregateFunction<Object, Object, Object> aggregate;

    /** The trigger and evictor path, or null for the default trigger's fast path. */
    private final Trigger<?, ?> generalTrigger;

    MapState<Object, Object> contents;
    /** Copies user objects entering the contents; null with object reuse, when they are stored as they are. */
    private io.weir.api.typeutils.TypeSerializer<Object> copier;
    /** For assigners other than the fixed-size built-ins: per key, timer time to the windows waiting for it. */
    private MapState<Long, Object> windowsByTime;
    private KeptWatermark keptWatermark;
    TimerServiceImpl timers;
    WindowFunctions functions;
    private WindowScopedState scoped;
    private TriggerWindows triggered;
    private SimpleOperators.TimestampedCollector collector;
    private final WindowAssigner.WindowAssignerContext assignerContext = new WindowAssigner.WindowAssignerContext() {
        @Override
        public long getCurrentProcessingTime() {
            return context.processingTime().currentProcessingTime();
        }
    };
    private boolean inputEnded;
    private long numLateRecords;
    private long numLateRecordsDropped;

    @SuppressWarnings("unchecked")
    public WindowOperator(WindowOperatorSpec spec) {
        super(spec.getWindowFunction() != null ? spec.getWindowFunction() : spec.getIncrementalFunction());
        this.spec = spec;
        this.assigner = (WindowAssigner<Object, Window>) spec.getAssigner();
        this.merging = assigner instanceof MergingWindowAssigner ? (MergingWindowAssigner<Object, Window>) assigner : null;
        this.eventTime = assigner.isEventTime();
        Class<?> type = spec.getAssigner().getClass();
        this.sessionAssigner = type == EventTimeSessionWindows.class || type == ProcessingTimeSessionWindows.class
                || type == DynamicEventTimeSessionWindows.class || type == DynamicProcessingTimeSessionWindows.class;
        this.fixedSize = fixedSize(spec.getAssigner());
        this.allowedLateness = eventTime ? spec.getAllowedLatenessMillis() : 0;
        this.lateTag = spec.getLateDataOutputTag();
        this.kind = spec.getContents();
        this.reduce = kind == Contents.REDUCE ? (ReduceFunction<Object>) spec.getIncrementalFunction() : null;
        this.aggregate = kind == Contents.AGGREGATE ? (AggregateFunction<Object, Object, Object>) spec.getIncrementalFunction() : null;
        Trigger<?, ?> trigger = spec.getTrigger() != null ? spec.getTrigger() : assigner.getDefaultTrigger();
        boolean defaultTrigger = trigger == null || trigger.getClass() == (eventTime ? EventTimeTrigger.class : ProcessingTimeTrigger.class);
        this.generalTrigger = spec.getEvictor() == null && defaultTrigger ? null : trigger;
    }

    @Override
    protected void initializeUserState() throws Exception {
        if (keyedState == null) {
            throw new IllegalStateException("Window operator '" + name() + "' needs a keyed input (keyBy(...).window(...) or windowAll(...)).");
        }
        super.initializeUserState();
        contents = keyedState.getUncopiedMapState(new MapStateDescriptor<>(CONTENTS, new WindowSerializer(), Serializers.dynamic()));
        copier = context.objectReuse() ? null : Serializers.dynamic();
        scoped = new WindowScopedState(keyedState, operatorState, context.objectReuse());
        if (generalTrigger != null) {
            triggered = new TriggerWindows(this, keyedState, generalTrigger, spec.getEvictor(), merging, eventTime, sessionAssigner, scoped);
        } else if (fixedSize == 0) {
            windowsByTime = keyedState.getUncopiedMapState(
                    new MapStateDescriptor<>(WINDOWS_BY_TIME, Serializers.forClass(Long.class), new WindowSerializer.ListOf()));
        }
        keptWatermark = new KeptWatermark(operatorState, WATERMARK);
        if (context.restored() != null) {
            currentWatermark = keptWatermark.restored();
        }
        timers = new TimerServiceImpl(keyedState, context.processingTime(), this::onTimer);
    }

    @Override
    public void open() throws Exception {
        super.open();
        collector = new SimpleOperators.TimestampedCollector(output);
        functions = new WindowFunctions(spec.getWindowFunction(), this);
    }

    // ---------------------------------------------------------------- elements

    @Override
    protected void process(Object record, long timestamp) throws Exception {
        if (eventTime && timestamp == noTimestamp()) {
            throw new IllegalStateException("Window operator '" + name() + "' received a record without a timestamp, but " + assigner
                    + " assigns windows by event time. Give the stream timestamps before the window with "
                    + "assignTimestampsAndWatermarks(WatermarkStrategy...) (or a source that sets them), "
                    + "or use a processing-time assigner such as TumblingProcessingTimeWindows. Record: " + record);
        }
        Collection<Window> windows = assigner.assignWindows(record, timestamp, assignerContext);
        boolean skipped = triggered != null ? triggered.processElement(record, timestamp, windows) : processDefault(record, windows);
        if (skipped && isElementLate(timestamp)) {
            numLateRecords++;
            if (lateTag != null) {
                output.collect(lateTag, record, timestamp);
            } else {
                numLateRecordsDropped++;
            }
        }
    }

    /** The default trigger's path: adds the record to its windows; returns whether no window took it. */
    private boolean processDefault(Object record, Collection<Window> windows) throws Exception {
        boolean skipped = true;
        for (Window w : windows) {
            Window actual = merging == null ? (isWindowLate(w) ? null : w) : addMergingWindow(w);
            if (actual == null) {
                continue;
            }
            skipped = false;
            boolean isNew = add(actual, record);
            onElement(actual, isNew || merging != null);
        }
        return skipped;
    }

    /** Adds the record to the window's contents; returns whether the window had none before. */
    boolean add(Window w, Object record) throws Exception {
        Object current = contents.get(w);
        Object next;
        switch (kind) {
            case REDUCE:
                next = current == null ? owned(record) : ownedUnlessHeld(reduce.reduce(current, record), current, null);
                break;
            case AGGREGATE: {
                Object acc = current == null ? aggregate.createAccumulator() : current; // a new accumulator is ours already
                next = ownedUnlessHeld(aggregate.add(record, acc), acc, null);
                break;
            }
            default:
                @SuppressWarnings("unchecked") List<Object> list = current == null ? new ArrayList<>() : (List<Object>) current;
                list.add(owned(record));
                next = list;
        }
        if (next == null) {
            throw new NullPointerException("The " + (kind == Contents.REDUCE ? "ReduceFunction" : "AggregateFunction")
                    + " of window operator '" + name() + "' returned null; window contents cannot be null.");
        }
        contents.put(w, next);
        return current == null;
    }

    /**
     * The default trigger's reaction to an element, and the cleanup timer. A window that already
     * had contents registered its timers with its first element (they are deduplicated anyway), so
     * only a new window registers them: saves two timer lookups per element.
     */
    private void onElement(Window w, boolean newWindow) throws Exception {
        long end = w.maxTimestamp();
        if (eventTime && end <= currentWatermark) {
            fire(w);
        } else if (newWindow) {
            registerTimer(w, eventTime ? end : triggerTime(w));
        }
        if (newWindow) {
            registerCleanupTimer(w);
        }
    }

    private void registerCleanupTimer(Window w) throws Exception {
        long t = cleanupTime(w);
        if (t == Long.MAX_VALUE) {
            return; // the end of time: nothing to clean up before it
        }
        registerTimer(w, t);
    }

    /** A timer for the current key at {@code time} (in the assigner's domain), and a note that {@code w} wants it. */
    private void registerTimer(Window w, long time) throws Exception {
        if (eventTime) {
            timers.registerEventTimeTimer(time);
        } else {
            timers.registerProcessingTimeTimer(time);
        }
        if (fixedSize == 0) {
            @SuppressWarnings("unchecked") List<Object> waiting = (List<Object>) windowsByTime.get(time);
            if (waiting == null) {
                waiting = new ArrayList<>(2);
            } else if (waiting.contains(w)) {
                return;
            }
            waiting.add(w);
            windowsByTime.put(time, waiting);
        }
    }

    /**
     * Adds {@code w} to the key's windows, merging as the assigner says; returns the window the element
     * belongs to, or null if that window is already past its allowed lateness (then nothing changes).
     */
    private Window addMergingWindow(Window w) throws Exception {
        List<Window> existing = new ArrayList<>();
        for (Object o : contents.keys()) {
            // the built-in session assigners only merge intersecting windows: skip the others before sorting
            if (!sessionAssigner || ((TimeWindow) o).intersects((TimeWindow) w)) {
                existing.add((Window) o);
            }
        }
        if (existing.contains(w)) {
            return isWindowLate(w) ? null : w;
        }
        List<Window> all = new ArrayList<>(existing);
        all.add(w);
        Map<Window, Collection<Window>> merges = new LinkedHashMap<>();
        merging.mergeWindows(all, (toBeMerged, result) -> merges.put(result, new ArrayList<>(toBeMerged)));
        Window actual = w;
        for (Map.Entry<Window, Collection<Window>> m : merges.entrySet()) {
            if (m.getValue().contains(w)) {
                actual = m.getKey();
            }
        }
        if (isWindowLate(actual)) {
            return null;
        }
        for (Map.Entry<Window, Collection<Window>> m : merges.entrySet()) {
            Window result = m.getKey();
            Object merged = null;
            for (Window old : m.getValue()) {
                Object c = contents.get(old);
                if (c != null) {
                    merged = merged == null ? c : combine(merged, c);
                    contents.remove(old);
                }
            }
            if (merged != null) {
                contents.put(result, merged);
            }
            // as the default triggers' onMerge: a timer for the merged window's end, unless that time has passed
            long end = triggerTime(result);
            if (eventTime ? end > currentWatermark : end > context.processingTime().currentProcessingTime()) {
                registerTimer(result, end);
            }
            registerCleanupTimer(result);
        }
        return actual;
    }

    /** A copy of a user object entering the contents (with object reuse: the object itself). */
    Object owned(Object v) {
        return copier == null ? v : copier.copy(v);
    }

    /** {@code v}, a function's result, as it may be stored: itself if it is one of the held objects {@code a}, {@code b}. */
    private Object ownedUnlessHeld(Object v, Object a, Object b) {
        return v == null || v == a || v == b ? v : owned(v);
    }

    /** Combines the held contents of two merging windows; both are owned, so only a new result is copied. */
    @SuppressWarnings("unchecked")
    Object combine(Object a, Object b) throws Exception {
        switch (kind) {
            case REDUCE: return ownedUnlessHeld(reduce.reduce(a, b), a, b);
            case AGGREGATE: return ownedUnlessHeld(aggregate.merge(a, b), a, b);
            default:
                List<Object> l = new ArrayList<>((List<Object>) a);
                l.addAll((List<Object>) b);
                return l;
        }
    }

    // ---------------------------------------------------------------- time

    @Override
    public void processWatermark(long watermark) {
        if (watermark <= currentWatermark) {
            return; // not ahead of the watermark this operator has reached (possibly restored)
        }
        super.processWatermark(watermark);
    }

    @Override
    protected void onWatermark(long watermark) throws Exception {
        timers.advanceWatermark(watermark);
    }

    /** A wake-up for the current key at {@code time}: fire the windows ending then, purge those whose cleanup time it is. */
    private void onTimer(long time, TimeDomain domain) throws Exception {
        if (triggered == null ? (domain == TimeDomain.EVENT_TIME) != eventTime || (!eventTime && inputEnded)
                : domain == TimeDomain.PROCESSING_TIME && inputEnded) {
            return;
        }
        try {
            if (triggered != null) {
                triggered.onTimer(time, domain);
            } else {
                fireAndPurge(time);
            }
        } catch (OperatorException | io.weir.runtime.internal.io.RecordWriter.TaskCancelledException e) {
            throw e;
        } catch (Exception e) {
            throw new OperatorException(name(), context.subtaskIndex(), e);
        }
    }

    private void fireAndPurge(long time) throws Exception {
        List<Window> windows = windowsAt(time);
        if (windows.size() > 1) {
            windows.sort(WindowOperator::compareWindows);
        }
        for (Window w : windows) {
            if (triggerTime(w) == time) {
                fire(w);
            }
            if (cleanupTime(w) == time) {
                contents.remove(w);
                functions.clear(w);
                if (!scoped.isEmpty()) {
                    scoped.clearWindow(w);
                }
            }
        }
    }

    /** The windows of the current key that fire or are purged at {@code time}. */
    private List<Window> windowsAt(long time) throws Exception {
        List<Window> windows = new ArrayList<>(2);
        if (fixedSize > 0) {
            // a fixed-size window is known by its end: the one ending at the trigger time, the one whose lateness ends now
            long end = eventTime ? time + 1 : time;
            addIfPresent(windows, new TimeWindow(end - fixedSize, end));
            if (allowedLateness > 0) {
                addIfPresent(windows, new TimeWindow(end - allowedLateness - fixedSize, end - allowedLateness));
            }
            return windows;
        }
        @SuppressWarnings("unchecked") List<Object> waiting = (List<Object>) windowsByTime.get(time);
        if (waiting != null) {
            windowsByTime.remove(time);
            for (Object o : waiting) {
                if (triggerTime((Window) o) == time || cleanupTime((Window) o) == time) {
                    addIfPresent(windows, (Window) o);
                }
            }
        }
        return windows;
    }

    private void addIfPresent(List<Window> windows, Window w) throws Exception {
        if (contents.contains(w) && !windows.contains(w)) {
            windows.add(w);
        }
    }

    private static long fixedSize(WindowAssigner<?, ?> a) {
        Class<?> type = a.getClass();
        if (type == TumblingEventTimeWindows.class) {
            return ((TumblingEventTimeWindows) a).getSize();
        }
        if (type == TumblingProcessingTimeWindows.class) {
            return ((TumblingProcessingTimeWindows) a).getSize();
        }
        if (type == SlidingEventTimeWindows.class) {
            return ((SlidingEventTimeWindows) a).getSize();
        }
        if (type == SlidingProcessingTimeWindows.class) {
            return ((SlidingProcessingTimeWindows) a).getSize();
        }
        return 0;
    }

    static int compareWindows(Window a, Window b) {
        int c = Long.compare(a.maxTimestamp(), b.maxTimestamp());
        if (c == 0 && a instanceof TimeWindow && b instanceof TimeWindow) {
            c = Long.compare(((TimeWindow) a).getStart(), ((TimeWindow) b).getStart());
        }
        return c;
    }

    void fire(Window w) throws Exception {
        Object c = contents.get(w);
        if (c == null) {
            return;
        }
        collector.timestamp = w.maxTimestamp();
        Object key = keyedState.getCurrentKey();
        switch (kind) {
            case REDUCE:
                functions.emitOne(key, w, c, collector);
                break;
            case AGGREGATE:
                functions.emitOne(key, w, aggregate.getResult(c), collector);
                break;
            default:
                @SuppressWarnings("unchecked") List<Object> elements = (List<Object>) c;
                functions.emitAll(key, w, java.util.Collections.unmodifiableList(elements), collector);
        }
    }

    /** Fires {@code w} over {@code values}, the elements an evictor left: the incremental function, if any, runs over them now. */
    void emitElements(Window w, List<Object> values) throws Exception {
        collector.timestamp = w.maxTimestamp();
        Object key = keyedState.getCurrentKey();
        switch (kind) {
            case REDUCE: {
                Object acc = null;
                for (Object v : values) {
                    acc = acc == null ? owned(v) : reduce.reduce(acc, v); // the first is copied: the reduce may change it, the window keeps it
                }
                if (acc != null) {
                    functions.emitOne(key, w, acc, collector);
                }
                break;
            }
            case AGGREGATE: {
                Object acc = aggregate.createAccumulator();
                for (Object v : values) {
                    acc = aggregate.add(v, acc);
                }
                functions.emitOne(key, w, aggregate.getResult(acc), collector);
                break;
            }
            default:
                functions.emitAll(key, w, Collections.unmodifiableList(values), collector);
        }
    }

    /**
     * When the default trigger fires a window: in event time when the watermark reaches its max
     * timestamp; in processing time once the clock has passed it (at {@code maxTimestamp + 1}), so
     * that an element arriving in the window's last millisecond is not put into a window already fired.
     */
    private long triggerTime(Window w) {
        long end = w.maxTimestamp();
        return eventTime || end == Long.MAX_VALUE ? end : end + 1;
    }

    long cleanupTime(Window w) {
        long end = w.maxTimestamp();
        if (!eventTime) {
            return triggerTime(w);
        }
        long t = end + allowedLateness;
        return t >= end ? t : Long.MAX_VALUE; // saturate on overflow
    }

    boolean isWindowLate(Window w) {
        return eventTime && cleanupTime(w) <= currentWatermark;
    }

    private boolean isElementLate(long timestamp) {
        if (!eventTime) {
            return false;
        }
        long t = timestamp + allowedLateness;
        return (t >= timestamp ? t : Long.MAX_VALUE) <= currentWatermark;
    }

    // ---------------------------------------------------------------- lifecycle, checkpoints

    @Override
    protected void snapshotUserState(long checkpointId, long timestamp) throws Exception {
        keptWatermark.save(currentWatermark);
        scoped.snapshot();
        super.snapshotUserState(checkpointId, timestamp);
    }

    /** Processing-time windows stop firing at the end of input, as Flink quiesces processing-time timers then. */
    @Override
    public void endInput() throws Exception {
        inputEnded = true;
    }

    @Override
    public Map<String, Long> metrics() {
        return Map.of("numLateRecords", numLateRecords, "numLateRecordsDropped", numLateRecordsDropped);
    }

    // for WindowFunctions
    long currentProcessingTime() {
        return context.processingTime().currentProcessingTime();
    }

    long currentWatermark() {
        return currentWatermark;
    }

    io.weir.api.state.KeyedStateStore globalState() {
        return keyedState;
    }

    /** Per-window state of {@code w}: what {@code windowState()} returns. */
    io.weir.api.state.KeyedStateStore windowState(Window w) {
        if (merging != null) {
            return WindowScopedState.UNSUPPORTED_FOR_MERGING_WINDOWS;
        }
        scoped.window = w;
        return scoped;
    }

    /** Points per-window state at {@code w} before the window function is called about it. */
    void scopeTo(Window w) {
        scoped.window = w;
    }

    void sideOutput(OutputTag<?> tag, Object value, long timestamp) {
        ProcessOperators.sideOutput(output, name(), tag, value, timestamp);
    }
}
