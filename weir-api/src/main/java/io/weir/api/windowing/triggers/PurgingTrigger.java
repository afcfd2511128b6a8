package io.weir.api.windowing.triggers;

import io.weir.api.windowing.Window;

/**
 * Wraps a trigger so that every firing also purges: where the wrapped trigger says {@code FIRE}, this
 * one says {@code FIRE_AND_PURGE}, so each evaluation sees only the elements added since the last one.
 * Everything else (timers, state, merging, clear) is the wrapped trigger's.
 *
 * @param <T> the element type
 * @param <W> the window type
 */
public class PurgingTrigger<T, W extends Window> extends Trigger<T, W> {
    private static final long serialVersionUID = 1L;

    private final Trigger<T, W> nestedTrigger;

    private PurgingTrigger(Trigger<T, W> nestedTrigger) {
        this.nestedTrigger = nestedTrigger;
    }

    /**
     * Makes {@code nestedTrigger} purge whenever it fires.
     *
     * @throws IllegalArgumentException if {@code nestedTrigger} is null
     */
    public static <T, W extends Window> PurgingTrigger<T, W> of(Trigger<T, W> nestedTrigger) {
        if (nestedTrigger == null) {
            throw new IllegalArgumentException("PurgingTrigger.of needs the trigger to wrap, but got null.");
        }
        return new PurgingTrigger<>(nestedTrigger);
    }

    private static TriggerResult purging(TriggerResult r) {
        return r.isFire() ? TriggerResult.FIRE_AND_PURGE : r;
    }

    @Override
    public TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception {
        return purging(nestedTrigger.onElement(element, timestamp, window, ctx));
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
        return purging(nestedTrigger.onEventTime(time, window, ctx));
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception {
        return purging(nestedTrigger.onProcessingTime(time, window, ctx));
    }

    @Override
    public boolean canMerge() {
        return nestedTrigger.canMerge();
    }

    @Override
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        nestedTrigger.onMerge(window, ctx);
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        nestedTrigger.clear(window, ctx);
    }

    /** The wrapped trigger. */
    public Trigger<T, W> getNestedTrigger() {
        return nestedTrigger;
    }

    @Override
    public String toString() {
        return "PurgingTrigger(" + nestedTrigger + ")";
    }
}
