package io.weir.api.environment;

import io.weir.api.common.ExecutionConfig;
import io.weir.api.configuration.ConfigKeys;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.IllegalConfigurationException;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.lib.CollectionSource;
import io.weir.api.connector.source.lib.NumberSequenceSource;
import io.weir.api.datastream.DataStreamSource;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobExecutionException;
import io.weir.api.execution.JobExecutionResult;
import io.weir.api.functions.source.ParallelSourceFunction;
import io.weir.api.functions.source.SourceFunction;
import io.weir.api.graph.SourceTransformation;
import io.weir.api.graph.Transformation;
import io.weir.api.restart.RestartStrategies.RestartStrategyConfiguration;
import io.weir.api.spi.Pipeline;
import io.weir.api.spi.PipelineExecutorFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;

/**
 * Where a job is built and started, with Flink's names. The executor is found through
 * {@link ServiceLoader} ({@link PipelineExecutorFactory}); with {@code weir-runtime} on the class
 * path that is the embedded engine, which runs the job in this JVM.
 *
 * <pre>{@code
 * StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
 * env.enableCheckpointing(1000);
 * env.setCheckpointingMode(CheckpointingMode.EXACTLY_ONCE);
 * env.fromSequence(1, 1000).map(x -> x * 2).print();
 * env.execute("doubles");
 * }</pre>
 */
public class StreamExecutionEnvironment {

    private static final ThreadLocal<Configuration> CONTEXT_CONFIGURATION = new ThreadLocal<>();

    private final Configuration configuration;
    private final ExecutionConfig executionConfig;
    private final CheckpointConfig checkpointConfig = new CheckpointConfig();
    private final List<Transformation<?>> transformations = new ArrayList<>();
    private int parallelism;
    private int maxParallelism = -1;
    private RestartStrategyConfiguration restartStrategy;

    /** An environment over {@code configuration}; use the static factories ({@code getExecutionEnvironment}, {@code createLocalEnvironment}). */
    protected StreamExecutionEnvironment(Configuration configuration, int defaultParallelism) {
        this.configuration = configuration.copy();
        this.executionConfig = new ExecutionConfig(this.configuration);
        this.parallelism = defaultParallelism;
        configure(this.configuration);
    }

    /**
     * An environment for this JVM. Its default parallelism is the number of processors, unless
     * {@code parallelism.default} is set in the context configuration (for example by {@code weir run -p}).
     *
     * @throws IllegalConfigurationException if a setting of the context configuration does not parse (for example
     *                                       {@code weir run -D execution.checkpointing.interval=abc})
     */
    public static StreamExecutionEnvironment getExecutionEnvironment() {
        Configuration ctx = CONTEXT_CONFIGURATION.get();
        return getExecutionEnvironment(ctx == null ? new Configuration() : ctx);
    }

    /**
     * An environment with {@code configuration} applied over this thread's context configuration (see
     * {@link #setContextConfiguration}). Any thread; the environment is used by the thread that builds the job.
     */
    public static StreamExecutionEnvironment getExecutionEnvironment(Configuration configuration) {
        Configuration merged = new Configuration();
        Configuration ctx = CONTEXT_CONFIGURATION.get();
        if (ctx != null) {
            merged.addAll(ctx);
        }
        merged.addAll(configuration);
        return new StreamExecutionEnvironment(merged, Runtime.getRuntime().availableProcessors());
    }

    /** Same as {@link #getExecutionEnvironment()}: Weir always runs in this JVM by default. */
    public static StreamExecutionEnvironment createLocalEnvironment() {
        return getExecutionEnvironment();
    }

    /** An environment for this JVM with default parallelism {@code parallelism} (checked at {@code execute()}). */
    public static StreamExecutionEnvironment createLocalEnvironment(int parallelism) {
        StreamExecutionEnvironment env = getExecutionEnvironment();
        env.setParallelism(parallelism);
        return env;
    }

