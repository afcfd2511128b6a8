package io.weir.api.state;

import java.util.List;

/**
 * A list of values per key (keyed state) or per operator (operator state). {@link #get()} of keyed state returns the
 * stored list itself, as Flink's heap backend does: changing it changes the state (elements added that way are not
 * copied). Operator list state returns a read-only view.
 */
public interface ListState<T> extends AppendingState<T, Iterable<T>> {
    /**
     * Replaces the contents with {@code values}; copies mutable elements as {@link #add} does (keyed
     * state only), except an element that is the very object already held at the same position.
     */
    void update(List<T> values) throws Exception;

    /** Adds each of {@code values} as {@link #add} does. */
    void addAll(List<T> values) throws Exception;
}
