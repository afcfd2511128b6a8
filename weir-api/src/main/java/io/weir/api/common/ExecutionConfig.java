package io.weir.api.common;

import io.weir.api.configuration.ConfigKeys;
import io.weir.api.configuration.Configuration;

import java.util.Objects;

/**
 * How a job treats the objects that user functions emit and store, under Flink's class name. Get
 * the environment's one with {@code StreamExecutionEnvironment.getConfig()}.
 *
 * <p>This class holds no settings of its own: it reads and writes the {@link Configuration} it was
 * created over, under Flink's keys (see {@link ConfigKeys#OBJECT_REUSE}). So a setting made here
 * and the same key given to the environment's configuration (for example with {@code weir run -D})
 * are one setting, and it reaches the executor with the rest of the configuration when the job is
 * started. A job that is already running keeps the settings it started with.
 *
 * <p>Not thread-safe: call it from the thread that builds the job, before {@code execute()}.
 *
 * <h2>Who owns a record</h2>
 *
 * By default (object reuse disabled, as in Flink) a record handed to a {@code Collector}, returned
 * from a {@code MapFunction} or emitted by a source belongs to the engine. Weir copies it with its
 * type's {@code TypeSerializer#copy} where it is kept beyond the call: where it crosses from one
 * task to another, and where it is stored in keyed state, window contents or the open transaction
 * of a two-phase-commit sink. Copies of immutable types (strings, boxed
 * primitives, enums, types whose serializer says {@code isImmutableType()}) are free: the object
 * itself is kept. Therefore:
 *
 * <ul>
 *   <li>a function may reuse its output object: fill it, {@code collect} it, and fill it again for
 *       the next record;</li>
 *   <li>a value passed to a state's {@code update}, {@code add} or {@code put} is copied before it is
 *       stored, so the caller may change or reuse it afterwards. Passing back the very object that
 *       the state returned for the current key ({@code acc = state.value(); acc.count++;
 *       state.update(acc)}) copies nothing.</li>
 * </ul>
 *
 * <p>Operator list state ({@code OperatorStateStore}) is the exception: it keeps the objects it is
 * given, in both modes, and serializes them at each checkpoint barrier. It is usually filled in
 * {@code snapshotState}; do not change an object after adding it there.
 *
 * <h2>With object reuse enabled</h2>
 *
 * Weir copies nothing, anywhere. An object handed to {@code collect}, returned from {@code map} or
 * given to a state's {@code update}, {@code add} or {@code put} must not be changed afterwards, and
 * an object that a function received as input or read from state must not be kept across calls
 * (the engine or the upstream function may change it). This saves one copy per mutable record at
 * each task boundary and store.
 *
 * <h2>Where Weir differs from Flink</h2>
 *
 * <ul>
 *   <li>Between operators chained into one task Weir never copies: the next operator gets the very
 *       object that was emitted, in both modes (Flink copies there when object reuse is disabled).
 *       A function that keeps an input object beyond the call anywhere but in state (in a field, a
 *       buffer, a queue to another thread) must copy it itself if the function before it in the
 *       chain may reuse its output objects.</li>
 *   <li>In Flink, records that cross the network between tasks are serialized even with object
 *       reuse enabled, so a receiving task always gets its own object. Weir runs all tasks in one
 *       JVM and, with object reuse enabled, passes those records by reference too: the rules above
 *       hold across task boundaries as well.</li>
 * </ul>
 */
public final class ExecutionConfig {

    private final Configuration configuration;

    /** A standalone config over a fresh, empty configuration; every setting has its default. */
    public ExecutionConfig() {
        this(new Configuration());
    }

