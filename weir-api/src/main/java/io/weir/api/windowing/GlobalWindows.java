package io.weir.api.windowing;

import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.triggers.TriggerResult;

import java.util.Collection;
import java.util.List;

/**
 * Puts every element of a key into one {@link GlobalWindow}, which never ends: it fires only when a
 * trigger says so (see {@code WindowedStream.trigger}), as in {@code countWindow}, and its state is never
 * cleaned up. The default trigger of {@link #create()} never fires; that of
 * {@link #createWithEndOfStreamTrigger()} fires once, at the end of a bounded input.
 */
public class GlobalWindows extends WindowAssigner<Object, GlobalWindow> {
    private static final long serialVersionUID = 1L;

    private final Trigger<Object, GlobalWindow> defaultTrigger;

    private GlobalWindows(Trigger<Object, GlobalWindow> defaultTrigger) {
        this.defaultTrigger = defaultTrigger;
    }

    /** Global windows whose default trigger never fires: set a trigger. */
    public static GlobalWindows create() {
        return new GlobalWindows(new NeverTrigger());
    }

    /** Global windows whose default trigger fires once, when the input ends (the final watermark). */
    public static GlobalWindows createWithEndOfStreamTrigger() {
        return new GlobalWindows(new EndOfStreamTrigger());
    }

    @Override
    public Collection<GlobalWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        return List.of(GlobalWindow.get());
    }

    @Override
    public Trigger<Object, GlobalWindow> getDefaultTrigger() {
        return defaultTrigger;
    }

    /** False: the global window is not defined by event time (its cleanup, never, needs no watermark). */
    @Override
    public boolean isEventTime() {
        return false;
    }

    @Override
    public String toString() {
        return "GlobalWindows(trigger=" + defaultTrigger.getClass().getSimpleName() + ")";
    }

    /** The default trigger of {@link #create()}: never fires. */
    public static class NeverTrigger extends Trigger<Object, GlobalWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public TriggerResult onElement(Object element, long timestamp, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(GlobalWindow window, TriggerContext ctx) {}

        @Override
        public void onMerge(GlobalWindow window, OnMergeContext ctx) {}
    }

    /** The default trigger of {@link #createWithEndOfStreamTrigger()}: fires when the watermark reaches the end of time. */
    public static class EndOfStreamTrigger extends Trigger<Object, GlobalWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public TriggerResult onElement(Object element, long timestamp, GlobalWindow window, TriggerContext ctx) {
            ctx.registerEventTimeTimer(window.maxTimestamp());
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, GlobalWindow window, TriggerContext ctx) {
            return time == window.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(GlobalWindow window, TriggerContext ctx) {}

        @Override
        public void onMerge(GlobalWindow window, OnMergeContext ctx) {}
    }
}
