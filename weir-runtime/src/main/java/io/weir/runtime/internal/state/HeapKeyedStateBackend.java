package io.weir.runtime.internal.state;

import io.weir.api.state.KeyedStateStore;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.StateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.typeutils.TypeSerializer;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keyed state of one operator subtask, kept on the heap by key group. Not thread-safe: used only
 * by the task thread; snapshots hand immutable views to I/O threads (see {@link StateTable}).
 */
public final class HeapKeyedStateBackend implements KeyedStateStore {
    private final String operatorName;
    private final int maxParallelism;
    private final int firstKeyGroup;
    private final int lastKeyGroup;
    private final boolean objectReuse;
    private final TypeSerializer<Object> keySerializer = StateSerializers.keySerializer();
    private final LinkedHashMap<String, StateTable> tables = new LinkedHashMap<>();
    private final Map<String, Object> handles = new HashMap<>();
    /** The TTL rules of the states registered with a time to live, by name. */
    private final Map<String, TtlStates.Policy> ttlPolicies = new HashMap<>();
    /** Processing time for state TTL: the operator's, once {@link #setTtlClock} was called. */
    private java.util.function.LongSupplier ttlClock = System::currentTimeMillis;
    private final Map<String, RestoredState.KeyedStateData> unregisteredRestored = new LinkedHashMap<>();
    private final Map<String, KeyedSnapshot.TableView> restoredLive = new HashMap<>();
    private Object currentKey;
    private int currentKeyGroup;

    /** A backend that copies what it stores (object reuse disabled). */
    public HeapKeyedStateBackend(String operatorName, int maxParallelism, int firstKeyGroup, int lastKeyGroup) {
        this(operatorName, maxParallelism, firstKeyGroup, lastKeyGroup, false);
    }

    /**
     * @param objectReuse {@code pipeline.object-reuse}: when false, mutable values given to the states'
     *     update, add and put are copied with the state's serializer before they are stored (see {@link StateTable})
     */
    public HeapKeyedStateBackend(String operatorName, int maxParallelism, int firstKeyGroup, int lastKeyGroup, boolean objectReuse) {
        this.operatorName = operatorName;
        this.maxParallelism = maxParallelism;
        this.firstKeyGroup = firstKeyGroup;
        this.lastKeyGroup = lastKeyGroup;
        this.objectReuse = objectReuse;
    }

    /** Sets the processing-time clock that state TTL measures with (the operator's processing-time service). */
    public void setTtlClock(java.util.function.LongSupplier clock) {
        this.ttlClock = java.util.Objects.requireNonNull(clock, "clock");
    }

    public void restore(RestoredState restored) {
        unregisteredRestored.putAll(restored.keyedStates);
        restoredLive.putAll(restored.liveTables);
    }

    /** Restored keyed data under a name not registered as a state (such as timers). Removes it. */
    public RestoredState.KeyedStateData takeRestored(String name) {
        return unregisteredRestored.remove(name);
    }

    public void setCurrentKey(Object key) {
        int kg = KeyGroups.keyGroupFor(key, maxParallelism);
        if (kg < firstKeyGroup || kg > lastKeyGroup) {
            throw new IllegalStateException("Operator '" + operatorName + "' received key " + key + " of key group " + kg
                    + ", outside its key groups " + firstKeyGroup + ".." + lastKeyGroup
                    + ". The key selector must be deterministic: the same element must always give an equal key with the same hashCode.");
        }
        currentKey = key;
        currentKeyGroup = kg;
    }

    /** Sets a key already known to belong here (timers). */
    public void setCurrentKey(Object key, int keyGroup) {
        currentKey = key;
        currentKeyGroup = keyGroup;
    }

    public Object getCurrentKey() {
        return currentKey;
    }

    public int getCurrentKeyGroup() {
        return currentKeyGroup;
    }

    public int firstKeyGroup() {
        return firstKeyGroup;
    }

    public int lastKeyGroup() {
        return lastKeyGroup;
    }

    public int maxParallelism() {
        return maxParallelism;
    }

    public TypeSerializer<Object> keySerializer() {
        return keySerializer;
    }

