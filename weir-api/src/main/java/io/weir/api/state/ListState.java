package io.weir.api.state;

import java.util.List;

/** A list of values per key (keyed state) or per operator (operator state). */
public interface ListState<T> extends AppendingState<T, Iterable<T>> {
    /**
     * Replaces the contents with {@code values}; copies mutable elements as {@link #add} does (keyed
     * state only), except an element that is the very object already held at the same position.
     */
    void update(List<T> values) throws Exception;

    /** Adds each of {@code values} as {@link #add} does. */
    void addAll(List<T> values) throws Exception;
}
