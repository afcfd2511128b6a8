package io.weir.runtime.internal.state;

import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operator (non-keyed) list state of one subtask. Small by nature, so a snapshot serializes it
 * synchronously into element blobs (each element separately, so that a restore at another
 * parallelism can deal the elements out without knowing their type).
 */
public final class OperatorStateBackend implements OperatorStateStore {
    private final String operatorName;
    private final Map<String, Entry> states = new LinkedHashMap<>();
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
        RestoredState.ListStateData data = restored.remove(name);
        if (data != null) {
            StateCompatibility.check(operatorName, name, data.union() ? "union list" : "list", data.serializerId(),
                    data.union() ? "union list" : "list", serializer.snapshotIdentifier());
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

    /** Serializes all list state now (synchronous part of a snapshot). */
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
            out.put(s.getKey(), new RestoredState.ListStateData(s.getValue().union, blobs, s.getValue().serializer.snapshotIdentifier()));
        }
        out.putAll(restored);
        return new Snapshot(out);
    }
}
