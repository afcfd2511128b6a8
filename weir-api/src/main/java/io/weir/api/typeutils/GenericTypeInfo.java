package io.weir.api.typeutils;

/**
 * A class always serialized with the Kryo fallback, as Flink's {@code GenericTypeInfo}; {@code Types.GENERIC} gives it.
 * Kryo handles any class but writes more and is slower than the built-in formats, and its bytes depend on the class's
 * fields, so a changed class may not read old state. Immutable; any thread.
 *
 * @param <T> the described class
 */
public class GenericTypeInfo<T> extends AtomicTypeInfo<T> {
    private static final long serialVersionUID = 1L;

    /** The type information of {@code typeClass}, serialized with Kryo. */
    public GenericTypeInfo(Class<T> typeClass) {
        super(typeClass);
    }

    @Override
    public String toString() {
        return "GenericType<" + getTypeClass().getName() + ">";
    }
}
