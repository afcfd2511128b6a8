package io.weir.runtime.internal.graph;

import io.weir.api.functions.KeySelector;

import java.lang.invoke.SerializedLambda;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Checks, before a job runs, that a key selector's declared key type has a stable hashCode. A key
 * decides its key group, so a key type hashed by identity (an array) would send equal keys to
 * different subtasks and scatter their state. Keys declared as {@code Object} are checked per record.
 */
final class KeyTypes {
    private KeyTypes() {}

    static void checkKeySelector(KeySelector<?, ?> selector, String operatorName) {
        if (selector == null) {
            throw new IllegalArgumentException("keyBy into '" + operatorName + "' has no key selector (null was passed).");
        }
        String type = declaredKeyType(selector);
        if (type != null && type.startsWith("[")) {
            throw new IllegalArgumentException("keyBy into '" + operatorName + "': the key type " + type
                    + " is an array, whose hashCode is its identity, so equal keys would land on different subtasks. "
                    + "Key by a String, a boxed number, a Tuple or a List instead (for example Arrays.asList(...) or new String(bytes)).");
        }
    }

    /** The key type as a JVM descriptor ("[I", "Ljava/lang/String;") or class name, or null if unknown. */
    static String declaredKeyType(KeySelector<?, ?> selector) {
        Class<?> c = selector.getClass();
        if (c.isSynthetic() || c.getName().contains("$$Lambda")) {
            try {
                Method m = c.getDeclaredMethod("writeReplace");
                m.setAccessible(true);
                SerializedLambda l = (SerializedLambda) m.invoke(selector);
                String sig = l.getInstantiatedMethodType();
                return sig.substring(sig.indexOf(')') + 1);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            for (Type t : k.getGenericInterfaces()) {
                if (t instanceof ParameterizedType && ((ParameterizedType) t).getRawType() == KeySelector.class) {
                    Type key = ((ParameterizedType) t).getActualTypeArguments()[1];
                    if (key instanceof Class && ((Class<?>) key).isArray()) {
                        return "[" + ((Class<?>) key).getComponentType().getName();
                    }
                    if (key instanceof GenericArrayType) {
                        return "[" + ((GenericArrayType) key).getGenericComponentType().getTypeName();
                    }
                    return key.getTypeName();
                }
            }
        }
        return null;
    }
}
