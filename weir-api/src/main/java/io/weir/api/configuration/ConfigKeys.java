package io.weir.api.configuration;

/** The configuration keys Weir reads; they are Flink's keys wherever Flink has one. */
public final class ConfigKeys {
    private ConfigKeys() {}

    /** The default parallelism of operators (Flink's key). */
    public static final String PARALLELISM_DEFAULT = "parallelism.default";
    /** The default maximum parallelism, the number of key groups (Flink's key). */
    public static final String MAX_PARALLELISM = "pipeline.max-parallelism";
    /** The job's name when {@code execute()} is called without one (Flink's key). */
    public static final String PIPELINE_NAME = "pipeline.name";
    /** How often watermark generators are asked for a watermark, as a duration; 0 for never (Flink's key). */
    public static final String AUTO_WATERMARK_INTERVAL = "pipeline.auto-watermark-interval";
    /**
     * Prefix of the global job parameters ({@code ExecutionConfig#setGlobalJobParameters}): each parameter {@code k}
     * is the setting {@code pipeline.global-job-parameters.k}. Flink's key for the same map.
     */
    public static final String GLOBAL_JOB_PARAMETERS_PREFIX = "pipeline.global-job-parameters.";
    /**
     * Boolean, default {@code false}: whether records and state values are passed by reference
     * without copies. Set it with {@link io.weir.api.common.ExecutionConfig#enableObjectReuse()},
     * which describes what it changes; the executor reads it when the job is built.
     */
    public static final String OBJECT_REUSE = "pipeline.object-reuse";
    /**
     * Whether operators that connect one-to-one at equal parallelism run chained in one task (default true), as in
     * Flink; {@code StreamExecutionEnvironment.disableOperatorChaining()} sets it to false.
     */
    public static final String OPERATOR_CHAINING = "pipeline.operator-chaining.enabled";
    /** Flink's runtime mode: {@code STREAMING} (default; the only one Weir runs), {@code BATCH}, {@code AUTOMATIC}. */
    public static final String RUNTIME_MODE = "execution.runtime-mode";
    /** The state backend: {@code hashmap} (default; the only one Weir has today). */
    public static final String STATE_BACKEND_TYPE = "state.backend.type";
    /**
     * Duration, default 30 s, at least 1 ms: how long a cancelled task may take to stop before the
     * job fails instead of running two attempts at once (Flink's key; Flink also allows 0 to wait
     * forever, Weir does not).
     */
    public static final String TASK_CANCELLATION_TIMEOUT = "task.cancellation.timeout";
    /**
     * Integer, default 512, from 1 to 65536: records per batch handed between subtasks (Weir's own
     * key). Smaller batches lower latency, larger ones raise throughput.
     */
    public static final String CHANNEL_BATCH_SIZE = "weir.channel.batch-size";
    /**
     * Boolean: whether a restart within the JVM restores the in-memory copy of the latest
     * checkpoint instead of reading its files. Flink's key; Weir differs on purpose in its default,
     * {@code true}, because the copy is already there and restoring it is faster.
     */
    public static final String LOCAL_RECOVERY = "state.backend.local-recovery";

