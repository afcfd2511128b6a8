package io.weir.runtime.serialization;

import io.weir.api.typeutils.TypeSerializer;
import io.weir.runtime.serialization.TypeAnalysis.Kind;

import java.util.HashMap;
import java.util.Map;

/**
 * Builds one tree of serializers that share a single {@link DynamicSerializer} (and so a single
 * Kryo instance), and caches the serializer of each class within the tree. A tree belongs to one
 * thread, like the serializers in it.
 *
 * <p>The format of a class never depends on which classes were built before it: fields of record
 * and POJO types are resolved lazily from the cache, which also makes recursive types work.
 */
final class SerializerBuilder {
    private final ClassLoader classLoader;
    private final Map<Class<?>, TypeSerializer<?>> built = new HashMap<>();
    private DynamicSerializer dynamic;

    SerializerBuilder(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    ClassLoader classLoader() {
        return classLoader;
    }

    DynamicSerializer dynamic() {
        if (dynamic == null) {
            dynamic = new DynamicSerializer(this);
        }
        return dynamic;
    }

    TypeSerializer<?> build(Class<?> type) {
        TypeSerializer<?> serializer = built.get(type);
        if (serializer == null) {
            serializer = create(type);
            built.put(type, serializer);
        }
        return serializer;
    }

    private TypeSerializer<?> create(Class<?> type) {
        Kind kind = TypeAnalysis.kindOf(type);
        switch (kind) {
            case LONG: return BasicSerializers.LONG;
            case INT: return BasicSerializers.INT;
            case SHORT: return BasicSerializers.SHORT;
            case BYTE: return BasicSerializers.BYTE;
            case BOOLEAN: return BasicSerializers.BOOLEAN;
            case CHAR: return BasicSerializers.CHAR;
            case DOUBLE: return BasicSerializers.DOUBLE;
            case FLOAT: return BasicSerializers.FLOAT;
            case STRING: return StringSerializer.INSTANCE;
            case BYTES: return BasicSerializers.BYTES;
            case TUPLE: return new TupleSerializer<>(type, dynamic());
            case LIST: return new ListSerializer(dynamic());
            case MAP: return new MapSerializer(dynamic());
            case ENUM: return new EnumSerializer<>(TypeAnalysis.enumClass(type));
            case RECORD: return new RecordSerializer<>(type, this);
            case POJO: return new PojoSerializer<>(type, this);
            case DYNAMIC: return dynamic();
            case GENERIC: return new KryoSerializer<>(type);
            default: throw new IllegalStateException("Unknown kind " + kind + " for " + type.getName());
        }
    }

    /**
     * The serializer of a field or record component declared as {@code type}: primitives directly;
     * other exact types with a built-in format behind a null flag; everything else (non-final types,
     * and final types that would go to Kryo) through the shared dynamic serializer.
     */
    @SuppressWarnings("unchecked")
    TypeSerializer<Object> forField(Class<?> type) {
        if (type.isPrimitive()) {
            return (TypeSerializer<Object>) build(type);
        }
        Kind kind = TypeAnalysis.kindOf(type);
        if (!TypeAnalysis.isExact(type) || kind == Kind.GENERIC || kind == Kind.DYNAMIC) {
            return dynamic();
        }
        return new NullableSerializer(this, type);
    }
}
