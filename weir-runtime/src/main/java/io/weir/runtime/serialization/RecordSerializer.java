package io.weir.runtime.serialization;

import io.weir.api.typeutils.TypeSerializer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.ObjectStreamException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * A record as its components in declaration order, read back through the canonical constructor.
 * Immutable (copy is identity) when every component type is immutable; otherwise copy rebuilds the
 * record from deep copies of its components.
 */
final class RecordSerializer<T> extends AbstractSerializer<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final transient String[] names;
    private final transient Method[] accessors;
    private final transient TypeSerializer<Object>[] components;
    private final transient Constructor<T> constructor;
    private final boolean immutable;

    @SuppressWarnings("unchecked")
    RecordSerializer(Class<?> type, SerializerBuilder builder) {
        this.type = (Class<T>) type;
        RecordComponent[] rc = type.getRecordComponents();
        names = new String[rc.length];
        accessors = new Method[rc.length];
        components = new TypeSerializer[rc.length];
        Class<?>[] types = new Class<?>[rc.length];
        try {
            for (int i = 0; i < rc.length; i++) {
                names[i] = rc[i].getName();
                types[i] = rc[i].getType();
                accessors[i] = rc[i].getAccessor();
                accessors[i].setAccessible(true);
                components[i] = builder.forField(types[i]);
            }
            constructor = this.type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new SerializationException("Cannot use the components of record " + type.getName() + ": " + e
                    + ". Open its package to Weir, or give the state descriptor a TypeSerializer.", e);
        }
        immutable = TypeAnalysis.isImmutable(type);
    }

    @Override
    void write(T value, DataOutput out) throws IOException {
        for (int i = 0; i < components.length; i++) {
            Object component = get(value, i);
            try {
                components[i].serialize(component, out);
            } catch (SerializationException e) {
                throw Io.inField(type, names[i], e);
            }
        }
    }

    @Override
    T read(DataInput in) throws IOException {
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            try {
                values[i] = components[i].deserialize(in);
            } catch (SerializationException e) {
                throw Io.inField(type, names[i], e);
            }
        }
        return construct(values, "read");
    }

    @Override
    T copyNonNull(T value) {
        if (immutable) {
            return value;
        }
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            try {
                values[i] = components[i].copy(get(value, i));
            } catch (SerializationException e) {
                throw Io.inField(type, names[i], e);
            }
        }
        return construct(values, "copied");
    }

    private Object get(T value, int i) {
        try {
            return accessors[i].invoke(value);
        } catch (InvocationTargetException e) {
            throw new SerializationException("The accessor " + names[i] + "() of record " + type.getName()
                    + " threw " + e.getCause() + "; a record accessor used for serialization must not throw.", e);
        } catch (IllegalAccessException e) {
            throw new SerializationException("Cannot call " + names[i] + "() of record " + type.getName() + ": " + e, e);
        }
    }

    private T construct(Object[] values, String how) {
        try {
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new SerializationException("The canonical constructor of record " + type.getName()
                    + " rejected the component values " + how + ": " + e.getCause()
                    + ". The bytes may be damaged, or the record's validation changed since they were written.", e);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw Io.corrupt("the component values " + how + " do not fit the canonical constructor of record "
                    + type.getName() + " (" + e + ")");
        }
    }

    @Override
    public boolean isImmutableType() {
        return immutable;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return Serializers.forClass(type);
    }

    @Override
    public String snapshotIdentifier() {
        return "record:" + type.getName();
    }

    private Object writeReplace() throws ObjectStreamException {
        return new SerialProxy(type);
    }
}
