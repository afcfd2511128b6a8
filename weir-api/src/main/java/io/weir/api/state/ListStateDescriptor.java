package io.weir.api.state;

import io.weir.api.typeutils.TypeSerializer;

/** Describes a {@link ListState}; the class and serializer are those of the elements. */
public class ListStateDescriptor<T> extends StateDescriptor<T> {
    private static final long serialVersionUID = 1L;

    public ListStateDescriptor(String name, Class<T> elementClass) {
        super(name, elementClass, null);
    }

    public ListStateDescriptor(String name, TypeSerializer<T> elementSerializer) {
        super(name, null, elementSerializer);
    }

    @Override
    public Type getType() {
        return Type.LIST;
    }
}
