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

    Iterable<Map.Entry<UK, UV>> entries() throws Exception;

    Iterable<UK> keys() throws Exception;

    Iterable<UV> values() throws Exception;

    Iterator<Map.Entry<UK, UV>> iterator() throws Exception;

    boolean isEmpty() throws Exception;
}
