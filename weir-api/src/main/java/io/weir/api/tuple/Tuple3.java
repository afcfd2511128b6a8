package io.weir.api.tuple;

import java.util.Objects;

/** A tuple of 3 public mutable fields f0, f1, f2. */
public class Tuple3<T0, T1, T2> extends Tuple {
    private static final long serialVersionUID = 1L;

    public T0 f0;
    public T1 f1;
    public T2 f2;

    public Tuple3() {}

    public Tuple3(T0 f0, T1 f1, T2 f2) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
    }

    public static <T0, T1, T2> Tuple3<T0, T1, T2> of(T0 f0, T1 f1, T2 f2) {
        return new Tuple3<>(f0, f1, f2);
    }

    @Override
    public int getArity() {
        return 3;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        switch (pos) {
            case 0: return (T) f0;
            case 1: return (T) f1;
            case 2: return (T) f2;
            default: throw outOfBounds(pos, 3);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> void setField(T value, int pos) {
        switch (pos) {
            case 0: f0 = (T0) value; break;
            case 1: f1 = (T1) value; break;
            case 2: f2 = (T2) value; break;
            default: throw outOfBounds(pos, 3);
        }
    }

    public void setFields(T0 f0, T1 f1, T2 f2) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Tuple3<T0, T1, T2> copy() {
        return new Tuple3<>(f0, f1, f2);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Tuple3)) return false;
        Tuple3<?, ?, ?> t = (Tuple3<?, ?, ?>) o;
        return Objects.equals(f0, t.f0) && Objects.equals(f1, t.f1) && Objects.equals(f2, t.f2);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(f0);
        h = 31 * h + Objects.hashCode(f1);
        h = 31 * h + Objects.hashCode(f2);
        return h;
    }

    @Override
    public String toString() {
        return "(" + f0 + "," + f1 + "," + f2 + ")";
    }
}
