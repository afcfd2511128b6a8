package io.weir.runtime.serialization;

/**
 * A value could not be written or read by a Weir serializer.
 *
 * <p>Thrown when a value's class cannot be serialized (for example the generic fallback meets a
 * field of a JDK-internal type), when a serializer is handed a value it does not accept (such as
 * {@code null} for a primitive serializer), and when the bytes being read are corrupt or were
 * written by a different serializer. The message names the class, and the field where it is
 * known, says what failed and what to do about it. Unchecked, because it signals a bug in the job
 * or a damaged checkpoint, neither of which the caller can retry.
 */
public class SerializationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SerializationException(String message) {
        super(message);
    }

    public SerializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
