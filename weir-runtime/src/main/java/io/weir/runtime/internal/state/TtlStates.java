package io.weir.runtime.internal.state;

import io.weir.api.functions.AggregateFunction;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.state.AggregatingState;
import io.weir.api.state.ListState;
import io.weir.api.state.MapState;
import io.weir.api.state.ReducingState;
import io.weir.api.state.StateTtlConfig;
import io.weir.api.state.ValueState;
import io.weir.api.typeutils.TypeSerializer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keyed state with a time to live ({@code StateDescriptor.enableTimeToLive}): the heap backend stores each value (list
 * element, map value) as a {@link TtlValue} with the processing time of its last renewal, and these handles expire,
 * renew and unwrap them as the {@link StateTtlConfig} says. Task thread only.
 */
final class TtlStates {
    private TtlStates() {}

    /** A state call made where no checked exception may pass (iterators); the heap backend's calls do not throw. */
    interface StateCall {
        void run() throws Exception;
    }

    static void unchecked(StateCall call) {
        try {
            call.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored value and the processing time it was last renewed at. */
    static final class TtlValue {
        final Object value;
        final long lastAccess;

        TtlValue(Object value, long lastAccess) {
            this.value = value;
            this.lastAccess = lastAccess;
        }
    }

    /** Writes a {@link TtlValue}: the renewal time, then the value with the state's serializer. */
    static final class TtlSerializer implements TypeSerializer<Object> {
        private static final long serialVersionUID = 1L;
        private final TypeSerializer<Object> values;

        TtlSerializer(TypeSerializer<Object> values) {
            this.values = values;
        }

        @Override
        public void serialize(Object value, DataOutput out) throws IOException {
            TtlValue t = (TtlValue) value;
            out.writeLong(t.lastAccess);
            values.serialize(t.value, out);
        }

        @Override
        public Object deserialize(DataInput in) throws IOException {
            long lastAccess = in.readLong();
            return new TtlValue(values.deserialize(in), lastAccess);
        }

        @Override
        public Object copy(Object value) {
            TtlValue t = (TtlValue) value;
            return values.isImmutableType() ? t : new TtlValue(values.copy(t.value), t.lastAccess);
        }

        @Override
        public boolean isImmutableType() {
            return values.isImmutableType();
        }

        @Override
        public TypeSerializer<Object> duplicate() {
            return new TtlSerializer(values.duplicate());
        }

        @Override
        public String snapshotIdentifier() {
            return "ttl(" + values.snapshotIdentifier() + ")";
        }
    }

    /** The TTL rules of one state, with the clock. */
    static final class Policy {
        final long ttlMillis;
        final boolean renewOnRead;
        final boolean returnExpired;
        final boolean cleanupInSnapshot;
        final LongSupplier clock;

        Policy(StateTtlConfig config, LongSupplier clock) {
            this.ttlMillis = config.getTimeToLive().toMillis();
            this.renewOnRead = config.getUpdateType() == StateTtlConfig.UpdateType.OnReadAndWrite;
            this.returnExpired = config.getStateVisibility() == StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp;
            this.cleanupInSnapshot = config.isCleanupInFullSnapshot();
            this.clock = clock;
        }

        long now() {
            return clock.getAsLong();
        }

        boolean expired(Object stored, long now) {
            return stored != null && now - ((TtlValue) stored).lastAccess >= ttlMillis;
        }

        TtlValue wrap(Object value, long now) {
            return value == null ? null : new TtlValue(value, now);
        }
    }

    /** Value state; also the raw access under reducing and aggregating state. */
    static final class Value<T> implements ValueState<T> {
        private final ValueState<Object> raw;
        private final Policy policy;
        private final T defaultValue;
        private final TypeSerializer<Object> copier;

        Value(ValueState<Object> raw, Policy policy, T defaultValue, TypeSerializer<Object> copier) {
            this.raw = raw;
            this.policy = policy;
            this.defaultValue = defaultValue;
            this.copier = copier;
        }

        /** The unexpired value, renewed if reads renew; the expired one once if visibility allows; else null. */
        Object current() throws IOException {
            Object stored = raw.value();
            if (stored == null) {
                return null;
            }
            long now = policy.now();
            TtlValue t = (TtlValue) stored;
            if (policy.expired(t, now)) {
                raw.clear();
                return policy.returnExpired ? t.value : null;
            }
            if (policy.renewOnRead) {
                raw.update(new TtlValue(t.value, now));
            }
            return t.value;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T value() throws IOException {
            Object v = current();
            if (v != null) {
                return (T) v;
            }
            return defaultValue == null || copier == null ? defaultValue : (T) copier.copy(defaultValue);
        }

        @Override
        public void update(T value) throws IOException {
            raw.update(policy.wrap(value, policy.now()));
        }

        @Override
        public void clear() {
            raw.clear();
        }
    }

    static final class Reducing<T> implements ReducingState<T> {
        private final Value<Object> value;
        private final ReduceFunction<T> reduce;

        Reducing(Value<Object> value, ReduceFunction<T> reduce) {
            this.value = value;
            this.reduce = reduce;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get() throws Exception {
            return (T) value.current();
        }

        @Override
        @SuppressWarnings("unchecked")
        public void add(T v) throws Exception {
            Object cur = value.current();
            value.update(cur == null ? v : reduce.reduce((T) cur, v));
        }

        @Override
        public void clear() {
            value.clear();
        }
    }

    static final class Aggregating<IN, ACC, OUT> implements AggregatingState<IN, OUT> {
        private final Value<Object> value;
        private final AggregateFunction<IN, ACC, OUT> function;

        Aggregating(Value<Object> value, AggregateFunction<IN, ACC, OUT> function) {
            this.value = value;
            this.function = function;
        }

        @Override
        @SuppressWarnings("unchecked")
        public OUT get() throws Exception {
            Object acc = value.current();
            return acc == null ? null : function.getResult((ACC) acc);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void add(IN v) throws Exception {
            Object acc = value.current();
            value.update(function.add(v, acc == null ? function.createAccumulator() : (ACC) acc));
        }

        @Override
        public void clear() {
            value.clear();
        }
    }

    static final class ListOf<T> implements ListState<T> {
        private final ListState<Object> raw;
        private final Policy policy;

        ListOf(ListState<Object> raw, Policy policy) {
            this.raw = raw;
            this.policy = policy;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Iterable<T> get() throws Exception {
            long now = policy.now();
            List<T> out = new ArrayList<>();
            List<Object> kept = new ArrayList<>();
            boolean changed = false;
            for (Object stored : raw.get()) {
                TtlValue t = (TtlValue) stored;
                if (policy.expired(t, now)) {
                    changed = true;
                    if (policy.returnExpired) {
                        out.add((T) t.value);
                    }
                    continue;
                }
                out.add((T) t.value);
                kept.add(policy.renewOnRead ? new TtlValue(t.value, now) : t);
                changed |= policy.renewOnRead;
            }
            if (changed) {
                raw.update(kept);
            }
            return Collections.unmodifiableList(out);
        }

        @Override
        public void add(T value) throws Exception {
            raw.add(policy.wrap(value, policy.now()));
        }

        @Override
        public void update(List<T> values) throws Exception {
            long now = policy.now();
            List<Object> wrapped = new ArrayList<>(values.size());
            for (T v : values) {
                wrapped.add(policy.wrap(v, now));
            }
            raw.update(wrapped);
        }

        @Override
        public void addAll(List<T> values) throws Exception {
            for (T v : values) {
                add(v);
            }
        }

        @Override
        public void clear() {
            raw.clear();
        }
    }

    static final class MapOf<UK, UV> implements MapState<UK, UV> {
        private final MapState<UK, Object> raw;
        private final Policy policy;

        MapOf(MapState<UK, Object> raw, Policy policy) {
            this.raw = raw;
            this.policy = policy;
        }

        @Override
        @SuppressWarnings("unchecked")
        public UV get(UK key) throws Exception {
            Object stored = raw.get(key);
            if (stored == null) {
                return null;
            }
            long now = policy.now();
            TtlValue t = (TtlValue) stored;
            if (policy.expired(t, now)) {
                raw.remove(key);
                return policy.returnExpired ? (UV) t.value : null;
            }
            if (policy.renewOnRead) {
                raw.put(key, new TtlValue(t.value, now));
            }
            return (UV) t.value;
        }

        @Override
        public void put(UK key, UV value) throws Exception {
            raw.put(key, policy.wrap(value, policy.now()));
        }

        @Override
        public void putAll(Map<UK, UV> map) throws Exception {
            for (Map.Entry<UK, UV> e : map.entrySet()) {
                put(e.getKey(), e.getValue());
            }
        }

        @Override
        public void remove(UK key) throws Exception {
            raw.remove(key);
        }

        @Override
        public boolean contains(UK key) throws Exception {
            return get(key) != null;
        }

        /** The unexpired entries (removing expired ones), as a detached map; changes to it go through {@link #put}. */
        @SuppressWarnings("unchecked")
        private Map<UK, UV> live() throws Exception {
            long now = policy.now();
            Map<UK, UV> out = new LinkedHashMap<>();
            List<UK> expired = new ArrayList<>();
            for (Map.Entry<UK, Object> e : raw.entries()) {
                TtlValue t = (TtlValue) e.getValue();
                if (policy.expired(t, now)) {
                    expired.add(e.getKey());
                    if (policy.returnExpired) {
                        out.put(e.getKey(), (UV) t.value);
                    }
                } else {
                    out.put(e.getKey(), (UV) t.value);
                }
            }
            for (UK k : expired) {
                raw.remove(k);
            }
            if (policy.renewOnRead) {
                for (Map.Entry<UK, UV> e : out.entrySet()) {
                    raw.put(e.getKey(), new TtlValue(e.getValue(), now));
                }
            }
            return out;
        }

        @Override
        public Iterable<Map.Entry<UK, UV>> entries() throws Exception {
            return this::iteratorUnchecked;
        }

        private Iterator<Map.Entry<UK, UV>> iteratorUnchecked() {
            try {
                return iterator();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Iterable<UK> keys() throws Exception {
            return live().keySet();
        }

        @Override
        public Iterable<UV> values() throws Exception {
            return live().values();
        }

        /** Iterates the unexpired entries; {@code remove} and {@code setValue} act on the state. */
        @Override
        public Iterator<Map.Entry<UK, UV>> iterator() throws Exception {
            return new WritableEntries<>(live().entrySet().iterator(), (e, value) -> {
                e.setValue(value);
                unchecked(() -> put(e.getKey(), value));
            }, key -> unchecked(() -> raw.remove(key)));
        }

        @Override
        public boolean isEmpty() throws Exception {
            return live().isEmpty();
        }

        @Override
        public void clear() {
            raw.clear();
        }
    }
}
