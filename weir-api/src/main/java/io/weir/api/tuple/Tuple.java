package io.weir.api.tuple;

import java.io.Serializable;

/** Base of the fixed-arity tuples. Fields are public and mutable, as in Flink; positions start at 0. */
public abstract class Tuple implements Serializable {
    private static final long serialVersionUID = 1L;

    public abstract int getArity();

    /** The field at {@code pos}; throws {@link IndexOutOfBoundsException} outside {@code [0, arity)}. */
    public abstract <T> T getField(int pos);

    public abstract <T> void setField(T value, int pos);

    public abstract <T extends Tuple> T copy();

    /** A new empty tuple of the given arity (2 to 5). */
    public static Tuple newInstance(int arity) {
        switch (arity) {
            case 2: return new Tuple2<>();
            case 3: return new Tuple3<>();
            case 4: return new Tuple4<>();
            case 5: return new Tuple5<>();
            default: throw new IllegalArgumentException("Tuple arity " + arity + " is not supported; allowed: 2 to 5.");
        }
    }

    protected static IndexOutOfBoundsException outOfBounds(int pos, int arity) {
        return new IndexOutOfBoundsException("Tuple field " + pos + " does not exist; a Tuple" + arity + " has fields 0 to " + (arity - 1) + ".");
    }
}
