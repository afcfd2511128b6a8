package io.weir.api.state;

import io.weir.api.typeinfo.TypeInformation;
import io.weir.api.typeutils.TypeSerializer;

/** Describes a {@link MapState}. */
public class MapStateDescriptor<UK, UV> extends StateDescriptor<java.util.Map<UK, UV>> {
    private static final long serialVersionUID = 1L;

    private final Class<UK> keyClass;
    private final TypeSerializer<UK> keySerializer;
    private final TypeInformation<UK> keyTypeInfo;

    /** Map state named {@code name} from {@code keyClass} to {@code valueClass}, in the runtime's formats for the classes. */
    public MapStateDescriptor(String name, Class<UK> keyClass, Class<UV> valueClass) {
        super(name, valueClass, null);
        this.keyClass = keyClass;
        this.keySerializer = null;
        this.keyTypeInfo = null;
    }

    /** Map state named {@code name} from {@code keyTypeInfo} to {@code valueTypeInfo}, written with their serializers. */
    public MapStateDescriptor(String name, TypeInformation<UK> keyTypeInfo, TypeInformation<UV> valueTypeInfo) {
        super(name, valueTypeInfo);
        this.keyTypeInfo = java.util.Objects.requireNonNull(keyTypeInfo, "a map state's key TypeInformation is null");
        this.keyClass = keyTypeInfo.getTypeClass();
        this.keySerializer = null;
    }

    /** Map state named {@code name} whose keys and values the given serializers write. */
    public MapStateDescriptor(String name, TypeSerializer<UK> keySerializer, TypeSerializer<UV> valueSerializer) {
        super(name, null, valueSerializer);
        this.keyClass = null;
        this.keySerializer = keySerializer;
        this.keyTypeInfo = null;
    }

    /** The class of the map's keys, or {@code null} if a serializer was given. */
    public Class<UK> getKeyClass() {
        return keyClass;
    }

    /** The serializer given for the keys, or {@code null} if the runtime chooses it. */
    public TypeSerializer<UK> getKeySerializer() {
        return keySerializer;
    }

    /** The type information given for the keys, or {@code null}. */
    public TypeInformation<UK> getKeyTypeInformation() {
        return keyTypeInfo;
    }

    @Override
    public Type getType() {
        return Type.MAP;
    }
}