    /** The checkpoint interval, as a duration; unset: no checkpoints (Flink's key). */
    public static final String CHECKPOINTING_INTERVAL = "execution.checkpointing.interval";
    /** {@code EXACTLY_ONCE} (default) or {@code AT_LEAST_ONCE} (Flink's key). */
    public static final String CHECKPOINTING_MODE = "execution.checkpointing.mode";
    /** The folder (or file: URI) checkpoints are written to (Flink's key). */
    public static final String CHECKPOINTING_DIR = "execution.checkpointing.dir";
    /** How long a checkpoint may take before it is declined (Flink's key). */
    public static final String CHECKPOINTING_TIMEOUT = "execution.checkpointing.timeout";
    /** The least time between the end of a checkpoint and the start of the next (Flink's key). */
    public static final String CHECKPOINTING_MIN_PAUSE = "execution.checkpointing.min-pause";
    /** How many checkpoints may be in progress at once (Flink's key). */
    public static final String CHECKPOINTING_MAX_CONCURRENT = "execution.checkpointing.max-concurrent-checkpoints";
    /** How many checkpoints may fail in a row before the job fails (Flink's key). */
    public static final String CHECKPOINTING_TOLERABLE_FAILURES = "execution.checkpointing.tolerable-failed-checkpoints";
    /** Whether exactly-once checkpoints are unaligned (Flink's key). */
    public static final String CHECKPOINTING_UNALIGNED = "execution.checkpointing.unaligned.enabled";
    /** How long barriers are aligned before an unaligned checkpoint is taken instead (Flink's key). */
    public static final String CHECKPOINTING_ALIGNED_TIMEOUT = "execution.checkpointing.aligned-checkpoint-timeout";
    /** What happens to checkpoints when the job ends; see {@code ExternalizedCheckpointRetention} (Flink's key). */
    public static final String CHECKPOINTING_RETENTION = "execution.checkpointing.externalized-checkpoint-retention";
    /** How many completed checkpoints are kept (Flink's key). */
    public static final String CHECKPOINTING_NUM_RETAINED = "execution.checkpointing.num-retained";
    /** {@code latest} or the path of a checkpoint folder to restore from when the job starts. */
    /** Which executor runs the job (the name of a {@code PipelineExecutorFactory}); default: the one with the highest priority. */
    public static final String EXECUTION_TARGET = "execution.target";
    /** The checkpoint to restore at start: a folder, or {@code latest} (Weir's key; {@code -s} on the command line). */
    public static final String CHECKPOINTING_RESTORE = "execution.checkpointing.restore";
    /**
     * Boolean, default {@code false} (Weir's own key): with {@code execution.checkpointing.restore=latest},
     * whether the job may resume from an older checkpoint when the newest completed one is damaged.
     * Output committed after the older checkpoint may then be emitted again; without this key such a
     * restore is refused ({@link io.weir.api.execution.RestoreRefusedException}).
     */
    public static final String RESTORE_ALLOW_REWIND = "weir.restore.allow-rewind";
    /**
     * Boolean, default {@code false} (Weir's own key; {@code weir run --fresh}): the job starts from
     * scratch on purpose. Without it, a job that starts without {@code execution.checkpointing.restore}
     * while its checkpoint folder holds completed checkpoints logs a warning; with it, that warning is
     * left out. Setting it together with {@code execution.checkpointing.restore} is rejected at
     * {@code execute()} with an {@link IllegalConfigurationException}.
     */
    public static final String RESTORE_FRESH = "weir.restore.fresh";

    /** The restart strategy: {@code none}, {@code fixed-delay}, {@code failure-rate}, {@code exponential-delay} (Flink's key). */
    public static final String RESTART_STRATEGY_TYPE = "restart-strategy.type";
    /** Fixed-delay strategy: restarts allowed (Flink's key). */
    public static final String RESTART_FIXED_DELAY_ATTEMPTS = "restart-strategy.fixed-delay.attempts";
    /** Fixed-delay strategy: the delay before each restart (Flink's key). */
    public static final String RESTART_FIXED_DELAY_DELAY = "restart-strategy.fixed-delay.delay";
    /** Failure-rate strategy: failures allowed per interval (Flink's key). */
    public static final String RESTART_FAILURE_RATE_MAX = "restart-strategy.failure-rate.max-failures-per-interval";
    /** Failure-rate strategy: the interval failures are counted in (Flink's key). */
    public static final String RESTART_FAILURE_RATE_INTERVAL = "restart-strategy.failure-rate.failure-rate-interval";
    /** Failure-rate strategy: the delay before each restart (Flink's key). */
    public static final String RESTART_FAILURE_RATE_DELAY = "restart-strategy.failure-rate.delay";
    /** Exponential-delay strategy: the first delay (Flink's key). */
    public static final String RESTART_EXP_INITIAL = "restart-strategy.exponential-delay.initial-backoff";
    /** Exponential-delay strategy: the largest delay (Flink's key). */
    public static final String RESTART_EXP_MAX = "restart-strategy.exponential-delay.max-backoff";
    /** Exponential-delay strategy: the factor the delay grows by (Flink's key). */
    public static final String RESTART_EXP_MULTIPLIER = "restart-strategy.exponential-delay.backoff-multiplier";
    /** Exponential-delay strategy: the quiet time after which the delay starts over (Flink's key). */
    public static final String RESTART_EXP_RESET = "restart-strategy.exponential-delay.reset-backoff-threshold";
    /** Exponential-delay strategy: the random part of each delay (Flink's key). */
    public static final String RESTART_EXP_JITTER = "restart-strategy.exponential-delay.jitter-factor";
    /** Exponential-delay strategy: restarts allowed before the delay starts over (Flink's key). */
    public static final String RESTART_EXP_ATTEMPTS = "restart-strategy.exponential-delay.attempts-before-reset-backoff";

