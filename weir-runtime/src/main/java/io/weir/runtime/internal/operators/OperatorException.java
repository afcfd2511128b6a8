package io.weir.runtime.internal.operators;

/** An exception from an operator (usually from user code), tagged with where it happened. */
public final class OperatorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String operatorName;
    private final int subtaskIndex;

    public OperatorException(String operatorName, int subtaskIndex, Throwable cause) {
        super("Operator '" + operatorName + "' (subtask " + subtaskIndex + ") failed: " + cause, cause);
        this.operatorName = operatorName;
        this.subtaskIndex = subtaskIndex;
    }

    public String operatorName() {
        return operatorName;
    }

    public int subtaskIndex() {
        return subtaskIndex;
    }
}
