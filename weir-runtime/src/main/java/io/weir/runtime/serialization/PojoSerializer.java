package io.weir.runtime.serialization;

import io.weir.api.typeutils.TypeSerializer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.ObjectStreamException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.List;

/**
 * A POJO (see {@link Serializers}) as its fields in name order, accessed directly rather than
 * through getters and setters so that accessor side effects do not run. Mutable: copy creates a
 * new instance with deep copies of the fields. Writes exactly the class it was built for.
 */
final class PojoSerializer<T> extends AbstractSerializer<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final transient Constructor<T> constructor;
    private final transient Field[] fields;
    private final transient TypeSerializer<Object>[] serializers;
    /** Per field: the JVM descriptor of a primitive type ('J', 'I', ...), read and written without boxing; else 0. */
    private final transient char[] primitives;

    @SuppressWarnings("unchecked")
    PojoSerializer(Class<?> type, SerializerBuilder builder) {
        this.type = (Class<T>) type;
        TypeAnalysis.PojoInfo info = TypeAnalysis.pojo(type);
        constructor = (Constructor<T>) info.constructor;
        List<Field> list = info.fields;
        fields = list.toArray(new Field[0]);
        serializers = new TypeSerializer[fields.length];
        primitives = new char[fields.length];
        for (int i = 0; i < fields.length; i++) {
            serializers[i] = builder.forField(fields[i].getType());
            primitives[i] = descriptor(fields[i].getType());
        }
    }

    @Override
    void write(T value, DataOutput out) throws IOException {
        if (value.getClass() != type) {
            throw new SerializationException("The '" + snapshotIdentifier() + "' serializer writes exactly "
                    + type.getName() + " but was given a " + value.getClass().getName()
                    + ", whose own fields would be lost; use Serializers.dynamic() for a field or state that holds"
                    + " subclasses.");
        }
        for (int i = 0; i < fields.length; i++) {
            try {
                if (primitives[i] != 0) {
                    writePrimitive(fields[i], primitives[i], value, out);
                } else {
                    serializers[i].serialize(fields[i].get(value), out);
                }
            } catch (SerializationException e) {
                throw Io.inField(type, fields[i].getName(), e);
            } catch (IllegalAccessException e) {
                throw new SerializationException("Cannot read field " + fields[i] + ": " + e, e);
            }
        }
    }

    @Override
    T read(DataInput in) throws IOException {
        T pojo = newInstance();
        for (int i = 0; i < fields.length; i++) {
            if (primitives[i] != 0) {
                readPrimitive(fields[i], primitives[i], pojo, in);
                continue;
            }
            Object fieldValue;
            try {
                fieldValue = serializers[i].deserialize(in);
            } catch (SerializationException e) {
                throw Io.inField(type, fields[i].getName(), e);
            }
            set(pojo, i, fieldValue);
        }
        return pojo;
    }

    @Override
    T copyNonNull(T value) {
        T copy = newInstance();
        for (int i = 0; i < fields.length; i++) {
            try {
                if (primitives[i] != 0) {
                    fields[i].set(copy, fields[i].get(value)); // boxes, but copy is not the serialization path
                    continue;
                }
                set(copy, i, serializers[i].copy(fields[i].get(value)));
            } catch (SerializationException e) {
                throw Io.inField(type, fields[i].getName(), e);
            } catch (IllegalAccessException e) {
                throw new SerializationException("Cannot read field " + fields[i] + ": " + e, e);
            }
        }
        return copy;
    }

    private static char descriptor(Class<?> type) {
        if (!type.isPrimitive()) {
            return 0;
        }
        return type == long.class ? 'J' : type == int.class ? 'I' : type == double.class ? 'D'
                : type == float.class ? 'F' : type == short.class ? 'S' : type == byte.class ? 'B'
                : type == char.class ? 'C' : 'Z';
    }

    private static void writePrimitive(Field field, char kind, Object pojo, DataOutput out)
            throws IOException, IllegalAccessException {
        switch (kind) {
            case 'J': out.writeLong(field.getLong(pojo)); break;
            case 'I': out.writeInt(field.getInt(pojo)); break;
            case 'D': out.writeLong(Double.doubleToRawLongBits(field.getDouble(pojo))); break;
            case 'F': out.writeInt(Float.floatToRawIntBits(field.getFloat(pojo))); break;
            case 'S': out.writeShort(field.getShort(pojo)); break;
            case 'B': out.writeByte(field.getByte(pojo)); break;
            case 'C': out.writeChar(field.getChar(pojo)); break;
            default: out.writeBoolean(field.getBoolean(pojo));
        }
    }

    private void readPrimitive(Field field, char kind, Object pojo, DataInput in) throws IOException {
        try {
            switch (kind) {
                case 'J': field.setLong(pojo, in.readLong()); break;
                case 'I': field.setInt(pojo, in.readInt()); break;
                case 'D': field.setDouble(pojo, Double.longBitsToDouble(in.readLong())); break;
                case 'F': field.setFloat(pojo, Float.intBitsToFloat(in.readInt())); break;
                case 'S': field.setShort(pojo, in.readShort()); break;
                case 'B': field.setByte(pojo, in.readByte()); break;
                case 'C': field.setChar(pojo, in.readChar()); break;
                default: field.setBoolean(pojo, BasicSerializers.BOOLEAN.deserialize(in));
            }
        } catch (IllegalAccessException e) {
            throw new SerializationException("Cannot set field " + field + ": " + e, e);
        }
    }

    private T newInstance() {
        try {
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new SerializationException("The public no-arg constructor of POJO " + type.getName() + " threw "
                    + cause + "; a POJO's constructor must succeed for it to be deserialized or copied.", e);
        }
    }

    private void set(T pojo, int i, Object fieldValue) {
        try {
            fields[i].set(pojo, fieldValue);
        } catch (IllegalArgumentException | IllegalAccessException e) {
            throw Io.corrupt("field " + type.getName() + "." + fields[i].getName() + " of type "
                    + fields[i].getType().getName() + " cannot hold the value read, a "
                    + (fieldValue == null ? "null" : fieldValue.getClass().getName()));
        }
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return Serializers.forClass(type);
    }

    @Override
    public String snapshotIdentifier() {
        return "pojo:" + type.getName();
    }

    private Object writeReplace() throws ObjectStreamException {
        return new SerialProxy(type);
    }
}
