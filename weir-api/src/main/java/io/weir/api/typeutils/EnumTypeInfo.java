package io.weir.api.typeutils;

/**
 * An enum type, serialized by ordinal. Immutable; any thread.
 *
 * @param <T> the enum class
 */
public class EnumTypeInfo<T extends Enum<T>> extends AtomicTypeInfo<T> {
    private static final long serialVersionUID = 1L;

    /**
     * The type information of {@code enumClass}.
     *
     * @throws IllegalArgumentException if it is not an enum class
     */
    public EnumTypeInfo(Class<T> enumClass) {
        super(enumClass);
        if (!enumClass.isEnum()) {
            throw new IllegalArgumentException("EnumTypeInfo needs an enum class, but " + enumClass.getName() + " is not one.");
        }
    }
}
