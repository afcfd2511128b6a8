package io.weir.api.state;

import java.util.Iterator;
import java.util.Map;

/**
 * A map of operator state that every subtask of a broadcast-connected operator holds a copy of, declared by a
 * {@link MapStateDescriptor} given to {@code DataStream.broadcast(...)}. Only the broadcast side
 * ({@code processBroadcastElement}) may change it; the other side reads it through {@link ReadOnlyBroadcastState}.
 * Because the broadcast input delivers the same elements to every subtask, a function that changes the state only
 * as a deterministic function of those elements keeps all copies equal; the engine does not check this, as Flink
 * does not.
 *
 * <p>It is part of every checkpoint. On a restore each subtask gets one old subtask's copy back whole: at the same
 * parallelism its own, at another parallelism new subtask {@code i} gets that of old subtask {@code i} modulo the old
 * parallelism (Flink's rule). Called on the operator's task thread only.
 *
 * @param <K> the type of the keys
 * @param <V> the type of the values
 */
public interface BroadcastState<K, V> extends ReadOnlyBroadcastState<K, V> {
    /**
     * Maps {@code key} to {@code value}, replacing any earlier value. The objects are stored as given, not copied:
     * don't change them afterwards.
     *
     * @throws NullPointerException if {@code key} is null
     * @throws Exception if the state cannot be written
     */
    void put(K key, V value) throws Exception;

    /**
     * Puts every entry of {@code map}, as {@link #put} does.
     *
     * @throws Exception if the state cannot be written
     */
    void putAll(Map<K, V> map) throws Exception;

    /**
     * Removes the value mapped to {@code key}, if any.
     *
     * @throws Exception if the state cannot be written
     */
    void remove(K key) throws Exception;

    /**
     * An iterator over all entries that supports {@code remove()} and {@code Map.Entry.setValue}, which change the
     * state.
     *
     * @throws Exception if the state cannot be read
     */
    Iterator<Map.Entry<K, V>> iterator() throws Exception;

    /**
     * All entries, in no particular order; removing through the iterable or setting an entry's value changes the
     * state.
     *
     * @throws Exception if the state cannot be read
     */
    Iterable<Map.Entry<K, V>> entries() throws Exception;

    /** Removes every entry of this subtask's copy. */
    @Override
    void clear();
}
