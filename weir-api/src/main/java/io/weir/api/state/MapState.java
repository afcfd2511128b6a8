package io.weir.api.state;

import java.util.Iterator;
import java.util.Map;

/** A map per key. Iteration order is unspecified. */
public interface MapState<UK, UV> extends State {
    UV get(UK key) throws Exception;

    /**
     * Maps {@code key} to {@code value} for the current key. With object reuse disabled (the default)
     * a mutable value is copied before it is stored, unless it is the very object already held for
     * {@code key}, and a mutable key new to the map is copied too, so the caller may change or reuse
     * both afterwards. With object reuse enabled nothing is copied.
     */
    void put(UK key, UV value) throws Exception;

    /** Puts each entry of {@code map} as {@link #put} does. */
    void putAll(Map<UK, UV> map) throws Exception;

    void remove(UK key) throws Exception;

    boolean contains(UK key) throws Exception;

    /**
     * The current key's entries, live as in Flink's heap backend: removing through the iterator removes the entry from
     * the state, and {@code Map.Entry.setValue} replaces its value (copied as {@link #put} copies). Do not call
     * {@link #put} or {@link #remove} while iterating.
     */
    Iterable<Map.Entry<UK, UV>> entries() throws Exception;

    /** The current key's map keys, live: removing through the iterator removes the entry. */
    Iterable<UK> keys() throws Exception;

    /** The current key's map values, live: removing through the iterator removes the entry. */
    Iterable<UV> values() throws Exception;

    /** An iterator over {@link #entries()}, with the same live semantics. */
    Iterator<Map.Entry<UK, UV>> iterator() throws Exception;

    boolean isEmpty() throws Exception;
}
