package io.weir.runtime.simulation;

import io.weir.api.configuration.ConfigKeys;
import io.weir.api.configuration.Configuration;
import io.weir.api.environment.CheckpointConfig;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobStatus;
import io.weir.api.graph.SourceTransformation;
import io.weir.api.graph.Transformation;
import io.weir.api.spi.Pipeline;
import io.weir.runtime.checkpoint.FileCheckpointStorage;
import io.weir.runtime.internal.master.EmbeddedExecutor;
import io.weir.runtime.internal.master.JobMaster;
import io.weir.runtime.internal.sim.SimLoop;
import io.weir.runtime.internal.task.StreamTask;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs a whole job on one thread and virtual time, with a seeded scheduler choosing which subtask
 * steps next, when the master handles its events and when checkpoint I/O completes, and with
 * faults injected ({@link FaultMix}): task failures, storage errors, crashes of the whole process
 * (resumed from the checkpoint folder with {@code -s latest}). After each run the committed output
 * is compared, as a multiset, with the output of a fault-free run: anything missing or duplicated
 * is a failure, reported with the seed that replays it exactly.
 *
 * <p>The real engine runs: the same tasks, channels, checkpoint coordinator, job master, restart
 * strategy and files (in a temporary folder, on {@code /dev/shm} when present). Only threads and
 * the clock are replaced. Not thread-safe: one simulation runs on one thread at a time.
 *
 * <pre>{@code
 * Simulation<Long> sim = Simulation.of("keyed sum", (env, run) -> {
 *     CollectingSink<Long> sink = CollectingSink.forRun(run);
 *     env.enableCheckpointing(10);
 *     env.fromSequence(1, 1000).keyBy(x -> x % 4).reduce(Long::sum).addSink(sink);
 *     return sink::committed;
 * });
 * sim.run(42).assertExactlyOnce();
 * }</pre>
 *
 * @param <T> the type of the committed output records
 */
public final class Simulation<T> {
    private static final int MAX_PROCESSES = 50;
    /** Small batches make backpressure, partial batches and barriers between records common. */
    private static final int[] BATCH_SIZES = {1, 2, 3, 8, 64};

    private final String name;
    private final SimulatedJob<T> job;
    private FaultMix faults = FaultMix.standard();
    private long maxSteps = 5_000_000L;
    private Map<Object, Long> expected;
    private final Path baseDirectory;
    /** Numbers runs across every simulation of this JVM, so that run ids and folders never collide. */
    private static final java.util.concurrent.atomic.AtomicLong RUNS = new java.util.concurrent.atomic.AtomicLong();

    private Simulation(String name, SimulatedJob<T> job) {
        this.name = name;
        this.job = job;
        Path shm = Paths.get("/dev/shm");
        Path base = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Paths.get(System.getProperty("java.io.tmpdir"));
        this.baseDirectory = base.resolve("weir-sim-" + ProcessHandle.current().pid());
    }

    /** A simulation of {@code job}; {@code name} appears in reports. */
    public static <T> Simulation<T> of(String name, SimulatedJob<T> job) {
        return new Simulation<>(name, job);
    }

    /** The faults to inject (default {@link FaultMix#standard()}). */
    public Simulation<T> faults(FaultMix mix) {
        this.faults = java.util.Objects.requireNonNull(mix, "mix");
        return this;
    }

