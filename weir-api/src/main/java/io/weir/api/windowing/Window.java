package io.weir.api.windowing;

/**
 * A group of elements that a window function sees together. Windows are values: equal windows of
 * the same key share one set of contents.
 */
public abstract class Window {
    /** The largest timestamp that still belongs to this window; the window fires when time passes it. */
    public abstract long maxTimestamp();
}
