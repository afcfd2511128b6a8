package io.weir.runtime.serialization;

import java.io.Serializable;

/**
 * What a built serializer becomes under Java serialization: its class, rebuilt with
 * {@link Serializers#forClass} on the other side (or {@link Serializers#dynamic()} when the class
 * is null), since reflective members and Kryo instances cannot be serialized.
 */
final class SerialProxy implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Class<?> type;

    SerialProxy(Class<?> type) {
        this.type = type;
    }

    private Object readResolve() {
        return type == null ? Serializers.dynamic() : Serializers.forClass(type);
    }
}
