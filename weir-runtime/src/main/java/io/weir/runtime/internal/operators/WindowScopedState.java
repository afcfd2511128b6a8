package io.weir.runtime.internal.operators;

import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.state.AggregatingState;
import io.weir.api.state.AggregatingStateDescriptor;
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
import io.weir.api.windowing.Window;
import io.weir.runtime.internal.state.HeapKeyedStateBackend;
import io.weir.runtime.internal.state.OperatorStateBackend;
import io.weir.runtime.internal.state.StateSerializers;
import io.weir.runtime.internal.util.JavaSerialization;
import io.weir.runtime.serialization.Serializers;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * State of the current key in one window (Flink's window-namespaced state): a trigger's partitioned state
 * and a process window function's {@code windowState()}. Each descriptor is a keyed map state from window
 * to value, named {@code __weir_window_scoped:<name>}, so copy-on-write snapshots by key group cover it;
 * the handles address {@link #window}, which the window operator sets before it calls user code about a
 * window. Task thread only.
 *
 * <p>Ownership: the maps store what they are given. A handle copies a mutable value the user hands in
 * (unless object reuse is on) and changes a held list or map in place only after reading it, which
 * privatizes a key group shared with a snapshot.
 *
 * <p>The descriptors used are kept in operator (union) state, so that after a restore
 * {@link #clearWindow} also reaches states that user code has not asked for again yet.
 */
final class WindowScopedState implements KeyedStateStore {
    private static final String PREFIX = "__weir_window_scoped:";
    private static final String DESCRIPTORS = "__weir_window_scoped_descriptors";

    private final HeapKeyedStateBackend keyed;
    private final boolean objectReuse;
    private final io.weir.api.state.ListState<byte[]> descriptors;
    private final Map<String, Scoped> handles = new LinkedHashMap<>();
    /** The window the handles address. */
    Window window;

    WindowScopedState(HeapKeyedStateBackend keyed, OperatorStateBackend operatorState, boolean objectReuse) throws Exception {
        this.keyed = keyed;
        this.objectReuse = objectReuse;
        this.descriptors = operatorState.getListState(DESCRIPTORS, Serializers.forClass(byte[].class), true);
        for (byte[] d : descriptors.get()) {
            StateDescriptor<?> descriptor = (StateDescriptor<?>) JavaSerialization.deserialize(d, "window state descriptor");
            if (!handles.containsKey(descriptor.getName())) {
                handle(descriptor);
            }
        }
    }

    /** The store of merging windows, which have no per-window state (as in Flink): every getter throws. */
    static final KeyedStateStore UNSUPPORTED_FOR_MERGING_WINDOWS = new KeyedStateStore() {
        private UnsupportedOperationException refused() {
            return new UnsupportedOperationException("Per-window state (windowState()) is not available with merging windows "
                    + "(session windows), as in Flink: their windows change as they merge. Use globalState() instead.");
        }

        @Override
        public <T> ValueState<T> getState(ValueStateDescriptor<T> d) {
            throw refused();
        }

        @Override
        public <T> ListState<T> getListState(ListStateDescriptor<T> d) {
            throw refused();
        }

        @Override
        public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> d) {
            throw refused();
        }

        @Override
        public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> d) {
            throw refused();
        }

        @Override
        public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> d) {
            throw refused();
        }
    };

    /** Records the descriptors in use for the checkpoint being taken. */
    void snapshot() throws Exception {
        List<byte[]> bytes = new ArrayList<>(handles.size());
        for (Scoped s : handles.values()) {
            bytes.add(JavaSerialization.serialize(s.descriptor, "window state descriptor"));
        }
        descriptors.update(bytes);
    }

    /** Whether any per-window state was used; when not, {@link #clearWindow} has nothing to do. */
    boolean isEmpty() {
        return handles.isEmpty();
    }

    /** Drops the current key's state of window {@code w} in every per-window state. */
    void clearWindow(Window w) throws Exception {
        for (Scoped s : handles.values()) {
            s.table.remove(w);
        }
    }

    /**
     * Merges the state named by {@code d} of {@code sources} into {@code target} and clears it in the
     * sources (Flink's {@code mergePartitionedState}).
     *
     * @throws IllegalArgumentException for value and map state, which cannot merge
     */
    void merge(StateDescriptor<?> d, Window target, Collection<Window> sources) throws Exception {
        Scoped s = handle(d);
        if (!(s instanceof Mergeable)) {
            throw new IllegalArgumentException("mergePartitionedState needs a list, reducing or aggregating state, but '" + d.getName()
                    + "' is " + d.getType() + " state, which cannot merge.");
        }
        Object merged = s.table.get(target);
        for (Window w : sources) {
            if (w.equals(target)) {
                continue;
            }
            Object v = s.table.get(w);
            if (v != null) {
                s.table.remove(w);
                merged = merged == null ? v : ((Mergeable) s).combine(merged, v);
            }
        }
        if (merged != null) {
            s.table.put(target, merged);
        }
    }

    /** The handle of {@code d}, created and registered on first use. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Scoped handle(StateDescriptor<?> d) {
        Scoped s = handles.get(d.getName());
        if (s != null) {
            if (s.descriptor.getType() != d.getType()) {
                throw new IllegalStateException("Per-window state '" + d.getName() + "' is used as " + d.getType() + " state but was created as "
                        + s.descriptor.getType() + " state; state names must be unique per window operator.");
            }
            return s;
        }
        TypeSerializer<Object> values = StateSerializers.valueSerializer(d);
        switch (d.getType()) {
            case VALUE: s = new Value(d, values, values); break;
            case LIST: s = new Listed(d, values); break;
            case REDUCING: s = new Reducing(d, values, ((ReducingStateDescriptor) d).getReduceFunction()); break;
            case AGGREGATING: s = new Aggregating(d, values, ((AggregatingStateDescriptor) d).getAggregateFunction()); break;
            case MAP: s = new Mapped(d, StateSerializers.mapKeySerializer((MapStateDescriptor<?, ?>) d), values); break;
            default: throw new IllegalArgumentException("Unknown state kind " + d.getType() + " of state '" + d.getName() + "'.");
        }
        handles.put(d.getName(), s);
        return s;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ValueState<T> getState(ValueStateDescriptor<T> d) {
        return (ValueState<T>) handle(d);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ListState<T> getListState(ListStateDescriptor<T> d) {
        return (ListState<T>) handle(d);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> d) {
        return (MapState<K, V>) handle(d);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> d) {
        return (ReducingState<T>) handle(d);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> d) {
        return (AggregatingState<IN, OUT>) handle(d);
    }

    private static RuntimeException unchecked(Exception e) {
        return e instanceof RuntimeException ? (RuntimeException) e : new IllegalStateException(e);
    }

    // ---------------------------------------------------------------- handles

    /** One per-window state: the map from window to value of the current key. */
    abstract class Scoped implements io.weir.api.state.State {
        final StateDescriptor<?> descriptor;
        final MapState<Object, Object> table;
        /** Values (elements for list state) as the user hands them in. */
        final TypeSerializer<Object> values;

        Scoped(StateDescriptor<?> descriptor, TypeSerializer<Object> values, TypeSerializer<Object> stored) {
            this.descriptor = descriptor;
            this.values = values;
            this.table = keyed.getUncopiedMapState(new MapStateDescriptor<>(PREFIX + descriptor.getName(), new WindowSerializer(), stored));
        }

        Object held() throws Exception {
            return table.get(window);
        }

        void store(Object v) throws Exception {
            if (v == null) {
                table.remove(window);
            } else {
                table.put(window, v);
            }
        }

        /** What to store of {@code v}, handed in by user code: a copy of a mutable value, unless object reuse is on or it is {@code held}. */
        Object owned(Object v, Object held) {
            return objectReuse || v == held || values.isImmutableType() ? v : values.copy(v);
        }

        @Override
        public void clear() {
            try {
                table.remove(window);
            } catch (Exception e) {
                throw unchecked(e);
            }
        }
    }

    /** A state whose values of two windows combine into one. */
    private interface Mergeable {
        Object combine(Object a, Object b) throws Exception;
    }

    private final class Value extends Scoped implements ValueState<Object> {
        private final Object defaultValue;

        Value(StateDescriptor<?> d, TypeSerializer<Object> values, TypeSerializer<Object> stored) {
            super(d, values, stored);
            this.defaultValue = ((ValueStateDescriptor<?>) d).getDefaultValue();
        }

        @Override
        public Object value() throws IOException {
            try {
                Object v = held();
                return v != null || defaultValue == null ? v : owned(defaultValue, null);
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }

        @Override
        public void update(Object value) throws IOException {
            try {
                store(value == null ? null : owned(value, held()));
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }

    private final class Listed extends Scoped implements ListState<Object>, Mergeable {
        Listed(StateDescriptor<?> d, TypeSerializer<Object> elements) {
            super(d, elements, new ListOf(elements));
        }

        @Override
        @SuppressWarnings("unchecked")
        public Iterable<Object> get() throws Exception {
            List<Object> l = (List<Object>) held();
            return l == null ? List.of() : Collections.unmodifiableList(l);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void add(Object value) throws Exception {
            if (value == null) {
                throw new NullPointerException("Per-window ListState '" + descriptor.getName() + "' cannot hold null elements.");
            }
            List<Object> l = (List<Object>) held();
            if (l == null) {
                l = new ArrayList<>();
                l.add(owned(value, null));
                store(l);
            } else {
                l.add(owned(value, null)); // read first: a key group shared with a snapshot was privatized
            }
        }

        @Override
        public void update(List<Object> values) throws Exception {
            if (values == null || values.isEmpty()) {
                store(null);
                return;
            }
            List<Object> l = new ArrayList<>(values.size());
            for (Object v : values) {
                if (v == null) {
                    throw new NullPointerException("Per-window ListState '" + descriptor.getName() + "' cannot hold null elements.");
                }
                l.add(owned(v, null));
            }
            store(l);
        }

        @Override
        public void addAll(List<Object> values) throws Exception {
            for (Object v : values) {
                add(v);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object combine(Object a, Object b) {
            ((List<Object>) a).addAll((List<Object>) b);
            return a;
        }
    }

    private final class Reducing extends Scoped implements ReducingState<Object>, Mergeable {
        private final ReduceFunction<Object> reduce;

        Reducing(StateDescriptor<?> d, TypeSerializer<Object> values, ReduceFunction<Object> reduce) {
            super(d, values, values);
            this.reduce = reduce;
        }

        @Override
        public Object get() throws Exception {
            return held();
        }

        @Override
        public void add(Object value) throws Exception {
            Object cur = held();
            store(cur == null ? owned(value, null) : owned(reduce.reduce(cur, value), cur));
        }

        @Override
        public Object combine(Object a, Object b) throws Exception {
            Object r = reduce.reduce(a, b);
            return r == b ? b : owned(r, a);
        }
    }

    private final class Aggregating extends Scoped implements AggregatingState<Object, Object>, Mergeable {
        private final AggregateFunction<Object, Object, Object> function;

        Aggregating(StateDescriptor<?> d, TypeSerializer<Object> accumulators, AggregateFunction<Object, Object, Object> function) {
            super(d, accumulators, accumulators);
            this.function = function;
        }

        @Override
        public Object get() throws Exception {
            Object acc = held();
            return acc == null ? null : function.getResult(acc);
        }

        @Override
        public void add(Object value) throws Exception {
            Object acc = held();
            if (acc == null) {
                acc = function.createAccumulator(); // a new accumulator is ours already
            }
            store(owned(function.add(value, acc), acc));
        }

        @Override
        public Object combine(Object a, Object b) throws Exception {
            Object r = function.merge(a, b);
            return r == b ? b : owned(r, a);
        }
    }

    private final class Mapped extends Scoped implements MapState<Object, Object> {
        private final TypeSerializer<Object> keys;

        Mapped(StateDescriptor<?> d, TypeSerializer<Object> keys, TypeSerializer<Object> values) {
            super(d, values, new MapOf(keys, values));
            this.keys = keys;
        }

        @SuppressWarnings("unchecked")
        private Map<Object, Object> read() throws Exception {
            Map<Object, Object> m = (Map<Object, Object>) held();
            return m == null ? Map.of() : m;
        }

        @SuppressWarnings("unchecked")
        private Map<Object, Object> write() throws Exception {
            Map<Object, Object> m = (Map<Object, Object>) held();
            if (m == null) {
                m = new HashMap<>();
                store(m);
            }
            return m;
        }

        @Override
        public Object get(Object key) throws Exception {
            return read().get(key);
        }

        @Override
        public void put(Object key, Object value) throws Exception {
            Map<Object, Object> m = write();
            Object held = m.get(key);
            Object k = held == null && !m.containsKey(key) && !objectReuse && !keys.isImmutableType() ? keys.copy(key) : key;
            m.put(k, value == null ? null : owned(value, held));
        }

        @Override
        public void putAll(Map<Object, Object> map) throws Exception {
            for (Map.Entry<Object, Object> e : map.entrySet()) {
                put(e.getKey(), e.getValue());
            }
        }

        @Override
        public void remove(Object key) throws Exception {
            Map<Object, Object> m = read();
            if (m.containsKey(key)) {
                m.remove(key);
                if (m.isEmpty()) {
                    store(null);
                }
            }
        }

        @Override
        public boolean contains(Object key) throws Exception {
            return read().containsKey(key);
        }

        @Override
        public Iterable<Map.Entry<Object, Object>> entries() throws Exception {
            return read().entrySet();
        }

        @Override
        public Iterable<Object> keys() throws Exception {
            return read().keySet();
        }

        @Override
        public Iterable<Object> values() throws Exception {
            return read().values();
        }

        @Override
        public Iterator<Map.Entry<Object, Object>> iterator() throws Exception {
            return read().entrySet().iterator();
        }

        @Override
        public boolean isEmpty() throws Exception {
            return read().isEmpty();
        }
    }

    // ---------------------------------------------------------------- serializers of the stored containers

    /** An {@code ArrayList} of elements; {@link #copy} copies mutable elements too (a snapshot's privatization relies on it). */
    static final class ListOf implements TypeSerializer<Object> {
        private static final long serialVersionUID = 1L;
        private final TypeSerializer<Object> elements;

        ListOf(TypeSerializer<Object> elements) {
            this.elements = elements;
        }

        @Override
        public void serialize(Object value, DataOutput out) throws IOException {
            List<?> l = (List<?>) value;
            out.writeInt(l.size());
            for (Object o : l) {
                elements.serialize(o, out);
            }
        }

        @Override
        public Object deserialize(DataInput in) throws IOException {
            int n = in.readInt();
            if (n < 0) {
                throw new IOException("Negative list length " + n + " in per-window state; the checkpoint is damaged.");
            }
            List<Object> l = new ArrayList<>(Math.min(n, 1 << 16));
            for (int i = 0; i < n; i++) {
                l.add(elements.deserialize(in));
            }
            return l;
        }

        @Override
        public Object copy(Object value) {
            List<?> l = (List<?>) value;
            List<Object> c = new ArrayList<>(l.size());
            for (Object o : l) {
                c.add(elements.isImmutableType() ? o : elements.copy(o));
            }
            return c;
        }

        @Override
        public boolean isImmutableType() {
            return false;
        }

        @Override
        public TypeSerializer<Object> duplicate() {
            return new ListOf(elements.duplicate());
        }

        @Override
        public String snapshotIdentifier() {
            return "weir:window-scoped-list(" + elements.snapshotIdentifier() + ")";
        }
    }

    /** A {@code HashMap} of entries (values may be null); {@link #copy} copies mutable keys and values. */
    static final class MapOf implements TypeSerializer<Object> {
        private static final long serialVersionUID = 1L;
        private final TypeSerializer<Object> keys;
        private final TypeSerializer<Object> values;

        MapOf(TypeSerializer<Object> keys, TypeSerializer<Object> values) {
            this.keys = keys;
            this.values = values;
        }

        @Override
        public void serialize(Object value, DataOutput out) throws IOException {
            Map<?, ?> m = (Map<?, ?>) value;
            out.writeInt(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                keys.serialize(e.getKey(), out);
                out.writeBoolean(e.getValue() != null);
                if (e.getValue() != null) {
                    values.serialize(e.getValue(), out);
                }
            }
        }

        @Override
        public Object deserialize(DataInput in) throws IOException {
            int n = in.readInt();
            if (n < 0) {
                throw new IOException("Negative map size " + n + " in per-window state; the checkpoint is damaged.");
            }
            Map<Object, Object> m = new HashMap<>();
            for (int i = 0; i < n; i++) {
                Object k = keys.deserialize(in);
                m.put(k, in.readBoolean() ? values.deserialize(in) : null);
            }
            return m;
        }

        @Override
        public Object copy(Object value) {
            Map<?, ?> m = (Map<?, ?>) value;
            Map<Object, Object> c = new HashMap<>(m.size() * 4 / 3 + 1);
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object v = e.getValue();
                c.put(keys.isImmutableType() ? e.getKey() : keys.copy(e.getKey()), v == null || values.isImmutableType() ? v : values.copy(v));
            }
            return c;
        }

        @Override
        public boolean isImmutableType() {
            return false;
        }

        @Override
        public TypeSerializer<Object> duplicate() {
            return new MapOf(keys.duplicate(), values.duplicate());
        }

        @Override
        public String snapshotIdentifier() {
            return "weir:window-scoped-map(" + keys.snapshotIdentifier() + "," + values.snapshotIdentifier() + ")";
        }
    }
}
