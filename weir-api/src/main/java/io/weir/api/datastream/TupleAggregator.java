package io.weir.api.datastream;

import io.weir.api.functions.ReduceFunction;
import io.weir.api.tuple.Tuple;

import java.math.BigDecimal;
import java.math.BigInteger;

/** The reduce functions behind {@code sum}, {@code min}, {@code max}, {@code minBy} and {@code maxBy} on tuple fields. */
final class TupleAggregator<T> implements ReduceFunction<T> {
    private static final long serialVersionUID = 1L;

    enum Kind { SUM, MIN, MAX, MIN_BY, MAX_BY }

    private final int position;
    private final Kind kind;

    TupleAggregator(int position, Kind kind) {
        this.position = position;
        this.kind = kind;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T reduce(T value1, T value2) {
        Tuple a = asTuple(value1);
        Tuple b = asTuple(value2);
        Object x = a.getField(position);
        Object y = b.getField(position);
        switch (kind) {
            case SUM: {
                Tuple out = a.copy();
                out.setField(add(x, y), position);
                return (T) out;
            }
            case MIN:
            case MAX: {
                int c = compare(x, y);
                boolean takeSecond = kind == Kind.MIN ? c > 0 : c < 0;
                Tuple out = a.copy();
                out.setField(takeSecond ? y : x, position);
                return (T) out;
            }
            case MIN_BY:
                return compare(x, y) <= 0 ? value1 : value2;
            case MAX_BY:
                return compare(x, y) >= 0 ? value1 : value2;
            default:
                throw new IllegalStateException("Unknown aggregation " + kind);
        }
    }

    private Tuple asTuple(T value) {
        if (!(value instanceof Tuple)) {
            throw new IllegalArgumentException(kind.name().toLowerCase(java.util.Locale.ROOT) + "(" + position
                    + ") needs a stream of tuples, but got a " + value.getClass().getName() + ".");
        }
        return (Tuple) value;
    }

    private Object add(Object x, Object y) {
        if (x instanceof Integer) return (Integer) x + (Integer) y;
        if (x instanceof Long) return (Long) x + (Long) y;
        if (x instanceof Double) return (Double) x + (Double) y;
        if (x instanceof Float) return (Float) x + (Float) y;
        if (x instanceof Short) return (short) ((Short) x + (Short) y);
        if (x instanceof Byte) return (byte) ((Byte) x + (Byte) y);
        if (x instanceof BigInteger) return ((BigInteger) x).add((BigInteger) y);
        if (x instanceof BigDecimal) return ((BigDecimal) x).add((BigDecimal) y);
        throw new IllegalArgumentException("sum(" + position + "): field type " + (x == null ? "null" : x.getClass().getName())
                + " is not numeric; allowed: Integer, Long, Double, Float, Short, Byte, BigInteger, BigDecimal.");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private int compare(Object x, Object y) {
        if (!(x instanceof Comparable)) {
            throw new IllegalArgumentException(kind + "(" + position + "): field type " + (x == null ? "null" : x.getClass().getName()) + " is not Comparable.");
        }
        return ((Comparable) x).compareTo(y);
    }
}
