package io.weir.api.typeinfo;

import io.weir.api.typeutils.AtomicTypeInfo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The basic types: the boxed primitives, {@code String}, {@code Void}, {@code BigInteger}, {@code BigDecimal},
 * {@code Instant} and {@code Date}, each a constant here and in {@link Types}. Immutable; any thread.
 *
 * @param <T> the described class
 */
public final class BasicTypeInfo<T> extends AtomicTypeInfo<T> {
    private static final long serialVersionUID = 1L;

    private static final Map<Class<?>, BasicTypeInfo<?>> BY_CLASS = new LinkedHashMap<>();

    /** {@code String}. */
    public static final BasicTypeInfo<String> STRING_TYPE_INFO = register(String.class);
    /** {@code Boolean}. */
    public static final BasicTypeInfo<Boolean> BOOLEAN_TYPE_INFO = register(Boolean.class);
    /** {@code Byte}. */
    public static final BasicTypeInfo<Byte> BYTE_TYPE_INFO = register(Byte.class);
    /** {@code Short}. */
    public static final BasicTypeInfo<Short> SHORT_TYPE_INFO = register(Short.class);
    /** {@code Integer}. */
    public static final BasicTypeInfo<Integer> INT_TYPE_INFO = register(Integer.class);
    /** {@code Long}. */
    public static final BasicTypeInfo<Long> LONG_TYPE_INFO = register(Long.class);
    /** {@code Float}. */
    public static final BasicTypeInfo<Float> FLOAT_TYPE_INFO = register(Float.class);
    /** {@code Double}. */
    public static final BasicTypeInfo<Double> DOUBLE_TYPE_INFO = register(Double.class);
    /** {@code Character}. */
    public static final BasicTypeInfo<Character> CHAR_TYPE_INFO = register(Character.class);
    /** {@code java.util.Date}. */
    public static final BasicTypeInfo<Date> DATE_TYPE_INFO = register(Date.class);
    /** {@code Void} (only null values). */
    public static final BasicTypeInfo<Void> VOID_TYPE_INFO = register(Void.class);
    /** {@code BigInteger}. */
    public static final BasicTypeInfo<BigInteger> BIG_INT_TYPE_INFO = register(BigInteger.class);
    /** {@code BigDecimal}. */
    public static final BasicTypeInfo<BigDecimal> BIG_DEC_TYPE_INFO = register(BigDecimal.class);
    /** {@code java.time.Instant}. */
    public static final BasicTypeInfo<Instant> INSTANT_TYPE_INFO = register(Instant.class);

    private BasicTypeInfo(Class<T> typeClass) {
        super(typeClass);
    }

    private static <T> BasicTypeInfo<T> register(Class<T> c) {
        BasicTypeInfo<T> info = new BasicTypeInfo<>(c);
        BY_CLASS.put(c, info);
        return info;
    }

    /**
     * The basic type information of {@code type}, or {@code null} if it is not a basic type. Primitive classes give
     * their boxed type's.
     */
    @SuppressWarnings("unchecked")
    public static <X> BasicTypeInfo<X> getInfoFor(Class<X> type) {
        if (type == null) {
            throw new NullPointerException("getInfoFor needs a class, got null.");
        }
        Class<?> boxed = type.isPrimitive() ? java.lang.invoke.MethodType.methodType(type).wrap().returnType() : type;
        return (BasicTypeInfo<X>) BY_CLASS.get(boxed);
    }

    @Override
    public boolean isBasicType() {
        return true;
    }

    /** Keeps the constants unique after Java deserialization. */
    private Object readResolve() {
        BasicTypeInfo<?> constant = BY_CLASS.get(getTypeClass());
        return constant != null ? constant : this;
    }
}
