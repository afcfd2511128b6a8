package io.weir.runtime.serialization;

import io.weir.api.typeutils.TypeSerializer;

/** A stateless serializer of an immutable type: copy is identity, duplicate is this. */
abstract class ImmutableValueSerializer<T> extends AbstractSerializer<T> {
    private static final long serialVersionUID = 1L;

    private final String identifier;

    ImmutableValueSerializer(String identifier) {
        this.identifier = identifier;
    }

    @Override
    final T copyNonNull(T value) {
        return value;
    }

    @Override
    public final boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return this;
    }

    @Override
    public final String snapshotIdentifier() {
        return identifier;
    }
}
