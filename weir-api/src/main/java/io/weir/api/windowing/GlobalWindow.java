package io.weir.api.windowing;

import java.io.Serializable;

/** The one window of {@link GlobalWindows}: it holds every element of a key and never ends. */
public final class GlobalWindow extends Window implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final GlobalWindow INSTANCE = new GlobalWindow();

    private GlobalWindow() {}

    /** The global window. */
    public static GlobalWindow get() {
        return INSTANCE;
    }

    /** {@code Long.MAX_VALUE}: the window never ends, so it is never cleaned up. */
    @Override
    public long maxTimestamp() {
        return Long.MAX_VALUE;
    }

    private Object readResolve() {
        return INSTANCE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GlobalWindow;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "GlobalWindow";
    }
}
