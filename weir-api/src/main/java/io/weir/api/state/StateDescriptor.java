package io.weir.api.state;

import io.weir.api.typeinfo.TypeInformation;
import io.weir.api.typeutils.TypeSerializer;

import java.io.Serializable;
import java.util.Objects;

/**
 * Names a piece of state and says how its values are serialized: either a {@link TypeSerializer}
 * or a class, for which the runtime picks a built-in serializer (primitives, String, byte[],
 * tuples, records, POJOs) or its generic fallback. The name identifies the state in checkpoints,
 * so it must stay the same across versions of a job that restore each other's checkpoints.
 */
public abstract class StateDescriptor<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The kind of state, which decides its snapshot layout; stored by ordinal in checkpoints, so only ever appended to. */
    public enum Type { VALUE, LIST, REDUCING, MAP, AGGREGATING }

    private final String name;
    private final Class<?> typeClass;
    private final TypeSerializer<?> serializer;
    private final TypeInformation<?> typeInfo;

    /**
     * A descriptor with a class or a serializer (one of them may be null: then the runtime chooses the format).
     *
     * @throws IllegalArgumentException if {@code name} is null or blank
     */
    protected StateDescriptor(String name, Class<?> typeClass, TypeSerializer<?> serializer) {
        this(name, typeClass, serializer, null);
    }

    /**
     * A descriptor whose values have the type {@code typeInfo}: they are written with its serializer.
     *
     * @throws IllegalArgumentException if {@code name} is null or blank
     * @throws NullPointerException if {@code typeInfo} is null
     */
    protected StateDescriptor(String name, TypeInformation<?> typeInfo) {
        this(name, java.util.Objects.requireNonNull(typeInfo, "a state descriptor's TypeInformation is null").getTypeClass(), null, typeInfo);
    }

    private StateDescriptor(String name, Class<?> typeClass, TypeSerializer<?> serializer, TypeInformation<?> typeInfo) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A state descriptor needs a non-empty name.");
        }
        this.name = name;
        this.typeClass = typeClass;
        this.serializer = serializer;
        this.typeInfo = typeInfo;
    }

    private StateTtlConfig ttlConfig = StateTtlConfig.DISABLED;

    /**
     * Gives the state a time to live (see {@link StateTtlConfig}); call it before the state is first used. Keyed state
     * only.
     *
     * @throws NullPointerException if {@code ttlConfig} is null
     */
    public void enableTimeToLive(StateTtlConfig ttlConfig) {
        this.ttlConfig = java.util.Objects.requireNonNull(ttlConfig, "ttlConfig");
    }

    /** The state's TTL config; {@link StateTtlConfig#DISABLED} unless {@link #enableTimeToLive} was called. */
    public StateTtlConfig getTtlConfig() {
        return ttlConfig;
    }

    /** The type information the descriptor was created with, or {@code null} if it was given a class or a serializer. */
    public TypeInformation<?> getTypeInformation() {
        return typeInfo;
    }

    /** The state's name, unique per operator; it identifies the state in checkpoints. */
    public String getName() {
        return name;
    }

    /** The value class given by the user, or {@code null} if a serializer was given instead. */
    public Class<?> getTypeClass() {
        return typeClass;
    }

    /** The serializer given by the user, or {@code null} if the runtime chooses one. */
    public TypeSerializer<?> getSerializer() {
        return serializer;
    }

    /** The kind of state this descriptor describes. */
    public abstract Type getType();

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((StateDescriptor<?>) o).name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), name);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + name + ")";
    }
}
