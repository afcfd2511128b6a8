package io.weir.runtime.internal.state;

import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.StateDescriptor;
import io.weir.api.typeutils.TypeSerializer;
import io.weir.runtime.serialization.Serializers;

/** Picks the serializer of a state's values: the type information's, the one the user gave, or the runtime's choice for the class. */
public final class StateSerializers {
    private StateSerializers() {}

    @SuppressWarnings("unchecked")
    public static <T> TypeSerializer<T> valueSerializer(StateDescriptor<?> d) {
        if (d.getTypeInformation() != null) {
            return (TypeSerializer<T>) d.getTypeInformation().createSerializer(null);
        }
        if (d.getSerializer() != null) {
            return (TypeSerializer<T>) d.getSerializer().duplicate();
        }
        if (d.getTypeClass() != null) {
            return (TypeSerializer<T>) Serializers.forClass(d.getTypeClass());
        }
        return (TypeSerializer<T>) Serializers.dynamic();
    }

    @SuppressWarnings("unchecked")
    public static <T> TypeSerializer<T> mapKeySerializer(MapStateDescriptor<?, ?> d) {
        if (d.getKeyTypeInformation() != null) {
            return (TypeSerializer<T>) d.getKeyTypeInformation().createSerializer(null);
        }
        if (d.getKeySerializer() != null) {
            return (TypeSerializer<T>) d.getKeySerializer().duplicate();
        }
        if (d.getKeyClass() != null) {
            return (TypeSerializer<T>) Serializers.forClass(d.getKeyClass());
        }
        return (TypeSerializer<T>) Serializers.dynamic();
    }

    /** Serializer of keys of keyed state, whose type is not declared: tagged by type. */
    public static TypeSerializer<Object> keySerializer() {
        return Serializers.dynamic();
    }
}
