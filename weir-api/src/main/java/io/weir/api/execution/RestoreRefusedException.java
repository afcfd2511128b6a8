package io.weir.api.execution;

/**
 * Thrown by {@code execute()} (before anything runs) when the job was asked to resume from a
 * checkpoint ({@code execution.checkpointing.restore}, {@code weir run -s}) that cannot be used
 * without risking lost or duplicated output, for example because the newest completed checkpoint
 * is damaged. The message names the checkpoint, what is wrong, and the choices; no checkpoint was
 * changed. {@code weir run} exits with code 2 on it.
 */
public class RestoreRefusedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** @param message what was refused and why, naming the checkpoint and the user's choices (one line) */
    public RestoreRefusedException(String message) {
        super(message);
    }
}
