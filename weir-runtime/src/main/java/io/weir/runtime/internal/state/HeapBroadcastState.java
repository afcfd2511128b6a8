package io.weir.runtime.internal.state;

import io.weir.api.state.BroadcastState;

import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * Broadcast state on the heap: a view of one map of {@link OperatorStateBackend}. Values are stored as given (Flink's
 * heap broadcast state does not copy either). Task thread only.
 */
final class HeapBroadcastState<K, V> implements BroadcastState<K, V> {
    private final String operatorName;
    private final String name;
    private final Map<K, V> map;

    HeapBroadcastState(String operatorName, String name, Map<K, V> map) {
        this.operatorName = operatorName;
        this.name = name;
        this.map = map;
    }

    @Override
    public V get(K key) {
        return map.get(key);
    }

    @Override
    public boolean contains(K key) {
        return map.containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> immutableEntries() {
        return Collections.unmodifiableMap(map).entrySet();
    }

    @Override
    public void put(K key, V value) {
        map.put(Objects.requireNonNull(key, () -> "Broadcast state '" + name + "' of operator '" + operatorName + "' cannot hold a null key."),
                value);
    }

    @Override
    public void putAll(Map<K, V> entries) {
        for (Map.Entry<K, V> e : entries.entrySet()) {
            put(e.getKey(), e.getValue());
        }
    }

    @Override
    public void remove(K key) {
        map.remove(key);
    }

    @Override
    public Iterator<Map.Entry<K, V>> iterator() {
        return map.entrySet().iterator();
    }

    @Override
    public Iterable<Map.Entry<K, V>> entries() {
        return map.entrySet();
    }

    @Override
    public void clear() {
        map.clear();
    }

    /** The read-only view handed to the non-broadcast side: reads pass through, changes throw. */
    io.weir.api.state.ReadOnlyBroadcastState<K, V> readOnly() {
        return new io.weir.api.state.ReadOnlyBroadcastState<>() {
            @Override
            public V get(K key) {
                return HeapBroadcastState.this.get(key);
            }

            @Override
            public boolean contains(K key) {
                return HeapBroadcastState.this.contains(key);
            }

            @Override
            public Iterable<Map.Entry<K, V>> immutableEntries() {
                return HeapBroadcastState.this.immutableEntries();
            }

            @Override
            public void clear() {
                throw new UnsupportedOperationException("Broadcast state '" + name + "' of operator '" + operatorName
                        + "' is read-only in processElement: change it in processBroadcastElement.");
            }
        };
    }
}
