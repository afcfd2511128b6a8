package io.weir.api.typeutils;

import io.weir.api.typeinfo.TypeInformation;

import java.util.Map;
import java.util.Objects;

/**
 * A {@code java.util.Map} with keys and values of the given types. Immutable; any thread.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class MapTypeInfo<K, V> extends TypeInformation<Map<K, V>> {
    private static final long serialVersionUID = 1L;

    private final TypeInformation<K> keyTypeInfo;
    private final TypeInformation<V> valueTypeInfo;

    /** Maps from {@code keyTypeInfo} to {@code valueTypeInfo}. */
    public MapTypeInfo(TypeInformation<K> keyTypeInfo, TypeInformation<V> valueTypeInfo) {
        this.keyTypeInfo = Objects.requireNonNull(keyTypeInfo, "keyTypeInfo");
        this.valueTypeInfo = Objects.requireNonNull(valueTypeInfo, "valueTypeInfo");
    }

    /** Maps from {@code keyClass} to {@code valueClass}. */
    public MapTypeInfo(Class<K> keyClass, Class<V> valueClass) {
        this(TypeInformation.of(keyClass), TypeInformation.of(valueClass));
    }

    /** The type of the keys. */
    public TypeInformation<K> getKeyTypeInfo() {
        return keyTypeInfo;
    }

    /** The type of the values. */
    public TypeInformation<V> getValueTypeInfo() {
        return valueTypeInfo;
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 0;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<Map<K, V>> getTypeClass() {
        return (Class<Map<K, V>>) (Class<?>) Map.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof MapTypeInfo && ((MapTypeInfo<?, ?>) obj).keyTypeInfo.equals(keyTypeInfo)
                && ((MapTypeInfo<?, ?>) obj).valueTypeInfo.equals(valueTypeInfo);
    }

    @Override
    public int hashCode() {
        return 31 * keyTypeInfo.hashCode() + valueTypeInfo.hashCode();
    }

    @Override
    public String toString() {
        return "Map<" + keyTypeInfo + ", " + valueTypeInfo + ">";
    }
}
