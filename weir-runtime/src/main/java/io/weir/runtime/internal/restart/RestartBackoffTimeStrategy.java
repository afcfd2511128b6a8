package io.weir.runtime.internal.restart;

/**
 * Decides whether a failed job may run again and how long to wait first.
 *
 * <p><b>Call order.</b> For every failure of the job the caller makes exactly this sequence:
 * <ol>
 *   <li>{@link #notifyFailure(Throwable)} once, as soon as the failure is known;</li>
 *   <li>{@link #canRestart()}: {@code false} means the job has failed for good and must not be
 *       restarted; the caller stops here;</li>
 *   <li>{@link #getBackoffTime()}: how many milliseconds to wait before the restart.</li>
 * </ol>
 * The two queries have no side effects and return the same answer until the next
 * {@code notifyFailure}. A failure that surfaces while a restart is already pending (for example a
 * second task failing from the same cause) belongs to that restart and is not reported again.
 *
 * <p><b>Threading.</b> Only the job master thread calls these methods, so implementations keep
 * plain, unsynchronised state. Time is read from the injected clock, never from the system, so a
 * test can drive a strategy with a manual clock.
 */
public interface RestartBackoffTimeStrategy {

    /**
     * Records one failure of the job. Time-based strategies stamp it with the current clock time.
     *
     * @param cause what failed the job; strategies may use it for logging but must not keep it
     */
    void notifyFailure(Throwable cause);

    /** Whether the job may be restarted after the failures recorded so far. */
    boolean canRestart();

    /**
     * Milliseconds to wait before restarting, never negative. Meaningful after
     * {@link #notifyFailure} when {@link #canRestart()} returned {@code true}.
     */
    long getBackoffTime();

    /** One line for logs and error messages: the strategy and its settings. */
    String describe();
}
