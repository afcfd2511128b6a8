package io.weir.api.typeutils;

import io.weir.api.typeinfo.TypeInformation;

import java.util.List;
import java.util.Objects;

/**
 * A {@code java.util.List} whose elements have the given type. Immutable; any thread.
 *
 * @param <T> the element type
 */
public class ListTypeInfo<T> extends TypeInformation<List<T>> {
    private static final long serialVersionUID = 1L;

    private final TypeInformation<T> elementTypeInfo;

    /** Lists of elements of {@code elementTypeInfo}. */
    public ListTypeInfo(TypeInformation<T> elementTypeInfo) {
        this.elementTypeInfo = Objects.requireNonNull(elementTypeInfo, "elementTypeInfo");
    }

    /** Lists of elements of {@code elementTypeClass}. */
    public ListTypeInfo(Class<T> elementTypeClass) {
        this(TypeInformation.of(elementTypeClass));
    }

    /** The type of the elements. */
    public TypeInformation<T> getElementTypeInfo() {
        return elementTypeInfo;
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
        return 0;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<List<T>> getTypeClass() {
        return (Class<List<T>>) (Class<?>) List.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof ListTypeInfo && ((ListTypeInfo<?>) obj).elementTypeInfo.equals(elementTypeInfo);
    }

    @Override
    public int hashCode() {
        return 31 * elementTypeInfo.hashCode() + 1;
    }

    @Override
    public String toString() {
        return "List<" + elementTypeInfo + ">";
    }
}
