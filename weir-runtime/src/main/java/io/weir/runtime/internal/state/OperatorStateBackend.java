package io.weir.runtime.internal.state;

import io.weir.api.state.BroadcastState;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.OperatorStateStore;
import io.weir.api.typeutils.TypeSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operator (non-keyed) state of one subtask: list state and broadcast state. Small by nature, so a snapshot serializes
 * it synchronously into element blobs (each list element, or each broadcast map entry, separately, so that a restore
 * at another parallelism can deal the elements out without knowing their type).
 */
public final class OperatorStateBackend implements OperatorStateStore {
    private final String operatorName;
    private final Map<String, Entry> states = new LinkedHashMap<>();
    private final Map<String, BroadcastEntry> broadcastStates = new LinkedHashMap<>();
    private final Map<String, RestoredState.ListStateData> restored = new LinkedHashMap<>();

    private static final class Entry {
        final boolean union;
        final TypeSerializer<Object> serializer;
        final ArrayList<Object> elements = new ArrayList<>();
        final ListState<Object> handle;

        Entry(boolean union, TypeSerializer<Object> serializer, ListState<Object> handle) {
            this.union = union;
            this.serializer = serializer;
            this.handle = handle;
        }
    }

    /** Serialized operator state: name to (union?, element blobs). */
    public record Snapshot(Map<String, RestoredState.ListStateData> states) {}

    public OperatorStateBackend(String operatorName) {
        this.operatorName = operatorName;
    }

    public void restore(RestoredState state) {
        restored.putAll(state.listStates);
    }

    @Override
    public <S> ListState<S> getListState(ListStateDescriptor<S> descriptor) {
        return register(descriptor, false);
    }

    @Override
    public <S> ListState<S> getUnionListState(ListStateDescriptor<S> descriptor) {
        return register(descriptor, true);
    }

    /** Registers list state with an explicit serializer (used for source splits). */
    @SuppressWarnings("unchecked")
    public <S> ListState<S> getListState(String name, TypeSerializer<S> serializer, boolean union) {
        Entry e = states.get(name);
        if (e == null) {
            e = newEntry(name, (TypeSerializer<Object>) serializer, union);
        } else if (e.union != union) {
            throw new IllegalStateException("Operator '" + operatorName + "' registers list state '" + name + "' as "
                    + (union ? "union" : "split") + " list state, but it exists as " + (e.union ? "union" : "split") + " list state.");
        }
        return (ListState<S>) e.handle;
    }

    private <S> ListState<S> register(ListStateDescriptor<S> descriptor, boolean union) {
        return getListState(descriptor.getName(), StateSerializers.valueSerializer(descriptor), union);
    }

    private Entry newEntry(String name, TypeSerializer<Object> serializer, boolean union) {
        final Entry[] self = new Entry[1];
        ListState<Object> handle = new ListState<>() {
            @Override
            public Iterable<Object> get() {
                return Collections.unmodifiableList(self[0].elements);
            }

            @Override
            public void add(Object value) {
                if (value == null) {
                    throw new NullPointerException("Operator list state '" + name + "' of '" + operatorName + "' cannot hold null elements.");
                }
                self[0].elements.add(value);
            }

            @Override
            public void update(List<Object> values) {
                self[0].elements.clear();
                for (Object v : values) {
                    add(v);
                }
            }

            @Override
            public void addAll(List<Object> values) {
                for (Object v : values) {
                    add(v);
                }
            }

            @Override
            public void clear() {
                self[0].elements.clear();
            }
        };
        Entry e = new Entry(union, serializer, handle);
        self[0] = e;
        if (broadcastStates.containsKey(name)) {
            throw new IllegalStateException("Operator '" + operatorName + "' registers list state '" + name
                    + "', but broadcast state of that name exists; operator state names must be unique per operator.");
        }
        RestoredState.ListStateData data = restored.remove(name);
        if (data != null) {
            String kind = union ? "union list" : "list";
            StateCompatibility.check(operatorName, name, kindName(data.mode()), data.serializerId(), kind, serializer.snapshotIdentifier());
            for (byte[] b : data.elements()) {
                try {
                    e.elements.add(serializer.deserialize(new DataInputStream(new ByteArrayInputStream(b))));
                } catch (IOException ex) {
                    throw new UncheckedIOException("Could not restore list state '" + name + "' of operator '" + operatorName + "': "
                            + ex.getMessage() + ". Was its type or serializer changed?", ex);
                }
            }
        }
        states.put(name, e);
        return e;
    }

    private static String kindName(RestoredState.Mode mode) {
        switch (mode) {
            case UNION: return "union list";
            case BROADCAST: return "broadcast";
            default: return "list";
        }
    }

