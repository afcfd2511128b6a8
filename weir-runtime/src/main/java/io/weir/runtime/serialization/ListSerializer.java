package io.weir.runtime.serialization;

import io.weir.api.typeutils.TypeSerializer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.ObjectStreamException;
import java.util.ArrayList;
import java.util.List;

/** Any {@code List} as a size and dynamically typed elements; reads back an {@code ArrayList}. */
final class ListSerializer extends AbstractSerializer<List<Object>> {
    private static final long serialVersionUID = 1L;

    private final transient TypeSerializer<Object> elements;

    ListSerializer(TypeSerializer<Object> elements) {
        this.elements = elements;
    }

    @Override
    void write(List<Object> value, DataOutput out) throws IOException {
        Io.writeVarInt(out, value.size());
        for (Object element : value) {
            elements.serialize(element, out);
        }
    }

    @Override
    List<Object> read(DataInput in) throws IOException {
        int size = Io.readLength(in, "list");
        List<Object> list = new ArrayList<>(Io.safeCapacity(size));
        for (int i = 0; i < size; i++) {
            list.add(elements.deserialize(in));
        }
        return list;
    }

    @Override
    List<Object> copyNonNull(List<Object> value) {
        List<Object> copy = new ArrayList<>(value.size());
        for (Object element : value) {
            copy.add(elements.copy(element));
        }
        return copy;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public TypeSerializer<List<Object>> duplicate() {
        return (TypeSerializer) Serializers.forClass(List.class);
    }

    @Override
    public String snapshotIdentifier() {
        return "list";
    }

    private Object writeReplace() throws ObjectStreamException {
        return new SerialProxy(List.class);
    }
}