    /**
     * A config that reads and writes {@code configuration}. Used by the environment over its own
     * configuration.
     *
     * @throws NullPointerException if {@code configuration} is null
     */
    public ExecutionConfig(Configuration configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    /**
     * Turns copies off (sets {@code pipeline.object-reuse} to {@code true}): emitted records and stored
     * state values are passed by reference, so emitted objects must not be changed and input or state
     * objects must not be kept across calls (see the class comment). Worth it for jobs that emit
     * mutable types and follow those rules.
     *
     * @return this config
     */
    public ExecutionConfig enableObjectReuse() {
        configuration.setBoolean(ConfigKeys.OBJECT_REUSE, true);
        return this;
    }

    /**
     * Restores the default (sets {@code pipeline.object-reuse} to {@code false}): records and state
     * values are copied where they are kept, so functions may reuse their output objects.
     *
     * @return this config
     */
    public ExecutionConfig disableObjectReuse() {
        configuration.setBoolean(ConfigKeys.OBJECT_REUSE, false);
        return this;
    }

    /**
     * Whether object reuse is enabled: the value of {@code pipeline.object-reuse}, {@code false} when
     * unset.
     *
     * @throws IllegalArgumentException if the key holds something other than {@code true} or {@code false};
     *     the message names the key and the value
     */
    public boolean isObjectReuseEnabled() {
        return configuration.getBoolean(ConfigKeys.OBJECT_REUSE, false);
    }

    // ------------------------------------------------------------------ watermarks

    /**
     * Sets how often periodic watermark generators emit, in milliseconds ({@code pipeline.auto-watermark-interval},
     * default 200 ms; 0 turns periodic emission off). Read when the job starts, as in Flink, so a change after
     * {@code assignTimestampsAndWatermarks} or {@code fromSource} still applies.
     *
     * @return this config
     * @throws IllegalArgumentException if {@code intervalMillis} is negative
     */
    public ExecutionConfig setAutoWatermarkInterval(long intervalMillis) {
        if (intervalMillis < 0) {
            throw new IllegalArgumentException("setAutoWatermarkInterval: the interval must be >= 0 ms, was " + intervalMillis + ".");
        }
        configuration.setString(ConfigKeys.AUTO_WATERMARK_INTERVAL, intervalMillis + " ms");
        return this;
    }

    /**
     * The periodic watermark interval in milliseconds (default 200).
     *
     * @throws io.weir.api.configuration.IllegalConfigurationException if the key holds no duration
     */
    public long getAutoWatermarkInterval() {
        return configuration.getDuration(ConfigKeys.AUTO_WATERMARK_INTERVAL,
                java.time.Duration.ofMillis(io.weir.api.graph.TimestampsAndWatermarksSpec.DEFAULT_AUTO_WATERMARK_INTERVAL_MILLIS)).toMillis();
    }

    // ------------------------------------------------------------------ global job parameters

    /**
     * Makes {@code parameters} (typically a {@code ParameterTool}) readable by every user function of the job
     * ({@code RuntimeContext#getGlobalJobParameters()}), replacing any set before. Stored as the entries of its
     * {@link GlobalJobParameters#toMap()} under Flink's key prefix {@code pipeline.global-job-parameters.}, so they
     * travel with the configuration (and {@code weir run -D pipeline.global-job-parameters.k=v} sets one).
     *
     * @return this config
     * @throws NullPointerException if {@code parameters} is null
     */
    public ExecutionConfig setGlobalJobParameters(GlobalJobParameters parameters) {
        Objects.requireNonNull(parameters, "parameters");
        for (String key : new java.util.ArrayList<>(configuration.toMap().keySet())) {
            if (key.startsWith(ConfigKeys.GLOBAL_JOB_PARAMETERS_PREFIX)) {
                configuration.remove(key);
            }
        }
        parameters.toMap().forEach((k, v) -> configuration.setString(ConfigKeys.GLOBAL_JOB_PARAMETERS_PREFIX + k, v));
        return this;
    }

    /**
     * The global job parameters as a {@code ParameterTool} over the entries set (empty when none were). Weir differs
     * on purpose: it returns a {@code ParameterTool} even when another {@link GlobalJobParameters} subclass was set,
     * since only the entries travel with the job; a cast to {@code ParameterTool}, as Flink jobs write, always works.
     */
    public io.weir.api.util.ParameterTool getGlobalJobParameters() {
        java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
        configuration.toMap().forEach((k, v) -> {
            if (k.startsWith(ConfigKeys.GLOBAL_JOB_PARAMETERS_PREFIX)) {
                map.put(k.substring(ConfigKeys.GLOBAL_JOB_PARAMETERS_PREFIX.length()), v);
            }
        });
        return io.weir.api.util.ParameterTool.fromMap(map);
    }

    /**
     * Parameters of a job that every user function may read, under Flink's name. Subclass it (or use
     * {@code ParameterTool}) and return the entries from {@link #toMap()}; they are what Weir keeps.
     */
    public static class GlobalJobParameters implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        /** The parameters as strings; the default has none. Called on the thread that sets them, when they are set. */
        public java.util.Map<String, String> toMap() {
            return java.util.Collections.emptyMap();
        }
    }

    /**
     * Accepted for source compatibility with Flink, where it registers a class with Kryo so that its name is not
     * written with every value. Weir's Kryo fallback writes class names and needs no registration, so this changes
     * nothing.
     *
     * @return this config
     */
    public ExecutionConfig registerKryoType(Class<?> type) {
        java.util.Objects.requireNonNull(type, "registerKryoType needs a class, got null");
        return this;
    }

    @Override
    public String toString() {
        return "ExecutionConfig{objectReuse=" + configuration.getString(ConfigKeys.OBJECT_REUSE, "false") + "}";
    }
}
