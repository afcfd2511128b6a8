package io.weir.api.typeinfo;

import io.weir.api.functions.InvalidTypesException;
import io.weir.api.tuple.Tuple;
import io.weir.api.typeutils.EnumTypeInfo;
import io.weir.api.typeutils.GenericTypeInfo;
import io.weir.api.typeutils.ListTypeInfo;
import io.weir.api.typeutils.MapTypeInfo;
import io.weir.api.typeutils.PojoTypeInfo;
import io.weir.api.typeutils.TupleTypeInfo;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * The type informations of common types, by Flink's names: {@code returns(Types.STRING)},
 * {@code Types.TUPLE(Types.STRING, Types.LONG)}, {@code Types.MAP(Types.STRING, Types.INT)}. Every member may be used
 * from any thread.
 */
public final class Types {
    private Types() {}

    /** {@code Void}: only null. */
    public static final TypeInformation<Void> VOID = BasicTypeInfo.VOID_TYPE_INFO;
    /** {@code String}. */
    public static final TypeInformation<String> STRING = BasicTypeInfo.STRING_TYPE_INFO;
    /** {@code Byte} and {@code byte}. */
    public static final TypeInformation<Byte> BYTE = BasicTypeInfo.BYTE_TYPE_INFO;
    /** {@code Boolean} and {@code boolean}. */
    public static final TypeInformation<Boolean> BOOLEAN = BasicTypeInfo.BOOLEAN_TYPE_INFO;
    /** {@code Short} and {@code short}. */
    public static final TypeInformation<Short> SHORT = BasicTypeInfo.SHORT_TYPE_INFO;
    /** {@code Integer} and {@code int}. */
    public static final TypeInformation<Integer> INT = BasicTypeInfo.INT_TYPE_INFO;
    /** {@code Long} and {@code long}. */
    public static final TypeInformation<Long> LONG = BasicTypeInfo.LONG_TYPE_INFO;
    /** {@code Float} and {@code float}. */
    public static final TypeInformation<Float> FLOAT = BasicTypeInfo.FLOAT_TYPE_INFO;
    /** {@code Double} and {@code double}. */
    public static final TypeInformation<Double> DOUBLE = BasicTypeInfo.DOUBLE_TYPE_INFO;
    /** {@code Character} and {@code char}. */
    public static final TypeInformation<Character> CHAR = BasicTypeInfo.CHAR_TYPE_INFO;
    /** {@code BigDecimal}. */
    public static final TypeInformation<BigDecimal> BIG_DEC = BasicTypeInfo.BIG_DEC_TYPE_INFO;
    /** {@code BigInteger}. */
    public static final TypeInformation<BigInteger> BIG_INT = BasicTypeInfo.BIG_INT_TYPE_INFO;
    /** {@code java.time.Instant}. */
    public static final TypeInformation<Instant> INSTANT = BasicTypeInfo.INSTANT_TYPE_INFO;
    /** {@code java.time.LocalDate} (Weir's class-based format; see {@link PojoTypeInfo}). */
    public static final TypeInformation<LocalDate> LOCAL_DATE = new PojoTypeInfo<>(LocalDate.class);
    /** {@code java.time.LocalTime} (Weir's class-based format; see {@link PojoTypeInfo}). */
    public static final TypeInformation<LocalTime> LOCAL_TIME = new PojoTypeInfo<>(LocalTime.class);
    /** {@code java.time.LocalDateTime} (Weir's class-based format; see {@link PojoTypeInfo}). */
    public static final TypeInformation<LocalDateTime> LOCAL_DATE_TIME = new PojoTypeInfo<>(LocalDateTime.class);

    /**
     * A tuple class ({@code Tuple1} to {@code Tuple25}, by the number of types) with fields of the given types.
     *
     * @throws IllegalArgumentException for more than 25 types
     */
    public static <T extends Tuple> TypeInformation<T> TUPLE(TypeInformation<?>... types) {
        return new TupleTypeInfo<>(types);
    }

    /**
     * A subclass of a tuple class that fixes its field types in its declaration ({@code class Pair extends
     * Tuple2<String, Long>}).
     *
     * @throws InvalidTypesException if the class does not fix its field types
     */
    public static <T extends Tuple> TypeInformation<T> TUPLE(Class<T> tupleSubclass) {
        TypeInformation<T> info = TypeExtraction.forClass(tupleSubclass);
        if (!(info instanceof TupleTypeInfo)) {
            throw new InvalidTypesException(tupleSubclass.getName() + " is not a tuple class.");
        }
        return info;
    }

    /** {@code pojoClass} in Weir's class-based format (see {@link PojoTypeInfo}). */
    public static <T> TypeInformation<T> POJO(Class<T> pojoClass) {
        return new PojoTypeInfo<>(pojoClass);
    }

    /**
     * {@code pojoClass} in Weir's class-based format. Weir derives the fields from the class itself, so
     * {@code fields} is not used to serialize; it is accepted for source compatibility with Flink.
     */
    public static <T> TypeInformation<T> POJO(Class<T> pojoClass, Map<String, TypeInformation<?>> fields) {
        return new PojoTypeInfo<>(pojoClass);
    }

    /** {@code genericClass}, always serialized with the Kryo fallback. */
    public static <T> TypeInformation<T> GENERIC(Class<T> genericClass) {
        return new GenericTypeInfo<>(genericClass);
    }

    /** A {@code java.util.List} of elements of {@code elementType}. */
    public static <E> TypeInformation<List<E>> LIST(TypeInformation<E> elementType) {
        return new ListTypeInfo<>(elementType);
    }

    /** A {@code java.util.Map} from {@code keyType} to {@code valueType}. */
    public static <K, V> TypeInformation<Map<K, V>> MAP(TypeInformation<K> keyType, TypeInformation<V> valueType) {
        return new MapTypeInfo<>(keyType, valueType);
    }

    /** The enum {@code enumClass}. */
    public static <E extends Enum<E>> TypeInformation<E> ENUM(Class<E> enumClass) {
        return new EnumTypeInfo<>(enumClass);
    }

    /**
     * An array of a primitive type, such as {@code byte[]} for {@code Types.BYTE}.
     *
     * @throws IllegalArgumentException if {@code elementType} is not a boxed primitive type
     */
    public static TypeInformation<?> PRIMITIVE_ARRAY(TypeInformation<?> elementType) {
        Class<?> boxed = elementType.getTypeClass();
        Class<?> primitive = java.lang.invoke.MethodType.methodType(boxed).unwrap().returnType();
        if (!primitive.isPrimitive() || primitive == void.class) {
            throw new IllegalArgumentException("PRIMITIVE_ARRAY needs the type of a primitive, not " + elementType + ".");
        }
        return new PojoTypeInfo<>(Array.newInstance(primitive, 0).getClass());
    }

    /** An array of objects of {@code elementType}. */
    @SuppressWarnings("unchecked")
    public static <E> TypeInformation<E[]> OBJECT_ARRAY(TypeInformation<E> elementType) {
        return new PojoTypeInfo<>((Class<E[]>) Array.newInstance(elementType.getTypeClass(), 0).getClass());
    }
}
