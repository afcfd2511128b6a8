package io.weir.api.spi;

import io.weir.api.common.ExecutionConfig;
import io.weir.api.typeinfo.TypeInformation;
import io.weir.api.typeutils.TypeSerializer;

/**
 * Creates the serializer a {@link TypeInformation} describes. The API module describes types; the runtime, which owns
 * the serialization formats, implements this interface and registers it with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.weir.api.spi.TypeSerializerProvider}). Part of the executor SPI, not for job authors.
 *
 * <p>Called on any thread; implementations must be thread-safe. Each call returns a new serializer, which like every
 * {@link TypeSerializer} is for one thread at a time.
 */
public interface TypeSerializerProvider {
    /**
     * The serializer for values of {@code type}.
     *
     * @param config the job's execution config (for settings such as registered types), never null
     * @throws IllegalArgumentException if this runtime has no format for {@code type}
     */
    <T> TypeSerializer<T> createSerializer(TypeInformation<T> type, ExecutionConfig config);
}
