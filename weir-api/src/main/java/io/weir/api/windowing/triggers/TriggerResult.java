package io.weir.api.windowing.triggers;

/**
 * What a {@link Trigger} asks the window operator to do with a window: evaluate it (fire: call the window
 * function with its contents), drop its contents (purge), both, or neither. Purging drops only the
 * contents; the trigger's own state and timers stay until the window is cleared.
 */
public enum TriggerResult {
    /** Nothing happens to the window. */
    CONTINUE(false, false),

    /** The window is evaluated, then its contents are dropped. */
    FIRE_AND_PURGE(true, true),

    /** The window is evaluated and keeps its contents. */
    FIRE(true, false),

    /** The window's contents are dropped without an evaluation. */
    PURGE(false, true);

    private final boolean fire;
    private final boolean purge;

    TriggerResult(boolean fire, boolean purge) {
        this.fire = fire;
        this.purge = purge;
    }

    /** Whether the window is evaluated. */
    public boolean isFire() {
        return fire;
    }

    /** Whether the window's contents are dropped. */
    public boolean isPurge() {
        return purge;
    }
}
