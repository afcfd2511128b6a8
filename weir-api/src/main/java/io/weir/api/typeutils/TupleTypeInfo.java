package io.weir.api.typeutils;

import io.weir.api.tuple.Tuple;
import io.weir.api.typeinfo.TypeInformation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One of the tuple classes {@code Tuple0} to {@code Tuple25} with the types of its fields. Immutable; any thread.
 *
 * @param <T> the tuple type
 */
public class TupleTypeInfo<T extends Tuple> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> tupleType;
    private final TypeInformation<?>[] types;

    /**
     * The tuple class of arity {@code types.length} with fields of {@code types}.
     *
     * @throws IllegalArgumentException for more than {@link Tuple#MAX_ARITY} fields
     * @throws NullPointerException if a field type is null
     */
    @SuppressWarnings("unchecked")
    public TupleTypeInfo(TypeInformation<?>... types) {
        this((Class<T>) Tuple.getTupleClass(types.length), types);
    }

    /**
     * {@code tupleType} (a tuple class, or a subclass of one) with fields of {@code types}.
     *
     * @throws IllegalArgumentException if the number of types is not the tuple's arity
     * @throws NullPointerException if a field type is null
     */
    public TupleTypeInfo(Class<T> tupleType, TypeInformation<?>... types) {
        this.tupleType = Objects.requireNonNull(tupleType, "tupleType");
        this.types = types.clone();
        for (int i = 0; i < types.length; i++) {
            if (types[i] == null) {
                throw new NullPointerException("The type of tuple field " + i + " is null.");
            }
        }
        if (!tupleClassOfArity(tupleType, types.length)) {
            throw new IllegalArgumentException(tupleType.getName() + " is not a tuple class of arity " + types.length
                    + " (one type per field is needed).");
        }
    }

    private static boolean tupleClassOfArity(Class<?> type, int arity) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c == Tuple.getTupleClass(arity)) {
                return true;
            }
        }
        return false;
    }

    /** The type of field {@code pos}. */
    @SuppressWarnings("unchecked")
    public <X> TypeInformation<X> getTypeAt(int pos) {
        if (pos < 0 || pos >= types.length) {
            throw new IndexOutOfBoundsException("Tuple field " + pos + " does not exist; " + this + " has " + types.length + " fields.");
        }
        return (TypeInformation<X>) types[pos];
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return true;
    }

    @Override
    public int getArity() {
        return types.length;
    }

    @Override
    public int getTotalFields() {
        int total = 0;
        for (TypeInformation<?> t : types) {
            total += t.getTotalFields();
        }
        return total;
    }

    @Override
    public Class<T> getTypeClass() {
        return tupleType;
    }

    @Override
    public boolean isKeyType() {
        for (TypeInformation<?> t : types) {
            if (!t.isKeyType()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Map<String, TypeInformation<?>> getGenericParameters() {
        Map<String, TypeInformation<?>> m = new LinkedHashMap<>();
        for (int i = 0; i < types.length; i++) {
            m.put("T" + i, types[i]);
        }
        return m;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof TupleTypeInfo && ((TupleTypeInfo<?>) obj).tupleType == tupleType
                && Arrays.equals(((TupleTypeInfo<?>) obj).types, types);
    }

    @Override
    public int hashCode() {
        return 31 * tupleType.hashCode() + Arrays.hashCode(types);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(tupleType.getSimpleName()).append('<');
        for (int i = 0; i < types.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(types[i]);
        }
        return sb.append('>').toString();
    }
}
