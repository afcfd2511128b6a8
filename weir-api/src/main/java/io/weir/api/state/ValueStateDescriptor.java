package io.weir.api.state;

import io.weir.api.typeutils.TypeSerializer;

/** Describes a {@link ValueState}. */
public class ValueStateDescriptor<T> extends StateDescriptor<T> {
    private static final long serialVersionUID = 1L;

    private final T defaultValue;

    public ValueStateDescriptor(String name, Class<T> typeClass) {
        this(name, typeClass, null);
    }

    public ValueStateDescriptor(String name, TypeSerializer<T> serializer) {
        super(name, null, serializer);
        this.defaultValue = null;
    }

    /** Flink's deprecated form with a default value; the default is returned (not copied) when unset. */
    public ValueStateDescriptor(String name, Class<T> typeClass, T defaultValue) {
        super(name, typeClass, null);
        this.defaultValue = defaultValue;
    }

    public T getDefaultValue() {
        return defaultValue;
    }

    @Override
    public Type getType() {
        return Type.VALUE;
    }
}
