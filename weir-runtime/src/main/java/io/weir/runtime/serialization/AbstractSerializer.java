package io.weir.runtime.serialization;

import io.weir.api.typeutils.TypeSerializer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;

/**
 * Common edges of the built-in serializers: null handling, and turning what goes wrong while
 * reading into a {@link SerializationException} or an {@link EOFException} that names the format.
 */
abstract class AbstractSerializer<T> implements TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public final void serialize(T value, DataOutput out) throws IOException {
        if (value == null && !acceptsNull()) {
            throw new SerializationException("The '" + snapshotIdentifier() + "' serializer cannot write null. "
                    + "Null is accepted in tuple, POJO and record fields, list elements and map entries, and by "
                    + "Serializers.dynamic(); for a top-level null, give the state descriptor a TypeSerializer that "
                    + "writes it.");
        }
        try {
            write(value, out);
        } catch (ClassCastException e) {
            throw new SerializationException("The '" + snapshotIdentifier() + "' serializer was given a value of "
                    + value.getClass().getName() + ", which it cannot write (" + e.getMessage() + "). "
                    + "Use the serializer of the value's class (Serializers.forClass) or Serializers.dynamic().", e);
        }
    }

    @Override
    public final T deserialize(DataInput in) throws IOException {
        try {
            return read(in);
        } catch (EOFException e) {
            throw Io.truncated(snapshotIdentifier(), e);
        } catch (SerializationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SerializationException("Corrupt input while reading a value in format '" + snapshotIdentifier()
                    + "' (" + e + "). The bytes are damaged or were written by a different serializer.", e);
        }
    }

    @Override
    public final T copy(T value) {
        return value == null ? null : copyNonNull(value);
    }

    /** Whether {@link #serialize} accepts {@code null}; a serializer that says so must handle it in write. */
    boolean acceptsNull() {
        return false;
    }

    abstract void write(T value, DataOutput out) throws IOException;

    abstract T read(DataInput in) throws IOException;

    abstract T copyNonNull(T value);

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + snapshotIdentifier() + ")";
    }
}