    /** As {@link #createLocalEnvironment(int)}, with {@code configuration} applied (Flink's keys). */
    public static StreamExecutionEnvironment createLocalEnvironment(int parallelism, Configuration configuration) {
        StreamExecutionEnvironment env = getExecutionEnvironment(configuration);
        env.setParallelism(parallelism);
        return env;
    }

    /**
     * Sets the configuration that {@link #getExecutionEnvironment()} applies on this thread; used by
     * launchers such as {@code weir run} to pass {@code -p}, {@code -s} and {@code -D} settings to a job's {@code main}.
     */
    public static void setContextConfiguration(Configuration configuration) {
        if (configuration == null) {
            CONTEXT_CONFIGURATION.remove();
        } else {
            CONTEXT_CONFIGURATION.set(configuration.copy());
        }
    }

    /**
     * Applies Flink configuration keys to this environment: parallelism and checkpointing keys now,
     * restart strategy and runtime keys when the executor reads them at {@code execute()}. Called on
     * the thread that builds the job (also by the constructor, with the context configuration).
     *
     * @throws IllegalConfigurationException if a value read now does not parse, naming key and value
     */
    public void configure(Configuration conf) {
        if (conf != this.configuration) {
            this.configuration.addAll(conf);
        }
        parallelism = conf.getInteger(ConfigKeys.PARALLELISM_DEFAULT, parallelism);
        maxParallelism = conf.getInteger(ConfigKeys.MAX_PARALLELISM, maxParallelism);
        checkpointConfig.configure(conf);
    }

    /**
     * The settings of this environment under Flink's keys; changes made here before {@code execute()}
     * reach the job (the executor reads them then, warning about unknown engine keys). Never null.
     */
    public Configuration getConfiguration() {
        return configuration;
    }

    /**
     * The execution settings of this environment, such as object reuse. It is a view over
     * {@link #getConfiguration()}: what is set through it is stored there under Flink's keys, and
     * keys applied with {@link #configure} show in it. Called from the thread that builds the job;
     * {@code execute()} takes a copy, so later changes do not reach a job already started.
     *
     * @return the same instance on every call
     */
    public ExecutionConfig getConfig() {
        return executionConfig;
    }

    /** Default parallelism of every operator that does not set its own. Checked at {@code execute()}. */
    public StreamExecutionEnvironment setParallelism(int parallelism) {
        this.parallelism = parallelism;
        return this;
    }

    /** The default parallelism of operators that do not set their own. */
    public int getParallelism() {
        return parallelism;
    }

    /** Number of key groups (default 128, or the parallelism if larger); the upper bound for rescaling keyed state. */
    public StreamExecutionEnvironment setMaxParallelism(int maxParallelism) {
        this.maxParallelism = maxParallelism;
        return this;
    }

    /** The number of key groups, or -1 for the default (128, at least the parallelism). */
    public int getMaxParallelism() {
        return maxParallelism;
    }

    /**
     * Runs every operator in a task of its own (no operator chaining), as Flink's {@code disableOperatorChaining};
     * sets {@code pipeline.operator-chaining.enabled} to false. Read when the job is built ({@code execute}).
     *
     * @return this environment
     */
    public StreamExecutionEnvironment disableOperatorChaining() {
        configuration.setBoolean(ConfigKeys.OPERATOR_CHAINING, false);
        return this;
    }

    /** Whether operators may be chained ({@code pipeline.operator-chaining.enabled}, true by default). */
    public boolean isChainingEnabled() {
        return configuration.getBoolean(ConfigKeys.OPERATOR_CHAINING, true);
    }

    /** Enables periodic checkpoints every {@code interval} ms in {@link CheckpointingMode#EXACTLY_ONCE} mode. */
    public StreamExecutionEnvironment enableCheckpointing(long interval) {
        checkpointConfig.setCheckpointInterval(interval);
        return this;
    }

    /** Enables periodic checkpoints every {@code interval} ms with the given guarantee; returns this. Checked at {@code execute()}. */
    public StreamExecutionEnvironment enableCheckpointing(long interval, CheckpointingMode mode) {
        checkpointConfig.setCheckpointInterval(interval);
        checkpointConfig.setCheckpointingMode(mode);
        return this;
    }

