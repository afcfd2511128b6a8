package io.weir.api.state;

import java.util.List;

/** A list of values per key (keyed state) or per operator (operator state). */
public interface ListState<T> extends AppendingState<T, Iterable<T>> {
    /** Replaces the contents with {@code values}. */
    void update(List<T> values) throws Exception;

    void addAll(List<T> values) throws Exception;
}
