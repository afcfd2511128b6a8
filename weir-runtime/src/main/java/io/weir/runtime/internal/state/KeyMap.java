package io.weir.runtime.internal.state;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The entries of one key group of one keyed state: an open-addressing hash map with linear
 * probing. {@code Long} keys (the common case) are stored unboxed in a {@code long[]}, so a lookup
 * compares primitives next to each other in memory instead of chasing a node and a boxed key as
 * {@link java.util.HashMap} does. Other keys are stored as objects. Deletion shifts later entries
 * back, so there are no tombstones. Not thread-safe: the owner is the task thread, and snapshots
 * only read maps that are no longer written (copy-on-write).
 */
final class KeyMap extends AbstractMap<Object, Object> {
    /** In {@code keys}: the key is the Long in {@code longKeys} at the same index. */
    private static final Object LONG_KEY = new Object();

    private Object[] keys;
    private long[] longKeys;
    private Object[] values;
    private int size;
    private int mask;
    private int threshold;

    KeyMap() {
        allocate(16);
    }

    private KeyMap(KeyMap other, UnaryOperator<Object> copyValue) {
        keys = other.keys.clone();
        longKeys = other.longKeys.clone();
        values = new Object[other.values.length];
        for (int i = 0; i < values.length; i++) {
            if (keys[i] != null) {
                values[i] = copyValue.apply(other.values[i]);
            }
        }
        size = other.size;
        mask = other.mask;
        threshold = other.threshold;
    }

    /** A copy with the same layout (no rehashing) whose values are {@code copyValue} of these. */
    KeyMap copy(UnaryOperator<Object> copyValue) {
        return new KeyMap(this, copyValue);
    }

    private void allocate(int capacity) {
        keys = new Object[capacity];
        longKeys = new long[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
        threshold = capacity / 2; // linear probing stays fast at a load of at most one half
    }

    private static int mix(long h) {
        h *= 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private int home(int slot) {
        Object k = keys[slot];
        return (k == LONG_KEY ? mix(longKeys[slot]) : mix(k.hashCode())) & mask;
    }

    /** The slot of {@code key}, or {@code -(free slot) - 1} when absent. */
    private int indexOf(Object key) {
        if (key instanceof Long) {
            long v = (Long) key;
            int i = mix(v) & mask;
            while (true) {
                Object k = keys[i];
                if (k == null) {
                    return -i - 1;
                }
                if (k == LONG_KEY && longKeys[i] == v) {
                    return i;
                }
                i = (i + 1) & mask;
            }
        }
        int i = mix(key.hashCode()) & mask;
        while (true) {
            Object k = keys[i];
            if (k == null) {
                return -i - 1;
            }
            if (k != LONG_KEY && k.equals(key)) {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i >= 0 ? values[i] : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Object put(Object key, Object value) {
        int i = indexOf(key);
        if (i >= 0) {
            Object old = values[i];
            values[i] = value;
            return old;
        }
        i = -i - 1;
        if (key instanceof Long) {
            keys[i] = LONG_KEY;
            longKeys[i] = (Long) key;
        } else {
            keys[i] = key;
        }
        values[i] = value;
        if (++size > threshold) {
            grow();
        }
        return null;
    }

    @Override
    public Object computeIfAbsent(Object key, Function<? super Object, ?> create) {
        int i = indexOf(key);
        if (i >= 0 && values[i] != null) {
            return values[i];
        }
        Object v = create.apply(key);
        if (v != null) {
            put(key, v);
        }
        return v;
    }

    @Override
    public Object remove(Object key) {
        int i = indexOf(key);
        if (i < 0) {
            return null;
        }
        Object old = values[i];
        size--;
        // backward-shift deletion: move later entries of the probe run into the hole when their home allows it
        int hole = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (keys[j] == null) {
                break;
            }
            int h = home(j);
            boolean movable = hole <= j ? (h <= hole || h > j) : (h <= hole && h > j);
            if (movable) {
                keys[hole] = keys[j];
                longKeys[hole] = longKeys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        keys[hole] = null;
        longKeys[hole] = 0;
        values[hole] = null;
        return old;
    }

    private void grow() {
        Object[] oldKeys = keys;
        long[] oldLongs = longKeys;
        Object[] oldValues = values;
        allocate(oldKeys.length * 2);
        for (int s = 0; s < oldKeys.length; s++) {
            Object k = oldKeys[s];
            if (k == null) {
                continue;
            }
            int i = (k == LONG_KEY ? mix(oldLongs[s]) : mix(k.hashCode())) & mask;
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = k;
            longKeys[i] = oldLongs[s];
            values[i] = oldValues[s];
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public Set<Map.Entry<Object, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Map.Entry<Object, Object>> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);

                    private int advance(int from) {
                        int i = from;
                        while (i < keys.length && keys[i] == null) {
                            i++;
                        }
                        return i;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Map.Entry<Object, Object> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next;
                        next = advance(i + 1);
                        Object k = keys[i] == LONG_KEY ? (Object) longKeys[i] : keys[i];
                        return new SimpleImmutableEntry<>(k, values[i]);
                    }
                };
            }
        };
    }
}
