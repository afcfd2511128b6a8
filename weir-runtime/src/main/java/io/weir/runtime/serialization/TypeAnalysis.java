package io.weir.runtime.serialization;

import io.weir.api.tuple.Tuple;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which built-in format a class gets. Results are cached per class in {@link ClassValue}s,
 * which do not keep user class loaders alive.
 */
final class TypeAnalysis {

    enum Kind { LONG, INT, SHORT, BYTE, BOOLEAN, CHAR, DOUBLE, FLOAT, STRING, BYTES, TUPLE, LIST, MAP, ENUM, RECORD, POJO, DYNAMIC, GENERIC }

    /** A POJO's constructor and serialized fields (sorted by name), or why the class is not a POJO. */
    static final class PojoInfo {
        final Constructor<?> constructor;
        final List<Field> fields;
        final String notPojoReason;

        private PojoInfo(Constructor<?> constructor, List<Field> fields, String notPojoReason) {
            this.constructor = constructor;
            this.fields = fields;
            this.notPojoReason = notPojoReason;
        }

        boolean isPojo() {
            return notPojoReason == null;
        }
    }

    private static final Map<Class<?>, Kind> FIXED = new HashMap<>();

    static {
        FIXED.put(Long.class, Kind.LONG);
        FIXED.put(long.class, Kind.LONG);
        FIXED.put(Integer.class, Kind.INT);
        FIXED.put(int.class, Kind.INT);
        FIXED.put(Short.class, Kind.SHORT);
        FIXED.put(short.class, Kind.SHORT);
        FIXED.put(Byte.class, Kind.BYTE);
        FIXED.put(byte.class, Kind.BYTE);
        FIXED.put(Boolean.class, Kind.BOOLEAN);
        FIXED.put(boolean.class, Kind.BOOLEAN);
        FIXED.put(Character.class, Kind.CHAR);
        FIXED.put(char.class, Kind.CHAR);
        FIXED.put(Double.class, Kind.DOUBLE);
        FIXED.put(double.class, Kind.DOUBLE);
        FIXED.put(Float.class, Kind.FLOAT);
        FIXED.put(float.class, Kind.FLOAT);
        FIXED.put(String.class, Kind.STRING);
        FIXED.put(byte[].class, Kind.BYTES);
        for (int arity = 0; arity <= Tuple.MAX_ARITY; arity++) {
            FIXED.put(Tuple.getTupleClass(arity), Kind.TUPLE);
        }
        FIXED.put(List.class, Kind.LIST);
        FIXED.put(ArrayList.class, Kind.LIST);
        FIXED.put(Map.class, Kind.MAP);
        FIXED.put(HashMap.class, Kind.MAP);
        FIXED.put(Object.class, Kind.DYNAMIC);
        FIXED.put(Tuple.class, Kind.DYNAMIC);
    }

    private static final ClassValue<Kind> KINDS = new ClassValue<>() {
        @Override
        protected Kind computeValue(Class<?> type) {
            Kind fixed = FIXED.get(type);
            if (fixed != null) {
                return fixed;
            }
            if (enumClass(type) != null) {
                return Kind.ENUM;
            }
            if (type.isRecord()) {
                return Kind.RECORD;
            }
            return POJOS.get(type).isPojo() ? Kind.POJO : Kind.GENERIC;
        }
    };

    private static final ClassValue<PojoInfo> POJOS = new ClassValue<>() {
        @Override
        protected PojoInfo computeValue(Class<?> type) {
            return analysePojo(type);
        }
    };

