package io.weir.api.datastream;

import io.weir.api.tuple.Tuple;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Locale;

/**
 * Reads and writes a field named by a Flink field expression, split at the dots: a tuple field as {@code f1} or
 * {@code 1}, a POJO field by name (a public field, or a public getter {@code getX}/{@code isX} and setter
 * {@code setX}). Stateless; any thread.
 */
final class FieldExpressions {
    private FieldExpressions() {}

    /** The value at {@code path} in {@code value}. */
    static Object get(Object value, String[] path) throws ReflectiveOperationException {
        Object current = value;
        for (String name : path) {
            current = getOne(current, name, path);
        }
        return current;
    }

    /** Sets the value at {@code path} in {@code value}, which must hold every object on the way. */
    static void set(Object value, String[] path, Object fieldValue) throws ReflectiveOperationException {
        Object holder = value;
        for (int i = 0; i < path.length - 1; i++) {
            holder = getOne(holder, path[i], path);
        }
        String name = path[path.length - 1];
        if (holder instanceof Tuple) {
            ((Tuple) holder).setField(fieldValue, tuplePosition((Tuple) holder, name, path));
            return;
        }
        Field f = publicField(holder.getClass(), name);
        if (f != null) {
            f.set(holder, fieldValue);
            return;
        }
        Method setter = findMethod(holder.getClass(), "set" + capitalized(name), 1);
        if (setter == null) {
            throw noSuchField(holder, name, path);
        }
        setter.invoke(holder, fieldValue);
    }

    private static Object getOne(Object holder, String name, String[] path) throws ReflectiveOperationException {
        if (holder == null) {
            throw new IllegalArgumentException("Field expression \"" + String.join(".", path) + "\": a field on the way to '" + name
                    + "' is null.");
        }
        if (holder instanceof Tuple) {
            return ((Tuple) holder).getField(tuplePosition((Tuple) holder, name, path));
        }
        Field f = publicField(holder.getClass(), name);
        if (f != null) {
            return f.get(holder);
        }
        Method getter = findMethod(holder.getClass(), "get" + capitalized(name), 0);
        if (getter == null) {
            getter = findMethod(holder.getClass(), "is" + capitalized(name), 0);
        }
        if (getter == null) {
            throw noSuchField(holder, name, path);
        }
        return getter.invoke(holder);
    }

    private static int tuplePosition(Tuple t, String name, String[] path) {
        String digits = name.startsWith("f") ? name.substring(1) : name;
        try {
            int pos = Integer.parseInt(digits);
            if (pos >= 0 && pos < t.getArity()) {
                return pos;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("Field expression \"" + String.join(".", path) + "\": '" + name + "' is not a field of a Tuple"
                + t.getArity() + "; use f0 to f" + (t.getArity() - 1) + ".");
    }

    private static Field publicField(Class<?> type, String name) {
        try {
            Field f = type.getField(name);
            return Modifier.isStatic(f.getModifiers()) ? null : f;
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static Method findMethod(Class<?> type, String name, int parameters) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == parameters && !Modifier.isStatic(m.getModifiers())) {
                return m;
            }
        }
        return null;
    }

    private static String capitalized(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    private static IllegalArgumentException noSuchField(Object holder, String name, String[] path) {
        return new IllegalArgumentException("Field expression \"" + String.join(".", path) + "\": " + holder.getClass().getName()
                + " has no public field '" + name + "' and no public getter and setter for it.");
    }
}
