package io.weir.runtime.serialization;

import io.weir.api.tuple.Tuple;
import io.weir.api.typeutils.TypeSerializer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.ObjectStreamException;

/** Exactly one of {@code Tuple0} to {@code Tuple25}; each field goes through the dynamic serializer. */
final class TupleSerializer<T extends Tuple> extends AbstractSerializer<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final int arity;
    private final transient TypeSerializer<Object> fields;

    @SuppressWarnings("unchecked")
    TupleSerializer(Class<?> type, TypeSerializer<Object> fields) {
        this.type = (Class<T>) type;
        int a = 0;
        while (Tuple.getTupleClass(a) != type) {
            a++; // getTupleClass throws past MAX_ARITY: only exact tuple classes get here
        }
        this.arity = a;
        this.fields = fields;
    }

    @SuppressWarnings("unchecked")
    private T newTuple() {
        return (T) Tuple.newInstance(arity);
    }

    @Override
    void write(T value, DataOutput out) throws IOException {
        if (value.getClass() != type) {
            throw new SerializationException("The '" + snapshotIdentifier() + "' serializer writes exactly "
                    + type.getName() + " but was given a " + value.getClass().getName()
                    + ", whose own fields would be lost; use Serializers.forClass(" + value.getClass().getSimpleName()
                    + ".class) or Serializers.dynamic().");
        }
        for (int i = 0; i < arity; i++) {
            fields.serialize(value.getField(i), out);
        }
    }

    @Override
    T read(DataInput in) throws IOException {
        T tuple = newTuple();
        for (int i = 0; i < arity; i++) {
            tuple.setField(fields.deserialize(in), i);
        }
        return tuple;
    }

    @Override
    T copyNonNull(T value) {
        T tuple = newTuple();
        for (int i = 0; i < arity; i++) {
            tuple.setField(fields.copy(value.getField(i)), i);
        }
        return tuple;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeSerializer<T> duplicate() {
        return (TypeSerializer<T>) Serializers.forClass(type);
    }

    @Override
    public String snapshotIdentifier() {
        return "tuple" + arity;
    }

    private Object writeReplace() throws ObjectStreamException {
        return new SerialProxy(type);
    }
}
