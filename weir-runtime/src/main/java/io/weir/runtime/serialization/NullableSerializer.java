package io.weir.runtime.serialization;

import io.weir.api.typeutils.TypeSerializer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A field of an exact type: a null flag byte, then the value in its built-in format. The inner
 * serializer is looked up on first use so that recursive record and POJO types can be built.
 */
final class NullableSerializer extends AbstractSerializer<Object> {
    private static final long serialVersionUID = 1L;

    private final transient SerializerBuilder builder;
    private final Class<?> type;
    private transient TypeSerializer<Object> inner;

    NullableSerializer(SerializerBuilder builder, Class<?> type) {
        this.builder = builder;
        this.type = type;
    }

    @SuppressWarnings("unchecked")
    private TypeSerializer<Object> inner() {
        if (inner == null) {
            inner = (TypeSerializer<Object>) builder.build(type);
        }
        return inner;
    }

    @Override
    boolean acceptsNull() {
        return true;
    }

    @Override
    void write(Object value, DataOutput out) throws IOException {
        if (value == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            inner().serialize(value, out);
        }
    }

    @Override
    Object read(DataInput in) throws IOException {
        int flag = in.readUnsignedByte();
        if (flag == 0) {
            return null;
        }
        if (flag != 1) {
            throw Io.corrupt("null flag " + flag + " (expected 0 or 1) before a " + type.getName());
        }
        return inner().deserialize(in);
    }

    @Override
    Object copyNonNull(Object value) {
        return inner().copy(value);
    }

    @Override
    public boolean isImmutableType() {
        return TypeAnalysis.isImmutable(type);
    }

    @Override
    public TypeSerializer<Object> duplicate() {
        return new NullableSerializer(new SerializerBuilder(builder.classLoader()), type);
    }

    @Override
    public String snapshotIdentifier() {
        return "nullable:" + type.getName();
    }
}
