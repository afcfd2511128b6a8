package io.weir.api.windowing;

import java.util.Collection;

/** An assigner whose windows may merge, such as session windows; merged windows combine their contents. */
public abstract class MergingWindowAssigner<T, W extends Window> extends WindowAssigner<T, W> {
    private static final long serialVersionUID = 1L;

    /** Finds the groups of {@code windows} that merge and reports each with its result. */
    public abstract void mergeWindows(Collection<W> windows, MergeCallback<W> callback);

    /** Receives one merge: {@code toBeMerged} (two or more windows) become {@code mergeResult}. */
    public interface MergeCallback<W> {
        void merge(Collection<W> toBeMerged, W mergeResult);
    }
}
