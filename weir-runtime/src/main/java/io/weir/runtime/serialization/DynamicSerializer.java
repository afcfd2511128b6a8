package io.weir.runtime.serialization;

import io.weir.api.tuple.Tuple;
import io.weir.api.typeutils.TypeSerializer;
import io.weir.runtime.serialization.TypeAnalysis.Kind;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.ObjectStreamException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Values of any class: a one-byte tag, then the value. Enums, records and POJOs also write their
 * class name. Lists other than {@code ArrayList} and maps other than {@code HashMap} go to Kryo, so
 * that they read back as the class they were.
 *
 * <pre>
 * tag  value                          tag  value
 *  0   null                           11-14 Tuple2..Tuple5, fields dynamic
 *  1   long  (8 bytes)                15   ArrayList: size, elements dynamic
 *  2   int   (4 bytes)                16   HashMap: size, key/value pairs dynamic
 *  3   short (2 bytes)                17   enum: class name, ordinal
 *  4   byte                           18   record: class name, components
 *  5   boolean                        19   POJO: class name, fields by name
 *  6   char                           20   anything else: Kryo class-and-object, length-prefixed
 *  7   double  8 float  9 string  10 byte[]  21 Tuple0, Tuple1, Tuple6..Tuple25: arity byte, fields dynamic
 * </pre>
 */
final class DynamicSerializer extends AbstractSerializer<Object> {
    private static final long serialVersionUID = 1L;

    private static final int NULL = 0;
    private static final int LONG = 1;
    private static final int INT = 2;
    private static final int SHORT = 3;
    private static final int BYTE = 4;
    private static final int BOOLEAN = 5;
    private static final int CHAR = 6;
    private static final int DOUBLE = 7;
    private static final int FLOAT = 8;
    private static final int STRING = 9;
    private static final int BYTES = 10;
    private static final int TUPLE2 = 11;
    private static final int LIST = 15;
    private static final int MAP = 16;
    private static final int ENUM = 17;
    private static final int RECORD = 18;
    private static final int POJO = 19;
    private static final int KRYO = 20;
    private static final int TUPLE_N = 21;

    private final transient SerializerBuilder builder;
    private transient KryoCodec kryo;
    private transient TupleSerializer<?>[] tuples;
    private transient ListSerializer list;
    private transient MapSerializer map;
    private transient Map<String, Class<?>> classesByName;

    DynamicSerializer(SerializerBuilder builder) {
        this.builder = builder;
    }