    /** Sets the checkpointing mode, as the seed article writes it; same as {@code getCheckpointConfig().setCheckpointingMode(mode)}. */
    public StreamExecutionEnvironment setCheckpointingMode(CheckpointingMode mode) {
        checkpointConfig.setCheckpointingMode(mode);
        return this;
    }

    /** The checkpoint settings of this environment (the same instance each call); {@code execute()} takes a copy. */
    public CheckpointConfig getCheckpointConfig() {
        return checkpointConfig;
    }

    /**
     * The restart strategy for failures; null for the default (the {@code restart-strategy.type} key if
     * set, else exponential delay with checkpointing and no restart without, as Flink). Checked at
     * {@code execute()}.
     */
    public void setRestartStrategy(RestartStrategyConfiguration restartStrategy) {
        this.restartStrategy = restartStrategy;
    }

    /** The restart strategy set, or null for the default. */
    public RestartStrategyConfiguration getRestartStrategy() {
        return restartStrategy;
    }

    /**
     * The given elements, in order, from one checkpointed source subtask (as {@link #fromCollection}).
     *
     * @throws IllegalArgumentException if no element is given
     */
    @SafeVarargs
    public final <T> DataStreamSource<T> fromElements(T... data) {
        if (data.length == 0) {
            throw new IllegalArgumentException("fromElements needs at least one element.");
        }
        return fromCollection(Arrays.asList(data));
    }

    /** The elements of a collection, in order, from a single (checkpointed) source subtask. */
    public <T> DataStreamSource<T> fromCollection(Collection<T> data) {
        return fromSource(new CollectionSource<>(data), "Collection Source", false);
    }

    /** The given elements, in order, from one checkpointed source subtask, as Flink 1.19+'s {@code fromData}. */
    @SafeVarargs
    public final <T> DataStreamSource<T> fromData(T... data) {
        return fromElements(data);
    }

    /** The elements of {@code data}, in order, from one checkpointed source subtask, as Flink 1.19+'s {@code fromData}. */
    public <T> DataStreamSource<T> fromData(Collection<T> data) {
        return fromCollection(data);
    }

    /**
     * The given elements, declared as {@code type} (a common supertype of the elements), from one checkpointed source
     * subtask.
     *
     * @throws IllegalArgumentException if an element is not a {@code type}
     */
    @SafeVarargs
    public final <T> DataStreamSource<T> fromElements(Class<T> type, T... data) {
        for (T t : data) {
            if (t != null && !type.isInstance(t)) {
                throw new IllegalArgumentException("fromElements(" + type.getName() + ", ...): the element " + t + " is a "
                        + t.getClass().getName() + ".");
            }
        }
        return fromElements(data);
    }

    /** The elements of {@code data}, declared as {@code typeInfo}, from one checkpointed source subtask. */
    public <T> DataStreamSource<T> fromCollection(Collection<T> data, io.weir.api.typeinfo.TypeInformation<T> typeInfo) {
        DataStreamSource<T> s = fromCollection(data);
        s.returns(typeInfo);
        return s;
    }

    /** As {@link #fromSource(Source, WatermarkStrategy, String)}, declaring the elements' type as {@code returns} does. */
    public <T> DataStreamSource<T> fromSource(Source<T, ?> source, WatermarkStrategy<T> watermarkStrategy, String sourceName,
            io.weir.api.typeinfo.TypeInformation<T> typeInfo) {
        DataStreamSource<T> s = fromSource(source, watermarkStrategy, sourceName);
        s.returns(typeInfo);
        return s;
    }

    /**
     * The lines of text read from a TCP socket at {@code hostname:port} (lines end at '\n'), from one source subtask,
     * as Flink's {@code socketTextStream}: for trying things out. The source is not replayable, so after a restore it
     * goes on with what the socket sends next (at most once), as in Flink; it ends when the peer closes the connection.
     */
    public DataStreamSource<String> socketTextStream(String hostname, int port) {
        return socketTextStream(hostname, port, "\n");
    }

