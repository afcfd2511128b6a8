package io.weir.runtime.simulation;

/** The exception a simulation throws from a subtask to inject a failure; the job treats it as a user-code failure. */
public final class SimulatedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SimulatedFailure(String message) {
        super(message);
    }
}
