package io.weir.runtime.serialization;

import io.weir.api.typeutils.TypeSerializer;

/**
 * Chooses a serializer for a class. Built-in formats exist for the boxed primitives, {@code String}
 * (length-prefixed UTF-8, any length), {@code byte[]}, {@code Tuple0} to {@code Tuple25}, records,
 * POJOs, {@code List}/{@code ArrayList}, {@code Map}/{@code HashMap} and enums; any other class goes
 * to a generic fallback built on Kryo, whose snapshot identifier is {@code "kryo:" + class name}.
 *
 * <p>A class is a <em>POJO</em> when it is public, concrete, top-level or static nested, has a public
 * no-arg constructor, and each of its non-static, non-transient fields (inherited ones included) is
 * non-final and either public or has a public getter ({@code getX}/{@code isX}) and setter
 * ({@code setX}). Fields are written in name order.
 *
 * <p>Where the static type says little (tuple fields, list elements, map keys and values, fields of
 * non-final types), values go through {@link #dynamic()}, which writes a one-byte type tag first.
 * Fields of final or primitive types are written without a tag; non-primitive ones are preceded by a
 * null flag, so null is accepted in every field, element and entry. At the top level only the
 * dynamic and Kryo serializers accept null.
 *
 * <p>Every serializer returned here is for one thread at a time (the Kryo inside is not
 * thread-safe); {@link TypeSerializer#duplicate()} gives an independent one. Failures throw
 * {@link SerializationException}, or an {@link java.io.EOFException} that names the format when
 * the input ends early.
 */
public final class Serializers {

    private Serializers() {}

    /**
     * A serializer for values of {@code type}: a built-in one when the class has one (primitive
     * classes give the serializer of their boxed type), {@link #dynamic()} for {@code Object} and
     * {@code Tuple}, otherwise the Kryo fallback.
     */
    @SuppressWarnings("unchecked")
    public static <T> TypeSerializer<T> forClass(Class<T> type) {
        if (type == null) {
            throw new IllegalArgumentException("Serializers.forClass needs a class, got null.");
        }
        return (TypeSerializer<T>) new SerializerBuilder(defaultClassLoader()).build(type);
    }

    /**
     * A serializer for values of any class, including null: a one-byte type tag, then the value in
     * its built-in format, with enums, records and POJOs also naming their class; anything else goes
     * through Kryo. Its copy is deep for mutable values and identity for immutable ones.
     */
    public static TypeSerializer<Object> dynamic() {
        return new SerializerBuilder(defaultClassLoader()).dynamic();
    }

    /** The Kryo fallback for {@code type}, even when the class has a built-in format. */
    public static <T> TypeSerializer<T> kryo(Class<T> type) {
        if (type == null) {
            throw new IllegalArgumentException("Serializers.kryo needs a class, got null.");
        }
        return new KryoSerializer<>(type);
    }

    static ClassLoader defaultClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Serializers.class.getClassLoader();
    }
}
