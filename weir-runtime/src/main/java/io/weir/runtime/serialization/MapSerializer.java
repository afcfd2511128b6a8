package io.weir.runtime.serialization;

import io.weir.api.typeutils.TypeSerializer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.ObjectStreamException;
import java.util.HashMap;
import java.util.Map;

/** Any {@code Map} as a size and dynamically typed key/value pairs; reads back a {@code HashMap}. */
final class MapSerializer extends AbstractSerializer<Map<Object, Object>> {
    private static final long serialVersionUID = 1L;

    private final transient TypeSerializer<Object> entries;

    MapSerializer(TypeSerializer<Object> entries) {
        this.entries = entries;
    }

    @Override
    void write(Map<Object, Object> value, DataOutput out) throws IOException {
        Io.writeVarInt(out, value.size());
        for (Map.Entry<Object, Object> entry : value.entrySet()) {
            entries.serialize(entry.getKey(), out);
            entries.serialize(entry.getValue(), out);
        }
    }

    @Override
    Map<Object, Object> read(DataInput in) throws IOException {
        int size = Io.readLength(in, "map");
        Map<Object, Object> map = new HashMap<>(Io.safeCapacity(size) * 4 / 3 + 1);
        for (int i = 0; i < size; i++) {
            Object key = entries.deserialize(in);
            map.put(key, entries.deserialize(in));
        }
        return map;
    }

    @Override
    Map<Object, Object> copyNonNull(Map<Object, Object> value) {
        Map<Object, Object> copy = new HashMap<>(value.size() * 4 / 3 + 1);
        for (Map.Entry<Object, Object> entry : value.entrySet()) {
            copy.put(entries.copy(entry.getKey()), entries.copy(entry.getValue()));
        }
        return copy;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public TypeSerializer<Map<Object, Object>> duplicate() {
        return (TypeSerializer) Serializers.forClass(Map.class);
    }

    @Override
    public String snapshotIdentifier() {
        return "map";
    }

    private Object writeReplace() throws ObjectStreamException {
        return new SerialProxy(Map.class);
    }
}
