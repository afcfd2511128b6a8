package io.weir.runtime.serialization;

import io.weir.api.typeutils.TypeSerializer;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * An enum constant as its ordinal. Reordering or removing constants changes the meaning of stored
 * bytes; the snapshot identifier names the enum so that a checkpoint says what it holds.
 */
final class EnumSerializer<E> extends ImmutableValueSerializer<E> {
    private static final long serialVersionUID = 1L;

    private final Class<E> type;
    private transient E[] constants;

    @SuppressWarnings("unchecked")
    EnumSerializer(Class<?> type) {
        super("enum:" + type.getName());
        this.type = (Class<E>) type;
    }

    private E[] constants() {
        if (constants == null) {
            constants = type.getEnumConstants();
        }
        return constants;
    }

    @Override
    void write(E value, DataOutput out) throws IOException {
        if (!type.isInstance(value)) {
            throw new ClassCastException(value.getClass().getName() + " is not a constant of " + type.getName());
        }
        Io.writeVarInt(out, ((Enum<?>) value).ordinal());
    }

    @Override
    E read(DataInput in) throws IOException {
        int ordinal = Io.readVarInt(in);
        E[] all = constants();
        if (ordinal < 0 || ordinal >= all.length) {
            throw Io.corrupt("ordinal " + ordinal + " of enum " + type.getName() + ", which has " + all.length
                    + " constants");
        }
        return all[ordinal];
    }
}