    /** Broadcast state registered under one name: a map, with the serializers of its keys and values. */
    private static final class BroadcastEntry {
        final TypeSerializer<Object> keySerializer;
        final TypeSerializer<Object> valueSerializer;
        final HashMap<Object, Object> map = new HashMap<>();
        final HeapBroadcastState<Object, Object> handle;
        final io.weir.api.state.ReadOnlyBroadcastState<Object, Object> readOnly;

        BroadcastEntry(String operatorName, String name, TypeSerializer<Object> keySerializer, TypeSerializer<Object> valueSerializer) {
            this.keySerializer = keySerializer;
            this.valueSerializer = valueSerializer;
            this.handle = new HeapBroadcastState<>(operatorName, name, map);
            this.readOnly = handle.readOnly();
        }

        String serializerId() {
            return StateCompatibility.identifier(valueSerializer, keySerializer);
        }
    }

    /**
     * The broadcast state described by {@code descriptor}, created (or restored) on first use. Every subtask holds its
     * own copy; Weir trusts the user to change it only in the same deterministic way on all subtasks (from the broadcast
     * input), as Flink does. Task thread only.
     *
     * @throws IllegalStateException if list state of the same name exists, or the restored state has another type
     */
    @Override
    @SuppressWarnings("unchecked")
    public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
        String name = descriptor.getName();
        BroadcastEntry e = broadcastStates.get(name);
        if (e != null) {
            return (BroadcastState<K, V>) e.handle;
        }
        if (states.containsKey(name)) {
            throw new IllegalStateException("Operator '" + operatorName + "' registers broadcast state '" + name
                    + "', but list state of that name exists; operator state names must be unique per operator.");
        }
        e = new BroadcastEntry(operatorName, name, StateSerializers.mapKeySerializer(descriptor), StateSerializers.valueSerializer(descriptor));
        RestoredState.ListStateData data = restored.remove(name);
        if (data != null) {
            StateCompatibility.check(operatorName, name, kindName(data.mode()), data.serializerId(), "broadcast", e.serializerId());
            for (byte[] b : data.elements()) {
                try {
                    DataInputStream in = new DataInputStream(new ByteArrayInputStream(b));
                    Object key = e.keySerializer.deserialize(in);
                    e.map.put(key, e.valueSerializer.deserialize(in));
                } catch (IOException ex) {
                    throw new UncheckedIOException("Could not restore broadcast state '" + name + "' of operator '" + operatorName + "': "
                            + ex.getMessage() + ". Was its type or serializer changed?", ex);
                }
            }
        }
        broadcastStates.put(name, e);
        return (BroadcastState<K, V>) e.handle;
    }

    /** The read-only view of the broadcast state {@code descriptor} names, registered as {@link #getBroadcastState} does. */
    @SuppressWarnings("unchecked")
    public <K, V> io.weir.api.state.ReadOnlyBroadcastState<K, V> getReadOnlyBroadcastState(MapStateDescriptor<K, V> descriptor) {
        getBroadcastState(descriptor);
        return (io.weir.api.state.ReadOnlyBroadcastState<K, V>) broadcastStates.get(descriptor.getName()).readOnly;
    }

    /** Serializes all operator state now (synchronous part of a snapshot). */
    public Snapshot snapshot() throws IOException {
        Map<String, RestoredState.ListStateData> out = new LinkedHashMap<>();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(buf);
        for (Map.Entry<String, Entry> s : states.entrySet()) {
            List<byte[]> blobs = new ArrayList<>(s.getValue().elements.size());
            for (Object o : s.getValue().elements) {
                buf.reset();
                s.getValue().serializer.serialize(o, data);
                data.flush();
                blobs.add(buf.toByteArray());
            }
            out.put(s.getKey(), new RestoredState.ListStateData(s.getValue().union ? RestoredState.Mode.UNION : RestoredState.Mode.SPLIT_DISTRIBUTE,
                    blobs, s.getValue().serializer.snapshotIdentifier()));
        }
        for (Map.Entry<String, BroadcastEntry> b : broadcastStates.entrySet()) {
            BroadcastEntry e = b.getValue();
            List<byte[]> blobs = new ArrayList<>(e.map.size());
            for (Map.Entry<Object, Object> kv : e.map.entrySet()) {
                buf.reset();
                e.keySerializer.serialize(kv.getKey(), data);
                e.valueSerializer.serialize(kv.getValue(), data);
                data.flush();
                blobs.add(buf.toByteArray());
            }
            out.put(b.getKey(), new RestoredState.ListStateData(RestoredState.Mode.BROADCAST, blobs, e.serializerId()));
        }
        out.putAll(restored);
        return new Snapshot(out);
    }
}
