package io.weir.api.typeutils;

import io.weir.api.typeinfo.TypeInformation;

import java.util.Objects;

/**
 * What the type informations of single-valued classes share ({@code BasicTypeInfo}, {@link EnumTypeInfo},
 * {@link PojoTypeInfo}, {@link GenericTypeInfo}): a class, arity 1, equality by kind and class. Weir's own base
 * class (Flink has none of this name); users don't extend it. Immutable; any thread.
 *
 * @param <T> the described type
 */
public abstract class AtomicTypeInfo<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> typeClass;

    /** @throws NullPointerException if {@code typeClass} is null */
    protected AtomicTypeInfo(Class<T> typeClass) {
        this.typeClass = Objects.requireNonNull(typeClass, "a type information needs a class, got null");
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<T> getTypeClass() {
        return typeClass;
    }

    @Override
    public boolean isKeyType() {
        return true;
    }

    @Override
    public boolean equals(Object obj) {
        return obj != null && obj.getClass() == getClass() && ((AtomicTypeInfo<?>) obj).typeClass == typeClass;
    }

    @Override
    public int hashCode() {
        return 31 * getClass().hashCode() + typeClass.hashCode();
    }

    @Override
    public String toString() {
        return typeClass.getSimpleName();
    }
}
