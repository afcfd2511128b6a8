package io.weir.api.io;

import java.io.IOException;

/**
 * Turns objects into bytes and back, with a version number stored beside the bytes so that a newer serializer can
 * still read what an older one wrote, as Flink's {@code SimpleVersionedSerializer}. Sinks use it for their
 * committables and writer state, which go into checkpoints.
 *
 * <p>Called on the task thread of the operator that checkpoints or restores the objects; an instance need not be
 * thread-safe.
 *
 * @param <E> the type of the serialized objects
 */
public interface SimpleVersionedSerializer<E> {
    /** The version {@link #serialize} writes; stored with the bytes and passed back to {@link #deserialize}. */
    int getVersion();

    /**
     * The bytes of {@code obj}.
     *
     * @throws IOException if the object cannot be serialized
     */
    byte[] serialize(E obj) throws IOException;

    /**
     * The object that {@code serialized}, written by a serializer of version {@code version}, describes.
     *
     * @throws IOException if the bytes are damaged or of a version this serializer cannot read
     */
    E deserialize(int version, byte[] serialized) throws IOException;
}
