package io.weir.api.state;

import io.weir.api.functions.ReduceFunction;
import io.weir.api.typeinfo.TypeInformation;
import io.weir.api.typeutils.TypeSerializer;

import java.util.Objects;

/** Describes a {@link ReducingState}. */
public class ReducingStateDescriptor<T> extends StateDescriptor<T> {
    private static final long serialVersionUID = 1L;

    private final ReduceFunction<T> reduceFunction;

    /** Reducing state named {@code name} of values of {@code typeClass}, combined with {@code reduceFunction}. */
    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, Class<T> typeClass) {
        super(name, typeClass, null);
        this.reduceFunction = Objects.requireNonNull(reduceFunction, "reduceFunction");
    }

    /** Reducing state named {@code name} of values of {@code typeInfo}, written with its serializer. */
    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, TypeInformation<T> typeInfo) {
        super(name, typeInfo);
        this.reduceFunction = Objects.requireNonNull(reduceFunction, "reduceFunction");
    }

    /** Reducing state named {@code name} whose values {@code serializer} writes, combined with {@code reduceFunction}. */
    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, TypeSerializer<T> serializer) {
        super(name, null, serializer);
        this.reduceFunction = Objects.requireNonNull(reduceFunction, "reduceFunction");
    }

    /** The function that combines an added value with the stored one. */
    public ReduceFunction<T> getReduceFunction() {
        return reduceFunction;
    }

    @Override
    public Type getType() {
        return Type.REDUCING;
    }
}
