package io.weir.api.environment;

import io.weir.api.configuration.ConfigKeys;
import io.weir.api.configuration.Configuration;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Checkpoint settings, with Flink's names and defaults. Values are checked at {@code execute()},
 * which fails with the name of the bad setting and the allowed values.
 */
public class CheckpointConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The default checkpoint timeout: 10 minutes, as in Flink. */
    public static final long DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;

    private long checkpointInterval = -1;
    private CheckpointingMode checkpointingMode = CheckpointingMode.EXACTLY_ONCE;
    private long checkpointTimeout = DEFAULT_TIMEOUT_MS;
    private long minPauseBetweenCheckpoints;
    private int maxConcurrentCheckpoints = 1;
    private int tolerableCheckpointFailureNumber;
    private boolean unalignedCheckpointsEnabled;
    private long alignedCheckpointTimeoutMs;
    private ExternalizedCheckpointRetention externalizedCheckpointRetention = ExternalizedCheckpointRetention.DELETE_ON_CANCELLATION;
    private String checkpointStorage;
    private int numRetainedCheckpoints = 1;

    /** Flink's defaults: checkpointing off, EXACTLY_ONCE, 10 min timeout, one checkpoint at a time, one retained. */
    public CheckpointConfig() {}

    /** Copy constructor. */
    public CheckpointConfig(CheckpointConfig o) {
        checkpointInterval = o.checkpointInterval;
        checkpointingMode = o.checkpointingMode;
        checkpointTimeout = o.checkpointTimeout;
        minPauseBetweenCheckpoints = o.minPauseBetweenCheckpoints;
        maxConcurrentCheckpoints = o.maxConcurrentCheckpoints;
        tolerableCheckpointFailureNumber = o.tolerableCheckpointFailureNumber;
        unalignedCheckpointsEnabled = o.unalignedCheckpointsEnabled;
        alignedCheckpointTimeoutMs = o.alignedCheckpointTimeoutMs;
        externalizedCheckpointRetention = o.externalizedCheckpointRetention;
        checkpointStorage = o.checkpointStorage;
        numRetainedCheckpoints = o.numRetainedCheckpoints;
    }

    /** Whether periodic checkpoints are on (an interval greater than 0 was set). Pure; any thread. */
    public boolean isCheckpointingEnabled() {
        return checkpointInterval > 0;
    }

    /** Interval in ms between checkpoint triggers, or -1 when checkpointing is off. Pure; any thread. */
    public long getCheckpointInterval() {
        return checkpointInterval;
    }

    /** Interval in ms between the triggers of two checkpoints; -1 disables checkpointing. */
    public void setCheckpointInterval(long checkpointInterval) {
        this.checkpointInterval = checkpointInterval;
    }

    /** EXACTLY_ONCE (barriers aligned, the default) or AT_LEAST_ONCE. Pure; any thread. */
    public CheckpointingMode getCheckpointingMode() {
        return checkpointingMode;
    }

    /**
     * Sets the guarantee checkpoints give; called while the job is built, before {@code execute()}.
     *
     * @throws NullPointerException if {@code checkpointingMode} is null
     */
    public void setCheckpointingMode(CheckpointingMode checkpointingMode) {
        this.checkpointingMode = java.util.Objects.requireNonNull(checkpointingMode, "checkpointingMode");
    }

    /** Ms after which a checkpoint that is not complete is aborted. Pure; any thread. */
    public long getCheckpointTimeout() {
        return checkpointTimeout;
    }

    /** A checkpoint not complete after this many ms is aborted (default 10 minutes). */
    public void setCheckpointTimeout(long checkpointTimeout) {
        this.checkpointTimeout = checkpointTimeout;
    }

    /** Ms between the end of one checkpoint and the next trigger. Pure; any thread. */
    public long getMinPauseBetweenCheckpoints() {
        return minPauseBetweenCheckpoints;
    }

    /** At least this many ms between the end of one checkpoint and the trigger of the next (default 0). */
    public void setMinPauseBetweenCheckpoints(long minPauseBetweenCheckpoints) {
        this.minPauseBetweenCheckpoints = minPauseBetweenCheckpoints;
    }

    /** How many checkpoints may be in progress at once. Pure; any thread. */
    public int getMaxConcurrentCheckpoints() {
        return maxConcurrentCheckpoints;
    }

    /** How many checkpoints may be in progress at once (default 1). */
    public void setMaxConcurrentCheckpoints(int maxConcurrentCheckpoints) {
        this.maxConcurrentCheckpoints = maxConcurrentCheckpoints;
    }

    /** How many checkpoint failures in a row the job tolerates before it fails. Pure; any thread. */
    public int getTolerableCheckpointFailureNumber() {
        return tolerableCheckpointFailureNumber;
    }

    /** How many consecutive checkpoint failures are tolerated before the job fails (default 0). */
    public void setTolerableCheckpointFailureNumber(int tolerableCheckpointFailureNumber) {
        this.tolerableCheckpointFailureNumber = tolerableCheckpointFailureNumber;
    }

    /** Whether barriers may overtake queued records (stored in the checkpoint); EXACTLY_ONCE only. Pure; any thread. */
    public boolean isUnalignedCheckpointsEnabled() {
        return unalignedCheckpointsEnabled;
    }

    /** Same as {@code enableUnalignedCheckpoints(true)}. Before {@code execute()}. */
    public void enableUnalignedCheckpoints() {
        enableUnalignedCheckpoints(true);
    }

    /**
     * Lets barriers overtake queued records under backpressure; the overtaken records are stored in the
     * checkpoint and replayed on restore. Applies to EXACTLY_ONCE only (a warning at {@code execute()}
     * otherwise). Before {@code execute()}.
     */
    public void enableUnalignedCheckpoints(boolean enabled) {
        this.unalignedCheckpointsEnabled = enabled;
    }

    /** How long an alignment may last before an unaligned checkpoint takes over (0: unaligned at once). Pure; any thread. */
    public Duration getAlignedCheckpointTimeout() {
        return Duration.ofMillis(alignedCheckpointTimeoutMs);
    }

    /** With unaligned checkpoints enabled: align first, switch to unaligned after this long (0 = unaligned at once). */
    public void setAlignedCheckpointTimeout(Duration timeout) {
        this.alignedCheckpointTimeoutMs = timeout.toMillis();
    }

    /** What happens to the checkpoints when the job ends; default {@link ExternalizedCheckpointRetention#DELETE_ON_CANCELLATION}. */
    /**
     * Flink's older name for the retention of checkpoints when a job ends; see {@link ExternalizedCheckpointRetention}.
     */
    @Deprecated
    public enum ExternalizedCheckpointCleanup {
        /** As {@link ExternalizedCheckpointRetention#DELETE_ON_CANCELLATION}. */
        DELETE_ON_CANCELLATION,
        /** As {@link ExternalizedCheckpointRetention#RETAIN_ON_CANCELLATION}. */
        RETAIN_ON_CANCELLATION,
        /** As {@link ExternalizedCheckpointRetention#NO_EXTERNALIZED_CHECKPOINTS}. */
        NO_EXTERNALIZED_CHECKPOINTS
    }

    /** Flink's older form of {@link #setExternalizedCheckpointRetention}. */
    @Deprecated
    public void setExternalizedCheckpointCleanup(ExternalizedCheckpointCleanup cleanup) {
        setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.valueOf(cleanup.name()));
    }

    /** Flink 1.20's name for {@link #setCheckpointingMode}. */
    public void setCheckpointingConsistencyMode(CheckpointingMode mode) {
        setCheckpointingMode(mode);
    }

    /** What happens to the job's checkpoints when it ends. */
    public ExternalizedCheckpointRetention getExternalizedCheckpointRetention() {
        return externalizedCheckpointRetention;
    }

    /** Sets what happens to the checkpoints when the job ends (a failed job always keeps them); not null. Before {@code execute()}. */
    public void setExternalizedCheckpointRetention(ExternalizedCheckpointRetention retention) {
        this.externalizedCheckpointRetention = java.util.Objects.requireNonNull(retention, "retention");
    }

    /** The checkpoint directory URI ({@code file:///path}) or path, or {@code null} for the default. */
    public String getCheckpointStorage() {
        return checkpointStorage;
    }

    /**
     * Where checkpoints are written: a {@code file://} URI or a plain path (key
     * {@code execution.checkpointing.dir}); null for {@code <tmp>/weir-checkpoints}. The folder is
     * created and checked at {@code execute()}, which fails naming it if it cannot be used.
     */
    public void setCheckpointStorage(String checkpointDirectory) {
        this.checkpointStorage = checkpointDirectory;
    }

    /**
     * As {@link #setCheckpointStorage(String)}, for a path.
     *
     * @throws NullPointerException if {@code checkpointDirectory} is null
     */
    public void setCheckpointStorage(Path checkpointDirectory) {
        this.checkpointStorage = checkpointDirectory.toUri().toString();
    }

    /** How many completed checkpoints are kept on disk (the newest ones). Pure; any thread. */
    public int getNumRetainedCheckpoints() {
        return numRetainedCheckpoints;
    }

    /** How many complete checkpoints to keep on disk (default 1, the newest). */
    public void setNumRetainedCheckpoints(int numRetainedCheckpoints) {
        this.numRetainedCheckpoints = numRetainedCheckpoints;
    }

    /**
     * Applies the {@code execution.checkpointing.*} keys present in {@code conf}; keys that are absent
     * keep their current values. Called by {@code StreamExecutionEnvironment.configure} on the thread
     * that builds the job. Ranges are checked later, at {@code execute()}.
     *
     * @throws io.weir.api.configuration.IllegalConfigurationException if a present value does not parse, naming key and value
     */
    public void configure(Configuration conf) {
        if (conf.containsKey(ConfigKeys.CHECKPOINTING_INTERVAL)) {
            checkpointInterval = conf.getDuration(ConfigKeys.CHECKPOINTING_INTERVAL, null).toMillis();
        }
        checkpointingMode = conf.getEnum(ConfigKeys.CHECKPOINTING_MODE, CheckpointingMode.class, checkpointingMode);
        checkpointStorage = conf.getString(ConfigKeys.CHECKPOINTING_DIR, checkpointStorage);
        checkpointTimeout = conf.getDuration(ConfigKeys.CHECKPOINTING_TIMEOUT, Duration.ofMillis(checkpointTimeout)).toMillis();
        minPauseBetweenCheckpoints = conf.getDuration(ConfigKeys.CHECKPOINTING_MIN_PAUSE, Duration.ofMillis(minPauseBetweenCheckpoints)).toMillis();
        maxConcurrentCheckpoints = conf.getInteger(ConfigKeys.CHECKPOINTING_MAX_CONCURRENT, maxConcurrentCheckpoints);
        tolerableCheckpointFailureNumber = conf.getInteger(ConfigKeys.CHECKPOINTING_TOLERABLE_FAILURES, tolerableCheckpointFailureNumber);
        unalignedCheckpointsEnabled = conf.getBoolean(ConfigKeys.CHECKPOINTING_UNALIGNED, unalignedCheckpointsEnabled);
        alignedCheckpointTimeoutMs = conf.getDuration(ConfigKeys.CHECKPOINTING_ALIGNED_TIMEOUT, Duration.ofMillis(alignedCheckpointTimeoutMs)).toMillis();
        externalizedCheckpointRetention = conf.getEnum(ConfigKeys.CHECKPOINTING_RETENTION, ExternalizedCheckpointRetention.class, externalizedCheckpointRetention);
        numRetainedCheckpoints = conf.getInteger(ConfigKeys.CHECKPOINTING_NUM_RETAINED, numRetainedCheckpoints);
    }
}