    /** As {@link #socketTextStream(String, int)}, with lines ending at {@code delimiter}. */
    public DataStreamSource<String> socketTextStream(String hostname, int port, String delimiter) {
        return addSource(new io.weir.api.functions.source.SocketTextStreamFunction(hostname, port, delimiter), "Socket Stream");
    }

    /** The numbers {@code from..to} inclusive, from a parallel, checkpointed source. */
    public DataStreamSource<Long> fromSequence(long from, long to) {
        return fromSource(new NumberSequenceSource(from, to), "Sequence Source", true);
    }

    /** A split-based, checkpointed source. */
    public <T> DataStreamSource<T> fromSource(Source<T, ?> source, String sourceName) {
        return fromSource(source, sourceName, true);
    }

    /**
     * A split-based, checkpointed source whose elements get timestamps and watermarks from {@code watermarkStrategy},
     * as Flink's {@code fromSource}. The strategy runs in an operator chained to the source, at the source's
     * parallelism; for {@link WatermarkStrategy#noWatermarks()} there is none, and elements keep the timestamps the
     * source gave them. Where Weir differs from Flink: watermarks are generated per source subtask, not per split, so
     * one subtask's splits share a watermark (the minimum of their progress is not tracked separately).
     *
     * @throws NullPointerException if {@code source} or {@code watermarkStrategy} is null
     */
    public <T> DataStreamSource<T> fromSource(Source<T, ?> source, WatermarkStrategy<T> watermarkStrategy, String sourceName) {
        if (source == null || watermarkStrategy == null) {
            throw new NullPointerException("fromSource(source, watermarkStrategy, name) needs a source and a watermark strategy"
                    + " (WatermarkStrategy.noWatermarks() for none), but got null.");
        }
        DataStreamSource<T> plain = fromSource(source, sourceName, true);
        if (watermarkStrategy instanceof WatermarkStrategy.NoWatermarks) {
            return plain;
        }
        SourceTransformation<T> t = (SourceTransformation<T>) plain.getTransformation();
        Transformation<T> withWatermarks = plain.assignTimestampsAndWatermarks(watermarkStrategy).getTransformation();
        withWatermarks.setName("Timestamps/Watermarks: " + sourceName);
        return new DataStreamSource<>(this, t, withWatermarks);
    }

    private <T> DataStreamSource<T> fromSource(Source<T, ?> source, String sourceName, boolean parallel) {
        SourceTransformation<T> t = new SourceTransformation<>(sourceName, source, null, parallel, parallel ? -1 : 1);
        transformations.add(t);
        return new DataStreamSource<>(this, t);
    }

    /** A classic source function; a {@link ParallelSourceFunction} may run in parallel, any other with parallelism 1. */
    public <T> DataStreamSource<T> addSource(SourceFunction<T> function) {
        return addSource(function, "Custom Source");
    }

    /**
     * A classic source function named {@code sourceName}. Its {@code run} is called on a thread of its own
     * and must emit under the checkpoint lock; {@code cancel} is called from another thread to stop it.
     * A {@link ParallelSourceFunction} may run in parallel, any other with parallelism 1.
     */
    public <T> DataStreamSource<T> addSource(SourceFunction<T> function, String sourceName) {
        boolean parallel = function instanceof ParallelSourceFunction;
        SourceTransformation<T> t = new SourceTransformation<>(sourceName, null, function, parallel, parallel ? -1 : 1);
        transformations.add(t);
        return new DataStreamSource<>(this, t);
    }

    /** Registers a transformation built by a stream; used by the DataStream classes. */
    public void addOperator(Transformation<?> transformation) {
        transformations.add(transformation);
    }

    /** Runs the job and blocks until it ends. Invalid settings fail here before anything runs. */
    public JobExecutionResult execute() throws Exception {
        return execute(configuration.getString(ConfigKeys.PIPELINE_NAME, "Weir Streaming Job"));
    }