    private void checkKey() {
        if (currentKey == null) {
            throw new IllegalStateException("Keyed state of operator '" + operatorName + "' was used outside processing of a keyed element or timer,"
                    + " so there is no current key (in processBroadcastElement, reach keyed state with ctx.applyToKeyedState).");
        }
    }

    private StateTable table(StateDescriptor<?> d, TypeSerializer<?> mapKeySerializer) {
        return table(d, mapKeySerializer, !objectReuse);
    }

    /** @param copyOnStore whether mutable values handed to the state are copied before they are stored */
    @SuppressWarnings("unchecked")
    private StateTable table(StateDescriptor<?> d, TypeSerializer<?> mapKeySerializer, boolean copyOnStore) {
        StateTable t = tables.get(d.getName());
        if (t != null) {
            if (t.type != d.getType()) {
                throw new IllegalStateException("Operator '" + operatorName + "' registers state '" + d.getName() + "' as " + d.getType()
                        + " but it already exists as " + t.type + "; state names must be unique per operator.");
            }
            return t;
        }
        TypeSerializer<Object> values = StateSerializers.valueSerializer(d);
        if (d.getTtlConfig().isEnabled()) {
            values = new TtlStates.TtlSerializer(values);
            ttlPolicies.put(d.getName(), new TtlStates.Policy(d.getTtlConfig(), () -> ttlClock.getAsLong()));
        }
        t = new StateTable(d.getName(), d.getType(), values, (TypeSerializer<Object>) mapKeySerializer,
                firstKeyGroup, lastKeyGroup - firstKeyGroup + 1, copyOnStore);
        KeyedSnapshot.TableView live = restoredLive.remove(d.getName());
        if (live != null) {
            StateCompatibility.check(operatorName, d.getName(), live.table().type.name(), serializerId(live.table()), t.type.name(), serializerId(t));
        }
        if (live != null && live.table().firstKeyGroup() == firstKeyGroup && live.maps().length == lastKeyGroup - firstKeyGroup + 1) {
            t.adopt(live.maps());
        }
        RestoredState.KeyedStateData restored = unregisteredRestored.remove(d.getName());
        if (restored != null) {
            StateCompatibility.check(operatorName, d.getName(), kindName(restored.type()), restored.serializerId(), t.type.name(), serializerId(t));
            for (Map.Entry<Integer, byte[]> e : restored.keyGroups().entrySet()) {
                try {
                    t.readEntries(e.getKey(), keySerializer, new DataInputStream(new ByteArrayInputStream(e.getValue())));
                } catch (IOException ex) {
                    throw new UncheckedIOException("Could not restore state '" + d.getName() + "' of operator '" + operatorName
                            + "' (key group " + e.getKey() + "): " + ex.getMessage() + ". Was its type or serializer changed?", ex);
                }
            }
        }
        tables.put(d.getName(), t);
        return t;
    }

    private static String serializerId(StateTable t) {
        return StateCompatibility.identifier(t.valueSerializer, t.mapKeySerializer);
    }

