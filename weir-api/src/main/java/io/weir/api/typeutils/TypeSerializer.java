package io.weir.api.typeutils;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serializable;

/**
 * Writes, reads and copies values of one type, for state, checkpoints and the copies that make
 * records owned by the engine.
 *
 * <p>Records that move between tasks of one JVM are never serialized. With object reuse disabled
 * (the default) Weir calls {@link #copy} where it keeps a record or state value beyond the call that
 * handed it over: where a record crosses a task boundary, and where a value is stored in keyed state,
 * window contents or the transaction of a two-phase-commit sink. So a user function may reuse its
 * output objects, and the caller of a state's {@code update}, {@code add} or {@code put} may change
 * the value afterwards. No copy is made when {@link #isImmutableType()} is true, or when a state
 * update passes back the very object the state holds for the key (read, modify, update). With object
 * reuse enabled ({@link io.weir.api.common.ExecutionConfig#enableObjectReuse()}) Weir never calls
 * {@code copy} for ownership and records are passed by reference; this differs from Flink, which
 * serializes records crossing the network even then.
 *
 * <p>A serializer instance may keep reusable buffers, so it is used by one thread at a time; call
 * {@link #duplicate()} for another thread. {@link #snapshotIdentifier()} is written into checkpoint
 * metadata so that a checkpoint says which format its bytes are in.
 */
public interface TypeSerializer<T> extends Serializable {

    void serialize(T value, DataOutput out) throws IOException;

    T deserialize(DataInput in) throws IOException;

    /**
     * A deep copy that shares nothing mutable with {@code value}, or {@code value} itself when
     * {@code T} is immutable. Called by the engine on the thread that owns this instance, with a
     * non-null value, whenever it takes ownership of a record or state value (see the class comment);
     * so it should be cheap, and must not change {@code value}.
     *
     * @throws RuntimeException if the value cannot be copied; it fails the task like an exception of user code
     */
    T copy(T value);

    /**
     * Whether values of {@code T} can never change, so that {@link #copy} may return its argument.
     * When true the engine skips copies altogether, so answer true only for types that really are
     * immutable. Must return the same answer on every call.
     */
    boolean isImmutableType();

    /** A serializer safe to use from another thread (this one when stateless). */
    TypeSerializer<T> duplicate();

    /** A stable name of the format, such as {@code long} or {@code kryo:com.acme.Event}. */
    String snapshotIdentifier();
}
