package io.weir.api.state;

import io.weir.api.typeutils.TypeSerializer;

/** Describes a {@link MapState}. */
public class MapStateDescriptor<UK, UV> extends StateDescriptor<java.util.Map<UK, UV>> {
    private static final long serialVersionUID = 1L;

    private final Class<UK> keyClass;
    private final TypeSerializer<UK> keySerializer;

    public MapStateDescriptor(String name, Class<UK> keyClass, Class<UV> valueClass) {
        super(name, valueClass, null);
        this.keyClass = keyClass;
        this.keySerializer = null;
    }

    public MapStateDescriptor(String name, TypeSerializer<UK> keySerializer, TypeSerializer<UV> valueSerializer) {
        super(name, null, valueSerializer);
        this.keyClass = null;
        this.keySerializer = keySerializer;
    }

    public Class<UK> getKeyClass() {
        return keyClass;
    }

    public TypeSerializer<UK> getKeySerializer() {
        return keySerializer;
    }

    @Override
    public Type getType() {
        return Type.MAP;
    }
}
