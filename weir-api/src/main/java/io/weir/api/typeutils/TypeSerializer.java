package io.weir.api.typeutils;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serializable;

/**
 * Writes and reads values of one type for state and checkpoints. Records that move between subtasks
 * of one JVM are passed by reference and never serialized.
 *
 * <p>A serializer instance may keep reusable buffers, so it is used by one thread at a time; call
 * {@link #duplicate()} for another thread. {@link #snapshotIdentifier()} is written into checkpoint
 * metadata so that a checkpoint says which format its bytes are in.
 */
public interface TypeSerializer<T> extends Serializable {

    void serialize(T value, DataOutput out) throws IOException;

    T deserialize(DataInput in) throws IOException;

    /** A deep copy, or the same instance when {@code T} is immutable. */
    T copy(T value);

    /** Whether values are immutable, so that {@link #copy} may return its argument. */
    boolean isImmutableType();

    /** A serializer safe to use from another thread (this one when stateless). */
    TypeSerializer<T> duplicate();

    /** A stable name of the format, such as {@code long} or {@code kryo:com.acme.Event}. */
    String snapshotIdentifier();
}
