package io.weir.runtime.serialization;

import io.weir.api.common.ExecutionConfig;
import io.weir.api.spi.TypeSerializerProvider;
import io.weir.api.typeinfo.TypeInformation;
import io.weir.api.typeutils.GenericTypeInfo;
import io.weir.api.typeutils.TypeSerializer;

/**
 * Creates the serializer a {@code TypeInformation} describes (registered for {@link java.util.ServiceLoader}): a
 * {@link GenericTypeInfo} gets the Kryo fallback, every other type the built-in format of its class
 * ({@link Serializers#forClass}). Field and element types of tuples, lists and maps are not used to fix the format yet:
 * their fields and elements stay self-describing (type-tagged). Stateless; any thread.
 */
public final class TypeInformationSerializers implements TypeSerializerProvider {
    @Override
    public <T> TypeSerializer<T> createSerializer(TypeInformation<T> type, ExecutionConfig config) {
        if (type == null) {
            throw new IllegalArgumentException("createSerializer needs a TypeInformation, got null.");
        }
        return type instanceof GenericTypeInfo ? Serializers.kryo(type.getTypeClass()) : Serializers.forClass(type.getTypeClass());
    }
}