    /**
     * Runs the job named {@code jobName} and blocks until it ends.
     *
     * @return the result of a job that finished
     * @throws IllegalConfigurationException    on an invalid configuration value (a key of {@link ConfigKeys}, or the
     *                                           setter named in the message), before anything runs
     * @throws IllegalArgumentException          on other invalid settings (for example an operator's parallelism), before anything runs
     * @throws io.weir.api.execution.RestoreRefusedException if the checkpoint to resume from cannot be used safely
     * @throws JobExecutionException              if the job failed for good or was cancelled, with its failure history
     * @throws InterruptedException               if the calling thread is interrupted (the job is then cancelled)
     */
    public JobExecutionResult execute(String jobName) throws Exception {
        JobClient client = executeAsync(jobName);
        try {
            return client.getJobExecutionResult().get();
        } catch (InterruptedException e) {
            client.cancel();
            Thread.currentThread().interrupt();
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof JobExecutionException) {
                throw (JobExecutionException) e.getCause();
            }
            throw e;
        }
    }

    /** Starts the job and returns at once with a client to watch or cancel it. */
    public JobClient executeAsync(String jobName) throws Exception {
        Pipeline pipeline = new Pipeline(jobName, List.copyOf(transformations), parallelism, maxParallelism,
                new CheckpointConfig(checkpointConfig), restartStrategy, configuration.copy());
        transformations.clear();
        return findExecutor().create().execute(pipeline);
    }

    /** As {@link #executeAsync(String)} with the job name from {@code pipeline.name}, or "Weir Streaming Job". */
    public JobClient executeAsync() throws Exception {
        return executeAsync(configuration.getString(ConfigKeys.PIPELINE_NAME, "Weir Streaming Job"));
    }

    /**
     * Sets how the job executes ({@code execution.runtime-mode}). Weir runs {@link RuntimeExecutionMode#STREAMING}
     * only: {@code BATCH} and {@code AUTOMATIC} are refused when the job starts (see {@link RuntimeExecutionMode}).
     *
     * @return this environment
     */
    public StreamExecutionEnvironment setRuntimeMode(io.weir.api.common.RuntimeExecutionMode executionMode) {
        configuration.setString(ConfigKeys.RUNTIME_MODE, java.util.Objects.requireNonNull(executionMode, "executionMode").name());
        return this;
    }

    /**
     * Sets the state backend ({@code state.backend.type}), as Flink's {@code setStateBackend}; the job refuses at start
     * a backend this Weir does not have.
     *
     * @return this environment
     */
    public StreamExecutionEnvironment setStateBackend(io.weir.api.state.StateBackend backend) {
        configuration.setString(ConfigKeys.STATE_BACKEND_TYPE, java.util.Objects.requireNonNull(backend, "backend").getName());
        return this;
    }

    /** The transformations registered so far (for executors and tests). */
    public List<Transformation<?>> getTransformations() {
        return List.copyOf(transformations);
    }

    private PipelineExecutorFactory findExecutor() {
        String target = configuration.getString(ConfigKeys.EXECUTION_TARGET, null);
        List<PipelineExecutorFactory> factories = new ArrayList<>();
        ServiceLoader.load(PipelineExecutorFactory.class, StreamExecutionEnvironment.class.getClassLoader()).forEach(factories::add);
        if (factories.isEmpty()) {
            throw new IllegalStateException("No Weir executor found on the class path: add the io.weir:weir-runtime dependency (it provides the embedded executor).");
        }
        if (target != null) {
            return factories.stream().filter(f -> f.name().equals(target)).findFirst().orElseThrow(() -> new IllegalConfigurationException(
                    "Invalid configuration: 'execution.target'' = '" + target + "'; available executors: "
                            + factories.stream().map(PipelineExecutorFactory::name).toList() + "."));
        }
        return factories.stream().max(Comparator.comparingInt(PipelineExecutorFactory::priority)).get();
    }
}
