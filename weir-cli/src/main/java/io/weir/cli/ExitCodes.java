package io.weir.cli;

/** The exit codes of the {@code weir} command; the same list is printed by {@code --help}. */
public final class ExitCodes {
    private ExitCodes() {}

    /** The command did what was asked (for {@code run}: the job's main returned). */
    public static final int OK = 0;
    /** The job failed: its main threw, or the job failed for good after its restart strategy gave up. */
    public static final int JOB_FAILED = 1;
    /**
     * A bad command line or input: unknown option, missing argument, an invalid {@code -D} or configuration value
     * ({@code IllegalConfigurationException}), no such jar or class, a checkpoint path that holds no checkpoint, or a
     * resume refused because the checkpoint to resume from cannot be used safely (nothing was changed).
     */
    public static final int USAGE = 2;
    /**
     * {@code weir demo} ran, but its output was not exactly-once (records missing or duplicated). Also the code of a
     * JVM that ran out of memory: the launcher starts Java with {@code -XX:+ExitOnOutOfMemoryError}, which ends the
     * process at once with 3 (set by the JVM); the job's checkpoints are kept.
     */
    public static final int VERDICT_FAILED = 3;
    /**
     * Weir could not do the work: an I/O error, a missing component, or an internal error. Also {@code weir demo} when
     * the job produced no records at all, so there was nothing to check.
     */
    public static final int ERROR = 4;
    /**
     * {@code weir checkpoints list}: the listing was printed, but a job in it has checkpoints of which none is intact, so
     * {@code weir run -s latest} cannot resume it.
     */
    public static final int NO_INTACT_CHECKPOINT = 5;
}
