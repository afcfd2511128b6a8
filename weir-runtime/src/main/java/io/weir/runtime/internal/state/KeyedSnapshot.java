package io.weir.runtime.internal.state;

import io.weir.api.typeutils.TypeSerializer;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The keyed state of one operator subtask as of a barrier: copy-on-write views that I/O threads
 * serialize while the task goes on. Restored-but-unregistered state is carried over as bytes.
 */
public final class KeyedSnapshot {
    /** A table and the maps captured from it. */
    record TableView(StateTable table, KeyMap[] maps) {}

    private final int firstKeyGroup;
    private final int lastKeyGroup;
    private final TypeSerializer<Object> keySerializer;
    private final Map<String, TableView> views;
    private final Map<String, RestoredState.KeyedStateData> carriedOver;

    KeyedSnapshot(int firstKeyGroup, int lastKeyGroup, TypeSerializer<Object> keySerializer, Map<String, TableView> views,
            Map<String, RestoredState.KeyedStateData> carriedOver) {
        this.firstKeyGroup = firstKeyGroup;
        this.lastKeyGroup = lastKeyGroup;
        this.keySerializer = keySerializer;
        this.views = views;
        this.carriedOver = carriedOver;
    }

    Map<String, TableView> views() {
        return views;
    }

    Map<String, RestoredState.KeyedStateData> carriedOver() {
        return carriedOver;
    }

    public int firstKeyGroup() {
        return firstKeyGroup;
    }

    public int lastKeyGroup() {
        return lastKeyGroup;
    }

    /** Callback receiving (state name, type, key group, serialized entries) for every non-empty key group. */
    public interface KeyGroupSink {
        void accept(String state, byte type, String serializerId, int keyGroup, byte[] entries) throws IOException;
    }

    /** Serializes every key group of every state; runs on an I/O thread. */
    public void write(KeyGroupSink sink) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(4096);
        DataOutputStream out = new DataOutputStream(buf);
        for (TableView v : views.values()) {
            StateTable t = v.table();
            TypeSerializer<Object> values = t.valueSerializer.duplicate();
            TypeSerializer<Object> mapKeys = t.mapKeySerializer == null ? null : t.mapKeySerializer.duplicate();
            String serializerId = StateCompatibility.identifier(values, mapKeys);
            for (int i = 0; i < v.maps().length; i++) {
                KeyMap m = v.maps()[i];
                if (m == null || m.isEmpty()) {
                    continue;
                }
                buf.reset();
                t.writeEntries(m, keySerializer, values, mapKeys, out);
                out.flush();
                sink.accept(t.name, (byte) t.type.ordinal(), serializerId, t.firstKeyGroup() + i, buf.toByteArray());
            }
        }
        for (Map.Entry<String, RestoredState.KeyedStateData> e : carriedOver.entrySet()) {
            for (Map.Entry<Integer, byte[]> kg : e.getValue().keyGroups().entrySet()) {
                sink.accept(e.getKey(), e.getValue().type(), e.getValue().serializerId(), kg.getKey(), kg.getValue());
            }
        }
    }
}
