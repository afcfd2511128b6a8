package io.weir.api.state;

import io.weir.api.typeinfo.TypeInformation;
import io.weir.api.typeutils.TypeSerializer;

/** Describes a {@link ListState}; the class and serializer are those of the elements. */
public class ListStateDescriptor<T> extends StateDescriptor<T> {
    private static final long serialVersionUID = 1L;

    /** List state named {@code name} of elements of {@code elementClass}, in the runtime's format for that class. */
    public ListStateDescriptor(String name, Class<T> elementClass) {
        super(name, elementClass, null);
    }

    /** List state named {@code name} of elements of {@code elementTypeInfo}, written with its serializer. */
    public ListStateDescriptor(String name, TypeInformation<T> elementTypeInfo) {
        super(name, elementTypeInfo);
    }

    /** List state named {@code name} whose elements {@code elementSerializer} writes. */
    public ListStateDescriptor(String name, TypeSerializer<T> elementSerializer) {
        super(name, null, elementSerializer);
    }

    @Override
    public Type getType() {
        return Type.LIST;
    }
}