    private static final ClassValue<Boolean> IMMUTABLE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return isImmutable(type, new HashSet<>());
        }
    };

    private TypeAnalysis() {}

    /**
     * Whether values of a declared type never change: primitives, boxed primitives, strings, enums,
     * and records whose components are all of such types (a record that refers to itself counts).
     */
    static boolean isImmutable(Class<?> type) {
        return IMMUTABLE.get(type);
    }

    private static boolean isImmutable(Class<?> type, Set<Class<?>> visiting) {
        Kind kind = kindOf(type);
        switch (kind) {
            case LONG: case INT: case SHORT: case BYTE: case BOOLEAN: case CHAR: case DOUBLE: case FLOAT:
            case STRING: case ENUM:
                return true;
            case RECORD:
                if (!visiting.add(type)) {
                    return true;
                }
                for (var component : type.getRecordComponents()) {
                    if (!isImmutable(component.getType(), visiting)) {
                        return false;
                    }
                }
                return true;
            default:
                return false;
        }
    }

    static Kind kindOf(Class<?> type) {
        return KINDS.get(type);
    }

    static PojoInfo pojo(Class<?> type) {
        return POJOS.get(type);
    }

    /** The enum a class belongs to: itself, or the enum of a constant with a body; else null. */
    static Class<?> enumClass(Class<?> type) {
        if (type.isEnum()) {
            return type;
        }
        Class<?> parent = type.getSuperclass();
        return parent != null && parent.isEnum() ? parent : null;
    }

    /** Whether every value of a declared type is exactly that type, so that no type tag is needed. */
    static boolean isExact(Class<?> type) {
        return type.isPrimitive() || type.isArray() || Modifier.isFinal(type.getModifiers()) || enumClass(type) != null;
    }

    /** Flink-style rules: a public, concrete, top-level or static class with a public no-arg constructor whose
     *  non-static, non-transient fields are all non-final and either public or reachable by public getter and setter. */
    private static PojoInfo analysePojo(Class<?> type) {
        int modifiers = type.getModifiers();
        if (type.isPrimitive() || type.isArray() || type.isInterface() || type.isEnum() || type.isRecord()) {
            return notPojo("it is a primitive, array, interface, enum or record");
        }
        if (!Modifier.isPublic(modifiers)) {
            return notPojo("the class is not public");
        }
        if (Modifier.isAbstract(modifiers)) {
            return notPojo("the class is abstract");
        }
        if (type.isMemberClass() && !Modifier.isStatic(modifiers) || type.isLocalClass() || type.isAnonymousClass()) {
            return notPojo("it is an inner, local or anonymous class; make it a top-level or static nested class");
        }
        String name = type.getName();
        if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun.")) {
            return notPojo("JDK classes are not treated as POJOs");
        }
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            return notPojo("it has no public no-arg constructor");
        }
        List<Field> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int m = field.getModifiers();
                if (Modifier.isStatic(m) || Modifier.isTransient(m) || field.isSynthetic()) {
                    continue;
                }
                String problem = fieldProblem(type, field, names);
                if (problem != null) {
                    return notPojo(problem);
                }
                fields.add(field);
            }
        }
        try {
            constructor.setAccessible(true);
            for (Field field : fields) {
                field.setAccessible(true);
            }
        } catch (RuntimeException e) { // InaccessibleObjectException in a module that does not open the package
            return notPojo("its fields cannot be accessed (" + e.getMessage() + ")");
        }
        fields.sort(Comparator.comparing(Field::getName));
        return new PojoInfo(constructor, List.copyOf(fields), null);
    }

    private static String fieldProblem(Class<?> type, Field field, Set<String> names) {
        String where = "field '" + field.getName() + "' (declared in " + field.getDeclaringClass().getName() + ")";
        if (!names.add(field.getName())) {
            return where + " hides a field of the same name in a subclass";
        }
        if (Modifier.isFinal(field.getModifiers())) {
            return where + " is final";
        }
        if (Modifier.isPublic(field.getModifiers())) {
            return null;
        }
        String property = Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
        Class<?> ft = field.getType();
        boolean getter = hasMethod(type, "get" + property, ft)
                || (ft == boolean.class || ft == Boolean.class) && hasMethod(type, "is" + property, ft);
        boolean setter = hasSetter(type, "set" + property, ft);
        if (!getter || !setter) {
            return where + " is not public and has no public " + (getter ? "setter" : "getter")
                    + "; make it public or add get" + property + "() and set" + property + "(...)";
        }
        return null;
    }

    private static boolean hasMethod(Class<?> type, String name, Class<?> returnType) {
        try {
            Method m = type.getMethod(name);
            return returnType.isAssignableFrom(m.getReturnType());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static boolean hasSetter(Class<?> type, String name, Class<?> paramType) {
        try {
            type.getMethod(name, paramType);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static PojoInfo notPojo(String reason) {
        return new PojoInfo(null, List.of(), reason);
    }
}
