package io.weir.runtime.serialization;

import io.weir.api.typeutils.TypeSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/** TEMPORARY placeholder until the serialization branch is merged (will be replaced wholesale). */
public final class Serializers {
    private Serializers() {}

    @SuppressWarnings("unchecked")
    public static <T> TypeSerializer<T> forClass(Class<T> type) {
        return (TypeSerializer<T>) dynamic();
    }

    public static TypeSerializer<Object> dynamic() {
        return new TypeSerializer<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public void serialize(Object value, DataOutput out) throws IOException {
                if (value instanceof Long) {
                    out.writeByte(1);
                    out.writeLong((Long) value);
                } else if (value instanceof Integer) {
                    out.writeByte(2);
                    out.writeInt((Integer) value);
                } else {
                    ByteArrayOutputStream b = new ByteArrayOutputStream();
                    try (ObjectOutputStream o = new ObjectOutputStream(b)) {
                        o.writeObject(value);
                    }
                    out.writeByte(3);
                    out.writeInt(b.size());
                    out.write(b.toByteArray());
                }
            }

            @Override
            public Object deserialize(DataInput in) throws IOException {
                int tag = in.readByte();
                if (tag == 1) {
                    return in.readLong();
                }
                if (tag == 2) {
                    return in.readInt();
                }
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                try (ObjectInputStream o = new ObjectInputStream(new ByteArrayInputStream(b))) {
                    return o.readObject();
                } catch (ClassNotFoundException e) {
                    throw new IOException(e);
                }
            }

            @Override
            public Object copy(Object value) {
                return value;
            }

            @Override
            public boolean isImmutableType() {
                return false;
            }

            @Override
            public TypeSerializer<Object> duplicate() {
                return this;
            }

            @Override
            public String snapshotIdentifier() {
                return "placeholder";
            }
        };
    }
}