    /** The most scheduling choices one run may take before it is reported as not finishing (default 5 million). */
    public Simulation<T> maxSteps(long steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("Invalid maxSteps: " + steps + "; allowed: at least 1.");
        }
        this.maxSteps = steps;
        return this;
    }

    /**
     * Runs the job once with faults, chosen by {@code seed}, and checks its committed output against
     * the fault-free output (computed once per simulation, on its first use).
     */
    public SimulationResult run(long seed) {
        if (expected == null) {
            Run reference = execute(seed ^ 0x5DEECE66DL, FaultMix.none());
            if (reference.problem != null) {
                return SimulationResult.of(name, seed, "the fault-free reference run failed: " + reference.problem, Map.of(),
                        reference.loop.steps(), reference.loop.trace(), 0, reference.processes, reference.restarts, reference.checkpoints);
            }
            expected = multiset(reference.output);
        }
        Run r = execute(seed, faults);
        String problem = r.problem;
        Map<Object, Long> diff = Map.of();
        if (problem == null) {
            diff = difference(multiset(r.output), expected);
            if (!diff.isEmpty()) {
                long lost = diff.values().stream().filter(v -> v < 0).mapToLong(v -> -v).sum();
                long dup = diff.values().stream().filter(v -> v > 0).mapToLong(v -> v).sum();
                problem = "not exactly once: " + lost + " record(s) lost, " + dup + " duplicated or unexpected";
            }
        }
        return SimulationResult.of(name, seed, problem, diff, r.loop.steps(), r.loop.trace(), r.faults, r.processes, r.restarts,
                r.checkpoints);
    }

    /** Runs seeds {@code firstSeed} to {@code firstSeed + count - 1} one after the other and sums them up. Test thread only. */
    public SimulationCampaign runSeeds(long firstSeed, int count) {
        long faults = 0;
        long restarts = 0;
        long processes = 0;
        long checkpoints = 0;
        List<String> failures = new java.util.ArrayList<>();
        for (long seed = firstSeed; seed < firstSeed + count; seed++) {
            SimulationResult r = run(seed);
            faults += r.faults();
            restarts += r.restarts();
            processes += r.processes();
            checkpoints += r.checkpoints();
            if (!r.isExactlyOnce()) {
                failures.add(r.describe());
            }
        }
        return new SimulationCampaign(name, count, faults, restarts, processes, checkpoints, List.copyOf(failures));
    }

    private static final class Run {
        SimLoop loop;
        List<?> output;
        String problem;
        int faults;
        int processes;
        int restarts;
        int checkpoints;
    }

    private Run execute(long seed, FaultMix mix) {
        Run run = new Run();
        SimLoop loop = new SimLoop(seed);
        run.loop = loop;
        long n = RUNS.incrementAndGet();
        String runId = name + "#" + seed + "#" + n;
        Path dir = baseDirectory.resolve("run-" + n);
        List<Runnable> endActions = new java.util.ArrayList<>();
        try {
            deleteRecursively(dir);
            Files.createDirectories(dir);
            boolean localRecovery = loop.random().nextDouble() < mix.localRecovery();
            int batchSize = BATCH_SIZES[loop.random().nextInt(BATCH_SIZES.length)];
            SimulatedJob.RunContext ctx = new SimulatedJob.RunContext(runId, dir, endActions);
            Process p = launch(ctx, loop, mix, run, false, localRecovery, batchSize);
            while (true) {
                JobStatus status = p.master.status();
                if (status.isGloballyTerminalState() && !endProcess(p, run)) {
                    return run;
                }
                if (status == JobStatus.FINISHED) {
                    run.output = p.output.get();
                    return run;
                }
                if (status.isGloballyTerminalState()) {
                    // failed for good (or cancelled): an operator resumes it from its checkpoints
                    if (run.processes >= MAX_PROCESSES) {
                        run.problem = "the job failed for good " + run.processes + " times: " + failureOf(p.master);
                        return run;
                    }
                    p = launch(ctx, loop, mix, run, true, localRecovery, batchSize);
                    continue;
                }
                if (loop.steps() >= maxSteps) {
                    run.problem = "the job did not finish within " + maxSteps + " steps: " + p.master.describe();
                    p.master.abandonAfterCrash(); // release its checkpoint folder
                    return run;
                }
                if (run.faults < mix.maxFaults()) {
                    double x = loop.random().nextDouble();
                    if (x < mix.processCrash()) {
                        run.faults++;
                        loop.crashProcess();
                        p.master.abandonAfterCrash();
                        if (!endProcess(p, run)) {
                            return run;
                        }
                        p = launch(ctx, loop, mix, run, true, localRecovery, batchSize);
                        continue;
                    } else if (x < mix.processCrash() + mix.taskFailure()) {
                        List<StreamTask> live = loop.liveTasks();
                        if (!live.isEmpty()) {
                            run.faults++;
                            StreamTask victim = live.get(loop.random().nextInt(live.size()));
                            victim.mailbox().put(() -> {
                                throw new SimulatedFailure("simulated failure of " + victim.name());
                            });
                        }
                    }
                }
                if (!loop.runOne()) {
                    run.problem = "the job is stuck, nothing can happen any more: " + p.master.describe();
                    p.master.abandonAfterCrash();
                    return run;
                }
            }
        } catch (Exception | AssertionError e) {
            run.problem = "the simulation failed: " + e;
            return run;
        } finally {
            endActions.forEach(Runnable::run);
            try {
                deleteRecursively(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete the simulation folder " + dir, e);
            }
        }
    }

    private static final class Process {
        JobMaster master;
        Supplier<? extends List<?>> output;
    }

    private Process launch(SimulatedJob.RunContext ctx, SimLoop loop, FaultMix mix, Run run, boolean resume, boolean localRecovery,
            int batchSize) throws Exception {
        run.processes++;
        Configuration conf = new Configuration();
        conf.setString(ConfigKeys.LOCAL_RECOVERY, String.valueOf(localRecovery));
        conf.setString(ConfigKeys.CHANNEL_BATCH_SIZE, String.valueOf(batchSize));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        Process p = new Process();
        p.output = job.build(env, ctx);
        if (!env.getCheckpointConfig().isCheckpointingEnabled()) {
            throw new IllegalArgumentException("Simulation '" + name + "': the job does not enable checkpointing; exactly-once output"
                    + " after failures needs env.enableCheckpointing(interval).");
        }
        env.getCheckpointConfig().setCheckpointStorage(ctx.directory().resolve("checkpoints").toUri().toString());
        if (resume) {
            env.getConfiguration().setString(ConfigKeys.CHECKPOINTING_RESTORE, "latest");
        }
        for (Transformation<?> t : env.getTransformations()) {
            refuseClassicSource(t);
        }
        Pipeline pipeline = new Pipeline(name, env.getTransformations(), env.getParallelism(), env.getMaxParallelism(),
                new CheckpointConfig(env.getCheckpointConfig()), env.getRestartStrategy(), env.getConfiguration().copy());
        p.master = EmbeddedExecutor.launch(pipeline, loop.clock(), job -> loop.newProcess(), loop.random());
        FileCheckpointStorage storage = p.master.storage();
        if (storage != null && mix.ioFailure() > 0) {
            storage.setFaultHook((point, path) -> {
                if (run.faults < mix.maxFaults() && loop.random().nextDouble() < mix.ioFailure()) {
                    run.faults++;
                    throw new IOException("simulated I/O failure at " + point + " of " + path);
                }
            });
        }
        return p;
    }

    private void refuseClassicSource(Transformation<?> t) {
        if (t instanceof SourceTransformation && ((SourceTransformation<?>) t).getSource() == null) {
            throw new IllegalArgumentException("Simulation '" + name + "': source '" + t.getName() + "' is a classic SourceFunction, which"
                    + " emits from a thread of its own and cannot be simulated; use a split-based source (fromSequence, fromElements,"
                    + " fromCollection, fromSource).");
        }
    }

    /**
     * Adds up what a process did, and turns an INTERNAL failure (a bug in Weir, which the job
     * master records instead of hanging) into the run's problem even if the output came out right.
     *
     * @return false when the run has a problem now
     */
    private static boolean endProcess(Process p, Run run) {
        run.restarts += p.master.restarts();
        run.checkpoints += completedCheckpoints(p.master);
        for (io.weir.api.execution.FailureRecord f : p.master.failureHistory()) {
            if (f.classification() == io.weir.api.execution.FailureRecord.Classification.INTERNAL) {
                run.problem = "internal error in Weir: " + f;
                return false;
            }
        }
        return true;
    }

    private static int completedCheckpoints(JobMaster master) {
        int n = 0;
        for (io.weir.api.execution.CheckpointStatistics s : master.checkpointStatistics()) {
            if (s.status() == io.weir.api.execution.CheckpointStatistics.Status.COMPLETED) {
                n++;
            }
        }
        return n;
    }

    private static String failureOf(JobMaster master) {
        try {
            master.result().getNow(null);
            return "no failure recorded";
        } catch (Exception e) {
            return String.valueOf(e.getCause() == null ? e : e.getCause());
        }
    }

    private static Map<Object, Long> multiset(List<?> records) {
        Map<Object, Long> m = new HashMap<>();
        for (Object r : records) {
            m.merge(r, 1L, Long::sum);
        }
        return m;
    }

    private static Map<Object, Long> difference(Map<Object, Long> actual, Map<Object, Long> expected) {
        Map<Object, Long> diff = new LinkedHashMap<>();
        for (Map.Entry<Object, Long> e : actual.entrySet()) {
            long d = e.getValue() - expected.getOrDefault(e.getKey(), 0L);
            if (d != 0) {
                diff.put(e.getKey(), d);
            }
        }
        for (Map.Entry<Object, Long> e : expected.entrySet()) {
            if (!actual.containsKey(e.getKey())) {
                diff.put(e.getKey(), -e.getValue());
            }
        }
        return diff;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