    @Override
    boolean acceptsNull() {
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    void write(Object value, DataOutput out) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
            return;
        }
        Class<?> type = value.getClass();
        Kind kind = exactKind(type);
        switch (kind) {
            case LONG: out.writeByte(LONG); out.writeLong((Long) value); return;
            case INT: out.writeByte(INT); out.writeInt((Integer) value); return;
            case SHORT: out.writeByte(SHORT); out.writeShort((Short) value); return;
            case BYTE: out.writeByte(BYTE); out.writeByte((Byte) value); return;
            case BOOLEAN: out.writeByte(BOOLEAN); out.writeBoolean((Boolean) value); return;
            case CHAR: out.writeByte(CHAR); out.writeChar((Character) value); return;
            case DOUBLE: out.writeByte(DOUBLE); BasicSerializers.DOUBLE.serialize((Double) value, out); return;
            case FLOAT: out.writeByte(FLOAT); BasicSerializers.FLOAT.serialize((Float) value, out); return;
            case STRING: out.writeByte(STRING); StringSerializer.INSTANCE.serialize((String) value, out); return;
            case BYTES: out.writeByte(BYTES); BasicSerializers.BYTES.serialize((byte[]) value, out); return;
            case TUPLE:
                int arity = ((Tuple) value).getArity();
                if (arity >= 2 && arity <= 5) {
                    out.writeByte(TUPLE2 + arity - 2);
                } else {
                    out.writeByte(TUPLE_N);
                    out.writeByte(arity);
                }
                ((TupleSerializer<Tuple>) tuple(arity)).serialize((Tuple) value, out);
                return;
            case LIST: out.writeByte(LIST); list().serialize((List<Object>) value, out); return;
            case MAP: out.writeByte(MAP); map().serialize((Map<Object, Object>) value, out); return;
            case ENUM:
                out.writeByte(ENUM);
                writeNamed(TypeAnalysis.enumClass(type), value, out);
                return;
            case RECORD: out.writeByte(RECORD); writeNamed(type, value, out); return;
            case POJO: out.writeByte(POJO); writeNamed(type, value, out); return;
            default:
                out.writeByte(KRYO);
                kryo().write(value, out, type);
        }
    }

    @Override
    Object read(DataInput in) throws IOException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case NULL: return null;
            case LONG: return in.readLong();
            case INT: return in.readInt();
            case SHORT: return in.readShort();
            case BYTE: return in.readByte();
            case BOOLEAN: return BasicSerializers.BOOLEAN.deserialize(in);
            case CHAR: return in.readChar();
            case DOUBLE: return BasicSerializers.DOUBLE.deserialize(in);
            case FLOAT: return BasicSerializers.FLOAT.deserialize(in);
            case STRING: return StringSerializer.INSTANCE.deserialize(in);
            case BYTES: return BasicSerializers.BYTES.deserialize(in);
            case TUPLE2: case TUPLE2 + 1: case TUPLE2 + 2: case TUPLE2 + 3:
                return tuple(tag - TUPLE2 + 2).deserialize(in);
            case TUPLE_N: {
                int arity = in.readUnsignedByte();
                if (arity > Tuple.MAX_ARITY) {
                    throw new SerializationException("Corrupt input: a tuple of arity " + arity + " (at most " + Tuple.MAX_ARITY + ").");
                }
                return tuple(arity).deserialize(in);
            }
            case LIST: return list().deserialize(in);
            case MAP: return map().deserialize(in);
            case ENUM: return readNamed(in, Kind.ENUM);
            case RECORD: return readNamed(in, Kind.RECORD);
            case POJO: return readNamed(in, Kind.POJO);
            case KRYO: return kryo().read(in, Object.class);
            default: throw Io.corrupt("unknown type tag " + tag + " in a dynamically typed value");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    Object copyNonNull(Object value) {
        Class<?> type = value.getClass();
        // fast paths for what most records are, without the per-class lookup: copies happen per record
        if (isCommonImmutable(type)) {
            return value;
        }
        if (type == io.weir.api.tuple.Tuple2.class) {
            io.weir.api.tuple.Tuple2<?, ?> t = (io.weir.api.tuple.Tuple2<?, ?>) value;
            Object a = t.f0;
            Object b = t.f1;
            if ((a == null || isCommonImmutable(a.getClass())) && (b == null || isCommonImmutable(b.getClass()))) {
                return new io.weir.api.tuple.Tuple2<>(a, b);
            }
        }
        switch (exactKind(type)) {
            case LONG: case INT: case SHORT: case BYTE: case BOOLEAN: case CHAR: case DOUBLE: case FLOAT:
            case STRING: case ENUM:
                return value;
            case BYTES: return ((byte[]) value).clone();
            case TUPLE: return ((TupleSerializer<Tuple>) tuple(((Tuple) value).getArity())).copy((Tuple) value);
            case LIST: return list().copy((List<Object>) value);
            case MAP: return map().copy((Map<Object, Object>) value);
            case RECORD: case POJO: return ((TypeSerializer<Object>) builder.build(type)).copy(value);
            default: return kryo().copy(value, type);
        }
    }

    /** The built-in kind of a value's own class; a List or Map that is not exactly ArrayList or HashMap is generic. */
    private static Kind exactKind(Class<?> type) {
        Kind kind = TypeAnalysis.kindOf(type);
        if (kind == Kind.DYNAMIC) {
            return Kind.GENERIC; // a plain new Object()
        }
        return kind;
    }

    @SuppressWarnings("unchecked")
    private void writeNamed(Class<?> type, Object value, DataOutput out) throws IOException {
        StringSerializer.INSTANCE.serialize(type.getName(), out);
        ((TypeSerializer<Object>) builder.build(type)).serialize(value, out);
    }

    private Object readNamed(DataInput in, Kind expected) throws IOException {
        String name = StringSerializer.INSTANCE.deserialize(in);
        Class<?> type = classNamed(name);
        Kind actual = TypeAnalysis.kindOf(type);
        if (actual != expected) {
            throw Io.corrupt("the input says class " + name + " is a " + expected + " but it is now a " + actual
                    + (actual == Kind.GENERIC ? " (" + TypeAnalysis.pojo(type).notPojoReason + ")" : ""));
        }
        return builder.build(type).deserialize(in);
    }

    private Class<?> classNamed(String name) {
        if (classesByName == null) {
            classesByName = new HashMap<>();
        }
        Class<?> type = classesByName.get(name);
        if (type == null) {
            try {
                type = Class.forName(name, false, builder.classLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new SerializationException("Cannot load class " + name + " named in the input: " + e
                        + ". Put the class on the class path, or the bytes are damaged.", e);
            }
            classesByName.put(name, type);
        }
        return type;
    }

    private TupleSerializer<?> tuple(int arity) {
        if (tuples == null) {
            tuples = new TupleSerializer<?>[Tuple.MAX_ARITY + 1];
        }
        TupleSerializer<?> serializer = tuples[arity];
        if (serializer == null) {
            serializer = (TupleSerializer<?>) builder.build(Tuple.getTupleClass(arity));
            tuples[arity] = serializer;
        }
        return serializer;
    }

    private ListSerializer list() {
        if (list == null) {
            list = (ListSerializer) builder.build(List.class);
        }
        return list;
    }

    private MapSerializer map() {
        if (map == null) {
            map = (MapSerializer) builder.build(Map.class);
        }
        return map;
    }

    private KryoCodec kryo() {
        if (kryo == null) {
            kryo = new KryoCodec(builder.classLoader());
        }
        return kryo;
    }

    private static boolean isCommonImmutable(Class<?> c) {
        return c == Long.class || c == String.class || c == Integer.class || c == Double.class || c == Boolean.class;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<Object> duplicate() {
        return new SerializerBuilder(builder.classLoader()).dynamic();
    }

    @Override
    public String snapshotIdentifier() {
        return "dynamic";
    }

    private Object writeReplace() throws ObjectStreamException {
        return new SerialProxy(null);
    }
}
