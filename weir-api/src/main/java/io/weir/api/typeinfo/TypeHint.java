package io.weir.api.typeinfo;

import io.weir.api.functions.InvalidTypesException;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Captures a generic type that a class literal cannot express: create it as an anonymous subclass,
 * {@code new TypeHint<Tuple2<String, Long>>(){}}, and pass it to {@code returns(...)} or
 * {@link TypeInformation#of(TypeHint)}. The type is read from the subclass's declaration when the hint is created, on
 * the thread that creates it.
 *
 * @param <T> the captured type
 */
public abstract class TypeHint<T> {
    private final TypeInformation<T> typeInfo;

    /**
     * Reads {@code T} from the anonymous subclass.
     *
     * @throws InvalidTypesException if {@code T} is not a concrete type (a type variable, a wildcard, a raw tuple)
     */
    protected TypeHint() {
        Type superclass = getClass().getGenericSuperclass();
        if (!(superclass instanceof ParameterizedType) || ((ParameterizedType) superclass).getRawType() != TypeHint.class) {
            throw new InvalidTypesException("A TypeHint must be created as a direct anonymous subclass with a concrete type,"
                    + " as in new TypeHint<Tuple2<String, Long>>(){}.");
        }
        this.typeInfo = TypeExtraction.forType(((ParameterizedType) superclass).getActualTypeArguments()[0]);
    }

    /** The captured type's information. */
    public TypeInformation<T> getTypeInfo() {
        return typeInfo;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof TypeHint && ((TypeHint<?>) obj).typeInfo.equals(typeInfo);
    }

    @Override
    public int hashCode() {
        return typeInfo.hashCode();
    }

    @Override
    public String toString() {
        return "TypeHint: " + typeInfo;
    }
}
