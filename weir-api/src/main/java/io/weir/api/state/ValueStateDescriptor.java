package io.weir.api.state;

import io.weir.api.typeinfo.TypeInformation;
import io.weir.api.typeutils.TypeSerializer;

/** Describes a {@link ValueState}. */
public class ValueStateDescriptor<T> extends StateDescriptor<T> {
    private static final long serialVersionUID = 1L;

    private final T defaultValue;

    /** Value state named {@code name} of values of {@code typeClass}, written in the runtime's format for that class. */
    public ValueStateDescriptor(String name, Class<T> typeClass) {
        this(name, typeClass, null);
    }

    /** Value state named {@code name} of values of {@code typeInfo}, written with its serializer. */
    public ValueStateDescriptor(String name, TypeInformation<T> typeInfo) {
        super(name, typeInfo);
        this.defaultValue = null;
    }

    /** Flink's deprecated form with a default value and type information; see {@link #getDefaultValue()}. */
    @Deprecated
    public ValueStateDescriptor(String name, TypeInformation<T> typeInfo, T defaultValue) {
        super(name, typeInfo);
        this.defaultValue = defaultValue;
    }

    /** Value state named {@code name} whose values {@code serializer} writes. */
    public ValueStateDescriptor(String name, TypeSerializer<T> serializer) {
        super(name, null, serializer);
        this.defaultValue = null;
    }

    /** Flink's deprecated form with a default value; the default is returned (not copied) when unset. */
    public ValueStateDescriptor(String name, Class<T> typeClass, T defaultValue) {
        super(name, typeClass, null);
        this.defaultValue = defaultValue;
    }

    /** The value {@code value()} returns for a key without one, or {@code null}. */
    public T getDefaultValue() {
        return defaultValue;
    }

    @Override
    public Type getType() {
        return Type.VALUE;
    }
}
