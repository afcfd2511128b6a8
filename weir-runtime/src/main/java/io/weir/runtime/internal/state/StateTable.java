package io.weir.runtime.internal.state;

import io.weir.api.state.StateDescriptor;
import io.weir.api.typeutils.TypeSerializer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of one keyed state, one hash map per key group of this subtask.
 *
 * <p>Copy-on-write at key-group granularity: a snapshot captures the current maps and marks them
 * shared; the first access that could change a shared map replaces it with a private copy
 * (deep for mutable containers). The captured maps are never written again, so I/O threads can
 * serialize them while the task thread keeps processing. Only the task thread calls the mutators.
 */
final class StateTable {
    final String name;
    final StateDescriptor.Type type;
    final TypeSerializer<Object> valueSerializer;   // elements for LIST, values for MAP
    final TypeSerializer<Object> mapKeySerializer;  // only for MAP
    private final int firstKeyGroup;
    private final HashMap<Object, Object>[] maps;
    private final boolean[] shared;
    private final boolean mutableValues;

    @SuppressWarnings("unchecked")
    StateTable(String name, StateDescriptor.Type type, TypeSerializer<Object> valueSerializer, TypeSerializer<Object> mapKeySerializer,
            int firstKeyGroup, int numKeyGroups) {
        this.name = name;
        this.type = type;
        this.valueSerializer = valueSerializer;
        this.mapKeySerializer = mapKeySerializer;
        this.firstKeyGroup = firstKeyGroup;
        this.maps = new HashMap[numKeyGroups];
        this.shared = new boolean[numKeyGroups];
        this.mutableValues = type == StateDescriptor.Type.LIST || type == StateDescriptor.Type.MAP || !valueSerializer.isImmutableType();
    }

    /** The map of a key group for reading; copies first if values are mutable and the map is shared. */
    HashMap<Object, Object> forRead(int keyGroup) {
        int i = keyGroup - firstKeyGroup;
        if (mutableValues && shared[i]) {
            return privatize(i);
        }
        return maps[i];
    }

    /** The map of a key group for writing, created or privatized as needed. */
    HashMap<Object, Object> forWrite(int keyGroup) {
        int i = keyGroup - firstKeyGroup;
        if (shared[i]) {
            return privatize(i);
        }
        HashMap<Object, Object> m = maps[i];
        if (m == null) {
            m = maps[i] = new HashMap<>();
        }
        return m;
    }

    private HashMap<Object, Object> privatize(int i) {
        HashMap<Object, Object> old = maps[i];
        HashMap<Object, Object> copy = old == null ? new HashMap<>() : new HashMap<>(old.size() * 4 / 3 + 1);
        if (old != null) {
            for (Map.Entry<Object, Object> e : old.entrySet()) {
                copy.put(e.getKey(), copyValue(e.getValue()));
            }
        }
        maps[i] = copy;
        shared[i] = false;
        return copy;
    }

    @SuppressWarnings("unchecked")
    private Object copyValue(Object v) {
        switch (type) {
            case LIST: {
                List<Object> l = (List<Object>) v;
                ArrayList<Object> c = new ArrayList<>(l.size());
                for (Object o : l) {
                    c.add(valueSerializer.isImmutableType() ? o : valueSerializer.copy(o));
                }
                return c;
            }
            case MAP: {
                Map<Object, Object> m = (Map<Object, Object>) v;
                HashMap<Object, Object> c = new HashMap<>(m.size() * 4 / 3 + 1);
                for (Map.Entry<Object, Object> e : m.entrySet()) {
                    c.put(e.getKey(), valueSerializer.isImmutableType() ? e.getValue() : valueSerializer.copy(e.getValue()));
                }
                return c;
            }
            default:
                return valueSerializer.isImmutableType() ? v : valueSerializer.copy(v);
        }
    }

    /** Takes over maps captured by a snapshot (local recovery); they stay shared, so the first write to one copies it. */
    void adopt(HashMap<Object, Object>[] captured) {
        for (int i = 0; i < maps.length && i < captured.length; i++) {
            maps[i] = captured[i];
            shared[i] = captured[i] != null;
        }
    }

    /** Captures the current maps for a snapshot and marks them shared. Task thread only. */
    @SuppressWarnings("unchecked")
    HashMap<Object, Object>[] capture() {
        HashMap<Object, Object>[] view = maps.clone();
        for (int i = 0; i < maps.length; i++) {
            if (maps[i] != null) {
                shared[i] = true;
            }
        }
        return view;
    }

    int numKeyGroups() {
        return maps.length;
    }

    int firstKeyGroup() {
        return firstKeyGroup;
    }

    long size() {
        long n = 0;
        for (HashMap<Object, Object> m : maps) {
            n += m == null ? 0 : m.size();
        }
        return n;
    }

    // ---- serialization of one key group's entries (used by snapshot writer and restore) ----

    @SuppressWarnings("unchecked")
    void writeEntries(Map<Object, Object> entries, TypeSerializer<Object> keySerializer, DataOutput out) throws IOException {
        out.writeInt(entries.size());
        for (Map.Entry<Object, Object> e : entries.entrySet()) {
            keySerializer.serialize(e.getKey(), out);
            Object v = e.getValue();
            switch (type) {
                case LIST: {
                    List<Object> l = (List<Object>) v;
                    out.writeInt(l.size());
                    for (Object o : l) {
                        valueSerializer.serialize(o, out);
                    }
                    break;
                }
                case MAP: {
                    Map<Object, Object> m = (Map<Object, Object>) v;
                    out.writeInt(m.size());
                    for (Map.Entry<Object, Object> me : m.entrySet()) {
                        mapKeySerializer.serialize(me.getKey(), out);
                        out.writeBoolean(me.getValue() != null);
                        if (me.getValue() != null) {
                            valueSerializer.serialize(me.getValue(), out);
                        }
                    }
                    break;
                }
                default:
                    valueSerializer.serialize(v, out);
            }
        }
    }

    void readEntries(int keyGroup, TypeSerializer<Object> keySerializer, DataInput in) throws IOException {
        int n = in.readInt();
        HashMap<Object, Object> m = forWrite(keyGroup);
        for (int i = 0; i < n; i++) {
            Object key = keySerializer.deserialize(in);
            Object value;
            switch (type) {
                case LIST: {
                    int size = in.readInt();
                    ArrayList<Object> l = new ArrayList<>(size);
                    for (int j = 0; j < size; j++) {
                        l.add(valueSerializer.deserialize(in));
                    }
                    value = l;
                    break;
                }
                case MAP: {
                    int size = in.readInt();
                    HashMap<Object, Object> mm = new HashMap<>(size * 4 / 3 + 1);
                    for (int j = 0; j < size; j++) {
                        Object k = mapKeySerializer.deserialize(in);
                        mm.put(k, in.readBoolean() ? valueSerializer.deserialize(in) : null);
                    }
                    value = mm;
                    break;
                }
                default:
                    value = valueSerializer.deserialize(in);
            }
            m.put(key, value);
        }
    }
}
