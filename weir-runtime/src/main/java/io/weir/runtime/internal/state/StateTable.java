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
 *
 * <p>Ownership: with object reuse disabled, a mutable value (element, map value, map key) handed in
 * by user code is copied with its serializer before it is stored ({@link #toStore}), so the caller may
 * reuse its object. The one exception is the object the table already holds at that place: it came
 * from a read of this table, and reads of a key group shared with a snapshot privatize it first, so
 * nobody else holds that object and storing it again needs no copy (read, modify, update).
 */
final class StateTable {
    final String name;
    final StateDescriptor.Type type;
    final TypeSerializer<Object> valueSerializer;   // elements for LIST, values for MAP
    final TypeSerializer<Object> mapKeySerializer;  // only for MAP
    private final int firstKeyGroup;
    private final KeyMap[] maps;
    private final boolean[] shared;
    private final boolean mutableValues;
    /** Object reuse is off and values (elements for LIST) are mutable: they are copied before they are stored. */
    final boolean copyValues;
    /** Object reuse is off and MAP keys are mutable: a key new to a map is copied before it is stored. */
    final boolean copyMapKeys;

    /** @param copyOnStore copy mutable values handed in (object reuse is off); when false nothing handed in is copied */
    StateTable(String name, StateDescriptor.Type type, TypeSerializer<Object> valueSerializer, TypeSerializer<Object> mapKeySerializer,
            int firstKeyGroup, int numKeyGroups, boolean copyOnStore) {
        this.name = name;
        this.type = type;
        this.valueSerializer = valueSerializer;
        this.mapKeySerializer = mapKeySerializer;
        this.firstKeyGroup = firstKeyGroup;
        this.maps = new KeyMap[numKeyGroups];
        this.shared = new boolean[numKeyGroups];
        this.mutableValues = type == StateDescriptor.Type.LIST || type == StateDescriptor.Type.MAP || !valueSerializer.isImmutableType();
        this.copyValues = copyOnStore && !valueSerializer.isImmutableType();
        this.copyMapKeys = copyOnStore && mapKeySerializer != null && !mapKeySerializer.isImmutableType();
    }

    /**
     * What to store for the non-null value {@code v} handed in by user code, where the table holds
     * {@code held} (or null): {@code v} itself when it is that very object, immutable, or the table
     * does not copy (object reuse is on); otherwise a copy.
     */
    Object toStore(Object v, Object held) {
        return copyValues && v != held ? valueSerializer.copy(v) : v;
    }

    /** What to store for a MAP key new to its map (see {@link #toStore}). */
    Object keyToStore(Object key) {
        return copyMapKeys ? mapKeySerializer.copy(key) : key;
    }

    /**
     * Holder of one value of VALUE, REDUCING and AGGREGATING state, so that an update right after a read of the
     * same key writes through the holder instead of hashing again. A holder in a shared map is
     * never written (the map is privatized first, which copies the holders).
     */
    static final class Box {
        Object value;

        Box(Object value) {
            this.value = value;
        }
    }

    boolean isBoxed() {
        return type == StateDescriptor.Type.VALUE || type == StateDescriptor.Type.REDUCING || type == StateDescriptor.Type.AGGREGATING;
    }

    /** The current map of a key group (no copying), or null. */
    KeyMap current(int keyGroup) {
        return maps[keyGroup - firstKeyGroup];
    }

    boolean isShared(int keyGroup) {
        return shared[keyGroup - firstKeyGroup];
    }

    /** The map of a key group for reading; copies first if values are mutable and the map is shared. */
    KeyMap forRead(int keyGroup) {
        int i = keyGroup - firstKeyGroup;
        if (mutableValues && shared[i]) {
            return privatize(i);
        }
        return maps[i];
    }

    /** The map of a key group for writing, created or privatized as needed. */
    KeyMap forWrite(int keyGroup) {
        int i = keyGroup - firstKeyGroup;
        if (shared[i]) {
            return privatize(i);
        }
        KeyMap m = maps[i];
        if (m == null) {
            m = maps[i] = new KeyMap();
        }
        return m;
    }

    private KeyMap privatize(int i) {
        KeyMap old = maps[i];
        KeyMap copy = old == null ? new KeyMap() : old.copy(this::copyValue);
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
            default: {
                Object inner = ((Box) v).value;
                return new Box(valueSerializer.isImmutableType() ? inner : valueSerializer.copy(inner));
            }
        }
    }

    /** Takes over maps captured by a snapshot (local recovery); they stay shared, so the first write to one copies it. */
    void adopt(KeyMap[] captured) {
        for (int i = 0; i < maps.length && i < captured.length; i++) {
            maps[i] = captured[i];
            shared[i] = captured[i] != null;
        }
    }

    /** Captures the current maps for a snapshot and marks them shared. Task thread only. */
    KeyMap[] capture() {
        KeyMap[] view = maps.clone();
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
        for (KeyMap m : maps) {
            n += m == null ? 0 : m.size();
        }
        return n;
    }

    // ---- serialization of one key group's entries (used by snapshot writer and restore) ----

    @SuppressWarnings("unchecked")
    /**
     * Writes one key group's entries. The serializers are passed in (not this table's own) so that an
     * I/O thread can use duplicates of them while the task thread keeps using the table.
     */
    void writeEntries(Map<Object, Object> entries, TypeSerializer<Object> keySerializer, TypeSerializer<Object> valueSerializer,
            TypeSerializer<Object> mapKeySerializer, DataOutput out) throws IOException {
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
                    valueSerializer.serialize(((Box) v).value, out);
            }
        }
    }

    void readEntries(int keyGroup, TypeSerializer<Object> keySerializer, DataInput in) throws IOException {
        int n = in.readInt();
        KeyMap m = forWrite(keyGroup);
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
                    value = new Box(valueSerializer.deserialize(in));
            }
            m.put(key, value);
        }
    }
}
