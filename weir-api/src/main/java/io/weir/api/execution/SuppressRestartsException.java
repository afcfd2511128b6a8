package io.weir.api.execution;

/**
 * Thrown by user code (or by Weir) to fail the job at once, without asking the restart strategy:
 * for failures that a restart cannot cure, such as an input that will never become valid or a
 * configuration that is wrong. The job ends FAILED with this exception's cause in its failure
 * history, classified {@link FailureRecord.Classification#FATAL}; its checkpoints are kept, so it
 * can be resumed once the cause is fixed. Same name and meaning as Flink's.
 *
 * <p>May be thrown from any user function on its task thread; wrapping it in other exceptions does
 * not hide it (the whole cause chain is searched).
 */
public class SuppressRestartsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param cause why the job cannot go on; shown to the user as the job's failure */
    public SuppressRestartsException(Throwable cause) {
        super("Unrecoverable failure; restarts suppressed: " + cause, cause);
    }
}
