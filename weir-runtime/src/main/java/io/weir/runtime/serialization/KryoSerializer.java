package io.weir.runtime.serialization;

import io.weir.api.typeutils.TypeSerializer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** The generic fallback for classes without a built-in serializer; accepts null and subclasses. */
final class KryoSerializer<T> extends AbstractSerializer<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private transient KryoCodec codec;

    KryoSerializer(Class<T> type) {
        this.type = type;
    }

    private KryoCodec codec() {
        if (codec == null) {
            ClassLoader loader = type.getClassLoader();
            codec = new KryoCodec(loader != null ? loader : Serializers.defaultClassLoader());
        }
        return codec;
    }

    @Override
    boolean acceptsNull() {
        return true;
    }

    @Override
    void write(T value, DataOutput out) throws IOException {
        codec().write(value, out, type);
    }

    @Override
    T read(DataInput in) throws IOException {
        Object value = codec().read(in, type);
        if (value != null && !type.isInstance(value)) {
            throw Io.corrupt("expected a " + type.getName() + " but the bytes hold a " + value.getClass().getName());
        }
        return type.cast(value);
    }

    @Override
    T copyNonNull(T value) {
        return codec().copy(value, type);
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return new KryoSerializer<>(type);
    }

    @Override
    public String snapshotIdentifier() {
        return "kryo:" + type.getName();
    }
}
