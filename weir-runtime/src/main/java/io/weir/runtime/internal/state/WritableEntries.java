package io.weir.runtime.internal.state;

import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * An iterator over map entries for map state views that may be changed while iterating, as Flink's heap map state's
 * can: {@code setValue} goes through the state's own way of storing a value, {@code remove} removes from the iterated
 * map and tells the state. Task thread only.
 */
final class WritableEntries<K, V> implements Iterator<Map.Entry<K, V>> {
    private final Iterator<Map.Entry<K, V>> entries;
    private final BiConsumer<Map.Entry<K, V>, V> store;
    private final Consumer<K> removed;
    private K lastKey;

    /**
     * @param store   stores a new value for an entry (the entry's own {@code setValue} included, if the iterated map is the
     *                state itself)
     * @param removed called with the key of an entry removed through the iterator, after the iterated map dropped it
     */
    WritableEntries(Iterator<Map.Entry<K, V>> entries, BiConsumer<Map.Entry<K, V>, V> store, Consumer<K> removed) {
        this.entries = entries;
        this.store = store;
        this.removed = removed;
    }

    @Override
    public boolean hasNext() {
        return entries.hasNext();
    }

    @Override
    public Map.Entry<K, V> next() {
        Map.Entry<K, V> e = entries.next();
        lastKey = e.getKey();
        return new Map.Entry<>() {
            @Override
            public K getKey() {
                return e.getKey();
            }

            @Override
            public V getValue() {
                return e.getValue();
            }

            @Override
            public V setValue(V value) {
                V old = e.getValue();
                store.accept(e, value);
                return old;
            }
        };
    }

    @Override
    public void remove() {
        entries.remove();
        removed.accept(lastKey);
    }
}
