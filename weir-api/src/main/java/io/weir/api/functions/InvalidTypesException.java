package io.weir.api.functions;

/**
 * Thrown when a type cannot be described as a {@code TypeInformation}: a raw tuple class without field types, a type
 * variable, a wildcard. Thrown on the thread that builds the job, when the type is given (by a {@code TypeHint},
 * {@code TypeInformation.of} or {@code Types}).
 */
public class InvalidTypesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With a message that names the type and what to do instead. */
    public InvalidTypesException(String message) {
        super(message);
    }

    /** With a message and the cause. */
    public InvalidTypesException(String message, Throwable cause) {
        super(message, cause);
    }
}