    private static String kindName(byte ordinal) {
        StateDescriptor.Type[] kinds = StateDescriptor.Type.values();
        return ordinal >= 0 && ordinal < kinds.length ? kinds[ordinal].name() : "unknown kind " + ordinal;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ValueState<T> getState(ValueStateDescriptor<T> d) {
        if (d.getTtlConfig().isEnabled()) {
            return (ValueState<T>) handles.computeIfAbsent(d.getName(), n -> ttlValue(d, d.getDefaultValue()));
        }
        return (ValueState<T>) handles.computeIfAbsent(d.getName(), n -> new HeapValueState<>(table(d, null), d.getDefaultValue()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ListState<T> getListState(ListStateDescriptor<T> d) {
        if (d.getTtlConfig().isEnabled()) {
            return (ListState<T>) handles.computeIfAbsent(d.getName(),
                    n -> new TtlStates.ListOf<T>(new HeapListState<>(table(d, null)), ttlPolicies.get(d.getName())));
        }
        return (ListState<T>) handles.computeIfAbsent(d.getName(), n -> new HeapListState<>(table(d, null)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> d) {
        if (d.getTtlConfig().isEnabled()) {
            return (MapState<K, V>) handles.computeIfAbsent(d.getName(), n -> new TtlStates.MapOf<K, V>(
                    new HeapMapState<>(table(d, StateSerializers.mapKeySerializer(d))), ttlPolicies.get(d.getName())));
        }
        return (MapState<K, V>) handles.computeIfAbsent(d.getName(), n -> new HeapMapState<>(table(d, StateSerializers.mapKeySerializer(d))));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> d) {
        if (d.getTtlConfig().isEnabled()) {
            return (ReducingState<T>) handles.computeIfAbsent(d.getName(), n -> new TtlStates.Reducing<>(ttlValue(d, null), d.getReduceFunction()));
        }
        return (ReducingState<T>) handles.computeIfAbsent(d.getName(), n -> new HeapReducingState<>(table(d, null), d.getReduceFunction()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <IN, ACC, OUT> io.weir.api.state.AggregatingState<IN, OUT> getAggregatingState(
            io.weir.api.state.AggregatingStateDescriptor<IN, ACC, OUT> d) {
        if (d.getTtlConfig().isEnabled()) {
            return (io.weir.api.state.AggregatingState<IN, OUT>) handles.computeIfAbsent(d.getName(),
                    n -> new TtlStates.Aggregating<>(ttlValue(d, null), d.getAggregateFunction()));
        }
        return (io.weir.api.state.AggregatingState<IN, OUT>) handles.computeIfAbsent(d.getName(),
                n -> new HeapAggregatingState<>(table(d, null), d.getAggregateFunction()));
    }

    /** A TTL value handle over the state's table (boxed: VALUE, REDUCING or AGGREGATING). */
    @SuppressWarnings("unchecked")
    private <T> TtlStates.Value<T> ttlValue(StateDescriptor<?> d, T defaultValue) {
        StateTable t = table(d, null);
        TypeSerializer<Object> copier = t.copyValues ? StateSerializers.valueSerializer(d) : null;
        return new TtlStates.Value<>((ValueState<Object>) (ValueState<?>) new HeapValueState<>(t, null), ttlPolicies.get(d.getName()),
                defaultValue, copier);
    }

    /** Removes the expired values of a TTL state from every key group, before a snapshot captures them. */
    @SuppressWarnings("unchecked")
    private void removeExpired(StateTable t, TtlStates.Policy p) {
        long now = p.now();
        for (int kg = firstKeyGroup; kg <= lastKeyGroup; kg++) {
            KeyMap m = t.current(kg);
            if (m == null) {
                continue;
            }
            Map<Object, Object> replace = new HashMap<>();
            for (Map.Entry<Object, Object> e : m.entrySet()) {
                Object v = e.getValue();
                if (t.isBoxed()) {
                    if (p.expired(((StateTable.Box) v).value, now)) {
                        replace.put(e.getKey(), null);
                    }
                } else if (t.type == StateDescriptor.Type.LIST) {
                    java.util.List<Object> l = (java.util.List<Object>) v;
                    if (l.stream().anyMatch(x -> p.expired(x, now))) {
                        java.util.List<Object> kept = new java.util.ArrayList<>(l);
                        kept.removeIf(x -> p.expired(x, now));
                        replace.put(e.getKey(), kept.isEmpty() ? null : kept);
                    }
                } else if (t.type == StateDescriptor.Type.MAP) {
                    Map<Object, Object> mm = (Map<Object, Object>) v;
                    if (mm.values().stream().anyMatch(x -> p.expired(x, now))) {
                        Map<Object, Object> kept = new HashMap<>(mm);
                        kept.values().removeIf(x -> p.expired(x, now));
                        replace.put(e.getKey(), kept.isEmpty() ? null : kept);
                    }
                }
            }
            if (replace.isEmpty()) {
                continue; // nothing expired: the map is not privatized
            }
            KeyMap w = t.forWrite(kg);
            for (Map.Entry<Object, Object> r : replace.entrySet()) {
                if (r.getValue() == null) {
                    w.remove(r.getKey());
                } else {
                    w.put(r.getKey(), r.getValue());
                }
            }
        }
    }

    /**
     * Map state that stores what it is given without copies, whatever object reuse says: for an
     * operator's own bookkeeping, which copies user objects itself where it must (window contents
     * move between windows when windows merge, which must not copy them each time).
     */
    @SuppressWarnings("unchecked")
    public <K, V> MapState<K, V> getUncopiedMapState(MapStateDescriptor<K, V> d) {
        return (MapState<K, V>) handles.computeIfAbsent(d.getName(),
                n -> new HeapMapState<>(table(d, StateSerializers.mapKeySerializer(d), false)));
    }

    /** Visits every (key, key group, value) of a registered state without changing it; task thread only. */
    public void forEachEntry(String stateName, EntryVisitor visitor) throws Exception {
        StateTable t = tables.get(stateName);
        if (t == null) {
            return;
        }
        for (int kg = firstKeyGroup; kg <= lastKeyGroup; kg++) {
            KeyMap m = t.current(kg); // read only: no copy-on-write copy of shared maps
            if (m != null) {
                for (Map.Entry<Object, Object> e : m.entrySet()) {
                    Object v = e.getValue();
                    visitor.visit(e.getKey(), kg, v instanceof StateTable.Box ? ((StateTable.Box) v).value : v);
                }
            }
        }
    }

    /** See {@link #forEachEntry}. */
    public interface EntryVisitor {
        void visit(Object key, int keyGroup, Object value) throws Exception;
    }

    /** A set of longs per key (such as timer timestamps), each operation one lookup of the current key. */
    public interface LongSet {
        /** Adds {@code v} for the current key; false if it was there. */
        boolean add(long v);

        /** Removes {@code v} for the current key; false if it was not there. */
        boolean remove(long v);
    }

    /** A {@link LongSet} kept as map state named {@code name}, so it is snapshotted and restored with the rest. */
    @SuppressWarnings("unchecked")
    public LongSet getLongSet(String name) {
        HeapMapState<Long, Boolean> state = (HeapMapState<Long, Boolean>) getMapState(new MapStateDescriptor<>(name, Long.class, Boolean.class));
        return new LongSet() {
            @Override
            public boolean add(long v) {
                return state.writeMap().putIfAbsent(v, Boolean.TRUE) == null;
            }

            @Override
            public boolean remove(long v) {
                return state.removeEntry(v);
            }
        };
    }

    /** Synchronous part of a snapshot: captures copy-on-write views. */
    public KeyedSnapshot snapshot() {
        for (Map.Entry<String, TtlStates.Policy> e : ttlPolicies.entrySet()) {
            StateTable t = tables.get(e.getKey());
            if (t != null && e.getValue().cleanupInSnapshot) {
                removeExpired(t, e.getValue());
            }
        }
        Map<String, KeyedSnapshot.TableView> views = new LinkedHashMap<>(restoredLive);
        for (StateTable t : tables.values()) {
            views.put(t.name, new KeyedSnapshot.TableView(t, t.capture()));
        }
        return new KeyedSnapshot(firstKeyGroup, lastKeyGroup, keySerializer.duplicate(), views, new LinkedHashMap<>(unregisteredRestored));
    }

    // ---------------------------------------------------------------- state handles

    abstract class HeapState {
        final StateTable table;
        // the holder found by the last read, valid while its map is current and not shared with a snapshot
        private Object lastKey;
        private KeyMap lastMap;
        private StateTable.Box lastBox;

        HeapState(StateTable table) {
            this.table = table;
        }

        Object read() {
            checkKey();
            KeyMap m = table.forRead(currentKeyGroup);
            Object v = m == null ? null : m.get(currentKey);
            if (!table.isBoxed()) {
                return v;
            }
            StateTable.Box b = (StateTable.Box) v;
            lastKey = currentKey;
            lastMap = m;
            lastBox = b;
            return b == null ? null : b.value;
        }

        /**
         * Sets the current key's value; null removes it. A boxed value (VALUE, REDUCING) is copied
         * here unless it is the held object ({@link StateTable#toStore}); a LIST is stored as given, its
         * elements already owned.
         */
        void write(Object v) {
            checkKey();
            if (!table.isBoxed()) {
                if (v == null) {
                    KeyMap m = table.forRead(currentKeyGroup);
                    if (m != null && m.containsKey(currentKey)) {
                        table.forWrite(currentKeyGroup).remove(currentKey);
                    }
                } else {
                    table.forWrite(currentKeyGroup).put(currentKey, v);
                }
                return;
            }
            if (v != null && lastBox != null && lastKey == currentKey && lastMap == table.current(currentKeyGroup)
                    && !table.isShared(currentKeyGroup)) {
                lastBox.value = table.toStore(v, lastBox.value); // same key as the last read, map not captured since: no second lookup
                return;
            }
            lastBox = null;
            if (v == null) {
                KeyMap m = table.forRead(currentKeyGroup);
                if (m != null && m.containsKey(currentKey)) {
                    table.forWrite(currentKeyGroup).remove(currentKey);
                }
                return;
            }
            KeyMap m = table.forWrite(currentKeyGroup);
            StateTable.Box b = (StateTable.Box) m.get(currentKey);
            if (b == null) {
                m.put(currentKey, new StateTable.Box(table.toStore(v, null)));
            } else {
                b.value = table.toStore(v, b.value);
            }
        }

        /** The container for the current key, for in-place mutation (lists, maps), created if absent. */
        Object mutable(java.util.function.Supplier<Object> create) {
            checkKey();
            return table.forWrite(currentKeyGroup).computeIfAbsent(currentKey, k -> create.get());
        }

        public void clear() {
            write(null);
        }
    }

    final class HeapValueState<T> extends HeapState implements ValueState<T> {
        private final T defaultValue;

        HeapValueState(StateTable table, T defaultValue) {
            super(table);
            this.defaultValue = defaultValue;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T value() {
            Object v = read();
            if (v != null) {
                return (T) v;
            }
            // a mutable default is shared by all keys: each read gets its own, as the caller may change and store it
            return defaultValue == null || !table.copyValues ? defaultValue : (T) table.valueSerializer.copy(defaultValue);
        }

        @Override
        public void update(T value) {
            write(value);
        }
    }

    final class HeapReducingState<T> extends HeapState implements ReducingState<T> {
        private final io.weir.api.functions.ReduceFunction<T> reduce;

        HeapReducingState(StateTable table, io.weir.api.functions.ReduceFunction<T> reduce) {
            super(table);
            this.reduce = reduce;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get() {
            return (T) read();
        }

        @Override
        @SuppressWarnings("unchecked")
        public void add(T value) throws Exception {
            Object cur = read();
            write(cur == null ? value : reduce.reduce((T) cur, value));
        }
    }

    /** The accumulator per key; each add reads it, folds the value in and writes it back (copied as any stored value). */
    final class HeapAggregatingState<IN, ACC, OUT> extends HeapState implements io.weir.api.state.AggregatingState<IN, OUT> {
        private final io.weir.api.functions.AggregateFunction<IN, ACC, OUT> function;

        HeapAggregatingState(StateTable table, io.weir.api.functions.AggregateFunction<IN, ACC, OUT> function) {
            super(table);
            this.function = function;
        }

        @Override
        @SuppressWarnings("unchecked")
        public OUT get() {
            Object acc = read();
            return acc == null ? null : function.getResult((ACC) acc);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void add(IN value) {
            Object acc = read();
            write(function.add(value, acc == null ? function.createAccumulator() : (ACC) acc));
        }
    }

    final class HeapListState<T> extends HeapState implements ListState<T> {
        HeapListState(StateTable table) {
            super(table);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Iterable<T> get() {
            Object v = read();
            return v == null ? java.util.List.of() : (java.util.List<T>) v; // the live list, as Flink's heap backend returns it
        }

        @Override
        @SuppressWarnings("unchecked")
        public void add(T value) {
            if (value == null) {
                throw new NullPointerException("ListState '" + table.name + "' of operator '" + operatorName + "' cannot hold null elements.");
            }
            ((java.util.List<Object>) mutable(java.util.ArrayList::new)).add(table.toStore(value, null));
        }

        @Override
        public void update(java.util.List<T> values) {
            if (values == null || values.isEmpty()) {
                clear();
                return;
            }
            for (T v : values) {
                if (v == null) {
                    throw new NullPointerException("ListState '" + table.name + "' of operator '" + operatorName + "' cannot hold null elements.");
                }
            }
            if (!table.copyValues) {
                write(new java.util.ArrayList<Object>(values));
                return;
            }
            // an element that is the one held at its position came from get(): stored again without a copy
            @SuppressWarnings("unchecked")
            java.util.List<Object> held = (java.util.List<Object>) read();
            java.util.ArrayList<Object> owned = new java.util.ArrayList<>(values.size());
            for (T v : values) {
                int i = owned.size();
                owned.add(table.toStore(v, held != null && i < held.size() ? held.get(i) : null));
            }
            write(owned);
        }

        @Override
        public void addAll(java.util.List<T> values) {
            for (T v : values) {
                add(v);
            }
        }
    }

    final class HeapMapState<UK, UV> extends HeapState implements MapState<UK, UV> {
        HeapMapState(StateTable table) {
            super(table);
        }

        @SuppressWarnings("unchecked")
        private Map<UK, UV> readMap() {
            Object v = read();
            return v == null ? java.util.Map.of() : (Map<UK, UV>) v;
        }

        @SuppressWarnings("unchecked")
        private Map<UK, UV> writeMap() {
            return (Map<UK, UV>) mutable(HashMap::new);
        }

        @Override
        public UV get(UK key) {
            return readMap().get(key);
        }

        @Override
        public void put(UK key, UV value) {
            Map<UK, UV> m = writeMap();
            if (table.copyValues || table.copyMapKeys) {
                putOwned(m, key, value);
            } else {
                m.put(key, value);
            }
        }

        @Override
        public void putAll(Map<UK, UV> map) {
            Map<UK, UV> m = writeMap();
            if (table.copyValues || table.copyMapKeys) {
                for (Map.Entry<UK, UV> e : map.entrySet()) {
                    putOwned(m, e.getKey(), e.getValue());
                }
            } else {
                m.putAll(map);
            }
        }

        /** Puts copies of a mutable key new to {@code m} and of a mutable value other than the one held for the key. */
        @SuppressWarnings("unchecked")
        private void putOwned(Map<UK, UV> m, UK key, UV value) {
            UV held = m.get(key);
            if (held != null && held == value) {
                return; // the object read from this entry, changed in place: nothing to store
            }
            UK k = held == null && !m.containsKey(key) ? (UK) table.keyToStore(key) : key; // a present key keeps its stored object
            m.put(k, value == null ? null : (UV) table.toStore(value, held));
        }

        @Override
        public void remove(UK key) {
            removeEntry(key);
        }

        /**
         * Removes {@code key} from the current key's map, and the map itself when it becomes empty;
         * returns whether the key was there. One lookup of the current key.
         */
        @SuppressWarnings("unchecked")
        boolean removeEntry(Object key) {
            checkKey();
            KeyMap outer = table.forRead(currentKeyGroup);
            Map<Object, Object> inner = outer == null ? null : (Map<Object, Object>) outer.get(currentKey);
            if (inner == null || !inner.containsKey(key)) {
                return false;
            }
            KeyMap writable = table.forWrite(currentKeyGroup);
            if (writable != outer) {
                inner = (Map<Object, Object>) writable.get(currentKey); // the key group was copied: use the copy
            }
            inner.remove(key);
            if (inner.isEmpty()) {
                writable.remove(currentKey);
            }
            return true;
        }

        @Override
        public boolean contains(UK key) {
            return readMap().containsKey(key);
        }

        @Override
        public Iterable<Map.Entry<UK, UV>> entries() {
            Map<UK, UV> m = readMap();
            return () -> liveEntries(m);
        }

        @Override
        public Iterable<UK> keys() {
            return readMap().keySet();
        }

        @Override
        public Iterable<UV> values() {
            return readMap().values();
        }

        @Override
        public java.util.Iterator<Map.Entry<UK, UV>> iterator() {
            return liveEntries(readMap());
        }

        /**
         * The entries of the current key's map, live as in Flink's heap backend: {@code remove()} removes the entry from
         * the state and {@code setValue} replaces its value (copied as {@link #put} copies).
         */
        @SuppressWarnings("unchecked")
        private java.util.Iterator<Map.Entry<UK, UV>> liveEntries(Map<UK, UV> m) {
            return new WritableEntries<>(m.entrySet().iterator(),
                    (e, value) -> e.setValue(value == null || !table.copyValues || value == e.getValue() ? value
                            : (UV) table.toStore(value, e.getValue())),
                    key -> { });
        }

        @Override
        public boolean isEmpty() {
            return readMap().isEmpty();
        }
    }
}
