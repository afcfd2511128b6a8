package io.weir.api.typeutils;

/**
 * A class serialized in Weir's class-based format: the POJO format when the class is a POJO (public, with a public
 * no-arg constructor and fields that are public or have getters and setters), the record format for records, and the
 * Kryo fallback otherwise. {@code TypeInformation.of(SomeClass.class)} and {@code Types.POJO} give it.
 *
 * <p>Where Weir differs from Flink on purpose: Flink gives a non-POJO class a {@link GenericTypeInfo} instead; Weir
 * lets its runtime pick the format per class (as it does for a state descriptor given a class), so one type
 * information serves every class. Use {@link GenericTypeInfo} to force Kryo. Immutable; any thread.
 *
 * @param <T> the described class
 */
public class PojoTypeInfo<T> extends AtomicTypeInfo<T> {
    private static final long serialVersionUID = 1L;

    /** The type information of {@code typeClass}. */
    public PojoTypeInfo(Class<T> typeClass) {
        super(typeClass);
    }
}
