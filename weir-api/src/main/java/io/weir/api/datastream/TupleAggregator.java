package io.weir.api.datastream;

import io.weir.api.functions.ReduceFunction;
import io.weir.api.tuple.Tuple;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The reduce functions behind {@code sum}, {@code min}, {@code max}, {@code minBy} and {@code maxBy}, on a tuple field
 * by position, or on a field by expression as Flink names them: {@code "f1"} (or {@code "1"}) for a tuple field, a field
 * name for a POJO field (public, or with a getter and setter), and {@code "a.b"} for a field of a nested POJO or tuple.
 * The result has the first element's other fields (for {@code sum}, {@code min}, {@code max}) or is one of the elements
 * ({@code minBy}, {@code maxBy}); the first element is copied, never changed. Runs on the operator's task thread.
 */
final class TupleAggregator<T> implements ReduceFunction<T> {
    private static final long serialVersionUID = 1L;

    enum Kind { SUM, MIN, MAX, MIN_BY, MAX_BY }

    private final int position;
    private final String[] path;
    private final Kind kind;
    private transient io.weir.api.typeutils.TypeSerializer<Object> copier;
    private transient Class<?> copierClass;

    TupleAggregator(int position, Kind kind) {
        this.position = position;
        this.path = null;
        this.kind = kind;
    }

    /** @throws IllegalArgumentException for an empty expression */
    TupleAggregator(String fieldExpression, Kind kind) {
        if (fieldExpression == null || fieldExpression.isBlank()) {
            throw new IllegalArgumentException(kind.name().toLowerCase(java.util.Locale.ROOT) + "(...) needs a field expression, got none.");
        }
        this.position = -1;
        this.path = fieldExpression.split("\\.");
        this.kind = kind;
    }

    private String field() {
        return path == null ? String.valueOf(position) : "\"" + String.join(".", path) + "\"";
    }

    @Override
    @SuppressWarnings("unchecked")
    public T reduce(T value1, T value2) throws Exception {
        if (path != null) {
            return reduceByExpression(value1, value2);
        }
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

    @SuppressWarnings("unchecked")
    private T reduceByExpression(T value1, T value2) throws Exception {
        Object x = FieldExpressions.get(value1, path);
        Object y = FieldExpressions.get(value2, path);
        switch (kind) {
            case MIN_BY:
                return compare(x, y) <= 0 ? value1 : value2;
            case MAX_BY:
                return compare(x, y) >= 0 ? value1 : value2;
            case SUM: {
                T out = deepCopy(value1);
                FieldExpressions.set(out, path, add(x, y));
                return out;
            }
            default: {
                int c = compare(x, y);
                boolean takeSecond = kind == Kind.MIN ? c > 0 : c < 0;
                T out = deepCopy(value1);
                FieldExpressions.set(out, path, takeSecond ? y : x);
                return out;
            }
        }
    }

    /** A deep copy with the runtime's serializer for the class, so that a nested field can be set without changing the input. */
    @SuppressWarnings("unchecked")
    private T deepCopy(T value) {
        if (copier == null || copierClass != value.getClass()) {
            copierClass = value.getClass();
            copier = new io.weir.api.typeutils.PojoTypeInfo<>((Class<Object>) copierClass).createSerializer(null);
        }
        return (T) copier.copy(value);
    }

    private Tuple asTuple(T value) {
        if (!(value instanceof Tuple)) {
            throw new IllegalArgumentException(kind.name().toLowerCase(java.util.Locale.ROOT) + "(" + position
                    + ") needs a stream of tuples, but got a " + value.getClass().getName() + "; name the field instead (\"fieldName\").");
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
        throw new IllegalArgumentException("sum(" + field() + "): field type " + (x == null ? "null" : x.getClass().getName())
                + " is not numeric; allowed: Integer, Long, Double, Float, Short, Byte, BigInteger, BigDecimal.");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private int compare(Object x, Object y) {
        if (!(x instanceof Comparable)) {
            throw new IllegalArgumentException(kind + "(" + field() + "): field type " + (x == null ? "null" : x.getClass().getName()) + " is not Comparable.");
        }
        return ((Comparable) x).compareTo(y);
    }
}