    /**
     * Flink's other names for a key, read in this order when the key itself is unset, as Flink reads its deprecated and
     * fallback keys: Flink 1.20's restore key {@code execution.state-recovery.path} and the older
     * {@code execution.savepoint.path} for {@link #CHECKPOINTING_RESTORE}, {@code state.checkpoints.dir} for
     * {@link #CHECKPOINTING_DIR}, {@code state.checkpoints.num-retained} for {@link #CHECKPOINTING_NUM_RETAINED},
     * {@code execution.state-recovery.from-local} for {@link #LOCAL_RECOVERY}. So a job configured for Flink resumes
     * (or keeps its checkpoints where it says) instead of silently starting fresh.
     */
    private static final java.util.Map<String, java.util.List<String>> FALLBACKS = java.util.Map.of(
            CHECKPOINTING_RESTORE, java.util.List.of("execution.state-recovery.path", "execution.savepoint.path"),
            CHECKPOINTING_DIR, java.util.List.of("state.checkpoints.dir"),
            CHECKPOINTING_NUM_RETAINED, java.util.List.of("state.checkpoints.num-retained"),
            LOCAL_RECOVERY, java.util.List.of("execution.state-recovery.from-local"));

    /**
     * Flink's other names for {@code key} (see above), in the order they are read; empty for most keys. Pure; any
     * thread.
     */
    public static java.util.List<String> fallbackKeys(String key) {
        return FALLBACKS.getOrDefault(key, java.util.List.of());
    }

    /** Namespaces that belong to the engine: a key in one of them that is not declared here is probably a typo. */
    private static final java.util.List<String> ENGINE_PREFIXES = java.util.List.of("execution.", "pipeline.", "restart-strategy.", "state.",
            "task.", "taskmanager.", "parallelism.", "weir.");

    /**
     * Every key declared in this class, and Flink's other names for them ({@link #fallbackKeys}). Pure; any thread.
     *
     * @return an unmodifiable sorted set
     */
    public static java.util.SortedSet<String> known() {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>();
        FALLBACKS.values().forEach(keys::addAll);
        for (java.lang.reflect.Field f : ConfigKeys.class.getFields()) {
            if (f.getType() == String.class && java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                try {
                    keys.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("ConfigKeys." + f.getName() + " is not readable", e);
                }
            }
        }
        return java.util.Collections.unmodifiableSortedSet(keys);
    }

    /**
     * One warning per key of {@code conf} that lies in an engine namespace ({@code execution.},
     * {@code pipeline.}, {@code restart-strategy.}, {@code state.}, {@code task.}, {@code weir.}, ...)
     * but is not a known key, naming the nearest known key when one is close. Keys outside those
     * namespaces are the job's own and are not checked. Pure; any thread.
     *
     * @param extraKnown further keys that are valid here (for example those of a connector)
     */
    public static java.util.List<String> unknownKeyWarnings(Configuration conf, java.util.Collection<String> extraKnown) {
        java.util.SortedSet<String> known = new java.util.TreeSet<>(known());
        known.addAll(extraKnown);
        java.util.List<String> warnings = new java.util.ArrayList<>();
        for (String key : new java.util.TreeSet<>(conf.toMap().keySet())) {
            if (known.contains(key) || key.startsWith(GLOBAL_JOB_PARAMETERS_PREFIX) || ENGINE_PREFIXES.stream().noneMatch(key::startsWith)) {
                continue;
            }
            String nearest = null;
            int best = Integer.MAX_VALUE;
            for (String k : known) {
                int d = editDistance(key, k);
                if (d < best) {
                    best = d;
                    nearest = k;
                }
            }
            boolean close = nearest != null && best <= Math.max(2, key.length() / 5);
            warnings.add("Unknown configuration key '" + key + "' (ignored)" + (close ? "; did you mean '" + nearest + "'?" : "."));
        }
        return warnings;
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
