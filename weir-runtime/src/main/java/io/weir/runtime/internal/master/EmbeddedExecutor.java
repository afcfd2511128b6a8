package io.weir.runtime.internal.master;

import io.weir.api.configuration.IllegalConfigurationException;
import io.weir.api.configuration.ConfigKeys;
import io.weir.api.environment.CheckpointConfig;
import io.weir.api.execution.CheckpointStatistics;
import io.weir.api.execution.FailureRecord;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobExecutionResult;
import io.weir.api.execution.JobStatus;
import io.weir.api.spi.Pipeline;
import io.weir.api.spi.PipelineExecutor;
import io.weir.runtime.checkpoint.CompletedCheckpoint;
import io.weir.runtime.checkpoint.FileCheckpointStorage;
import io.weir.runtime.internal.graph.JobGraph;
import io.weir.runtime.internal.graph.JobGraphBuilder;
import io.weir.runtime.internal.restart.RestartBackoffTimeStrategy;
import io.weir.runtime.internal.restart.RestartStrategyFactory;
import io.weir.runtime.internal.time.Clock;
import io.weir.runtime.internal.exec.Platform;
import io.weir.runtime.checkpoint.CheckpointFolders;
import io.weir.runtime.checkpoint.CheckpointInfo;
import io.weir.runtime.checkpoint.LatestCheckpoints;
import io.weir.api.execution.RestoreRefusedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.weir.runtime.internal.checkpoint.RestoreAssembler;
import io.weir.runtime.internal.task.TaskRestore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * Validates a pipeline and starts it in this JVM. Everything that can be checked before running
 * is checked here, so that {@code execute()} fails before any record flows: the graph and its
 * parallelism, checkpoint and restart settings, the checkpoint directory, and the checkpoint to
 * restore.
 */
public final class EmbeddedExecutor implements PipelineExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedExecutor.class);

    @Override
    public JobClient execute(Pipeline pipeline) throws Exception {
        JobMaster master = launch(pipeline, Clock.SYSTEM, Platform::threaded, new Random());
        ShutdownHook.register(master);
        return new EmbeddedJobClient(master);
    }

    /**
     * On SIGTERM (or any orderly JVM exit), cancels the jobs still running in this JVM, keeping their
     * checkpoints so that they can be resumed, and waits up to 10 s for them to stop: operators close
     * and two-phase-commit sinks abort their open transactions, instead of the process vanishing
     * mid-write. Jobs leave the registry when they end.
     */
    static final class ShutdownHook {
        private static final long WAIT_SECONDS = 10;
        private static final java.util.Set<JobMaster> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private static final java.util.concurrent.atomic.AtomicBoolean INSTALLED = new java.util.concurrent.atomic.AtomicBoolean();

        private ShutdownHook() {}

        static void register(JobMaster master) {
            if (INSTALLED.compareAndSet(false, true)) {
                Runtime.getRuntime().addShutdownHook(new Thread(ShutdownHook::stopAll, "weir-shutdown"));
            }
            RUNNING.add(master);
            master.result().whenComplete((r, e) -> RUNNING.remove(master));
        }

        private static void stopAll() {
            List<CompletableFuture<Void>> stopping = new ArrayList<>();
            for (JobMaster m : RUNNING) {
                LOG.warn("The JVM is shutting down: cancelling job '{}' and keeping its checkpoints (resume with -s latest).", m.jobId());
                // wait for the job's end, not only the cancellation: a job that is just finishing is already terminal for
                // cancel(), while its master still deletes its checkpoints and leaves its finished marker
                stopping.add(m.cancel(true).thenCompose(v -> m.result().handle((r, e) -> null)));
            }
            try {
                CompletableFuture.allOf(stopping.toArray(new CompletableFuture<?>[0])).get(WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("Not every job stopped within {} s of the shutdown; the JVM exits anyway, checkpoints stay: {}", WAIT_SECONDS, e.toString());
            }
        }
    }

    /**
     * Validates {@code pipeline}, opens its checkpoint storage, finds the checkpoint to restore,
     * and starts a job master on the platform made for the job's name (threads in production, the
     * simulator's single thread in tests). Fails before anything runs on invalid settings.
     *
     * @param clock  the clock of the platform (read by the restart strategy)
     * @param random seeds the restart strategy's jitter
     */
    public static JobMaster launch(Pipeline pipeline, Clock clock, java.util.function.Function<String, Platform> platformForJob, Random random)
            throws Exception {
        JobGraph graph = JobGraphBuilder.build(pipeline);
        CheckpointConfig cc = pipeline.checkpointConfig();
        validate(cc);
        JobSettings settings = JobSettings.of(pipeline.configuration()); // fails here, before anything runs, on a bad value
        for (String warning : ConfigKeys.unknownKeyWarnings(pipeline.configuration(), java.util.List.of())) {
            LOG.warn("Job '{}': {}", pipeline.jobName(), warning);
        }
        RestartBackoffTimeStrategy restart = RestartStrategyFactory.create(pipeline.restartStrategy(), pipeline.configuration(),
                cc.isCheckpointingEnabled(), clock, random);
        String restoreSetting = pipeline.configuration().getString(ConfigKeys.CHECKPOINTING_RESTORE, null);
        if (restoreSetting != null && restoreSetting.isBlank()) {
            restoreSetting = null;
        }
        boolean fresh = pipeline.configuration().getBoolean(ConfigKeys.RESTORE_FRESH, false);
        if (fresh && restoreSetting != null) {
            throw new IllegalConfigurationException("Invalid configuration: '" + ConfigKeys.RESTORE_FRESH + "' = 'true' (weir run --fresh)"
                    + " contradicts '" + ConfigKeys.CHECKPOINTING_RESTORE + "' = '" + restoreSetting + "' (weir run -s): give one of them.");
        }
        FileCheckpointStorage storage = null;
        if (cc.isCheckpointingEnabled() || restoreSetting != null) {
            storage = new FileCheckpointStorage(checkpointDirectory(cc), graph.jobName(), cc.getNumRetainedCheckpoints());
            storage.initialize();
        }
        try {
            CompletedCheckpoint restore = null;
            if (restoreSetting != null) {
                restore = findRestore(restoreSetting.trim(), storage, settings.allowRewind());
            } else if (storage != null && !fresh) {
                RestoreWarnings.ownCheckpointsIgnored(graph.jobName(), storage.jobDirectory()).ifPresent(LOG::warn);
            }
            // read and check the restore now, so that a checkpoint this job cannot use is refused before anything runs
            Map<Integer, TaskRestore[]> restoreData = restore == null ? null : RestoreAssembler.assemble(restore, graph);
            if (storage != null) {
                storage.clearFinished(); // the job runs again: a later -s latest resumes this run, not the one that finished
            }
            JobMaster master = new JobMaster(newJobId(), pipeline, graph, settings, storage, restore, restoreData, restart,
                    platformForJob.apply(graph.jobName()));
            master.start();
            return master;
        } catch (Exception | Error e) {
            if (storage != null) {
                storage.close();
            }
            throw e;
        }
    }

    /** A random job id; not UUID.randomUUID(), whose SecureRandom costs tens of milliseconds at startup. */
    private static String newJobId() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return String.format("%016x%016x", r.nextLong(), r.nextLong());
    }

    static String checkpointDirectory(CheckpointConfig cc) {
        if (cc.getCheckpointStorage() != null && !cc.getCheckpointStorage().isBlank()) {
            return cc.getCheckpointStorage();
        }
        return Paths.get(System.getProperty("java.io.tmpdir"), "weir-checkpoints").toString();
    }

    private static CompletedCheckpoint findRestore(String setting, FileCheckpointStorage storage, boolean allowRewind) throws Exception {
        if (setting.equalsIgnoreCase("latest")) {
            return findLatest(storage, allowRewind);
        }
        Path path = FileCheckpointStorage.toPath(setting, "'" + ConfigKeys.CHECKPOINTING_RESTORE + "'");
        if (!path.toFile().exists()) {
            throw new IllegalConfigurationException("Invalid configuration: '" + ConfigKeys.CHECKPOINTING_RESTORE + "' = '" + setting
                    + "': no such checkpoint folder. Give 'latest' or the path of a chk-N folder (list them with `weir checkpoints list DIR`).");
        }
        if (!CheckpointFolders.holdsCheckpoint(path)) {
            throw new IllegalConfigurationException("Invalid configuration: '" + ConfigKeys.CHECKPOINTING_RESTORE + "' = '" + setting
                    + "': " + path + " holds no checkpoint (no _metadata file, and no chk-N folders in it). Give 'latest' or the path of a"
                    + " chk-N folder (list them with `weir checkpoints list DIR`).");
        }
        return FileCheckpointStorage.load(path);
    }

    /**
     * The newest completed checkpoint, if it is intact. A completed checkpoint that is damaged is
     * never skipped silently: going back to an older one would emit again what the newer one's
     * transactions may already have committed, so that needs {@code weir.restore.allow-rewind}.
     * Folders without metadata are checkpoints that never completed (a crash while writing one)
     * and are ignored.
     */
    private static CompletedCheckpoint findLatest(FileCheckpointStorage storage, boolean allowRewind) throws Exception {
        LatestCheckpoints latest = storage.findLatest();
        CheckpointInfo newest = latest.newestComplete();
        CompletedCheckpoint intact = latest.newestIntact();
        if (storage.finishedAt().isPresent() && allowRewind) {
            LOG.warn("Job '{}' finished at {}; resuming it anyway because {}=true: output it already wrote may be written again.",
                    storage.jobName(), storage.finishedAt().get(), ConfigKeys.RESTORE_ALLOW_REWIND);
        } else if (storage.finishedAt().isPresent()) {
            // also when checkpoints are left: the process may have died while deleting them, newest first
            throw new RestoreRefusedException("Job '" + storage.jobName() + "' finished at " + storage.finishedAt().get() + " ("
                    + storage.jobDirectory().resolve(FileCheckpointStorage.FINISHED_MARKER) + ") and its checkpoints were deleted: its output "
                    + "is complete. Resuming it with -s latest would start from the beginning and write all of its output again. To run "
                    + "it again from scratch, give --fresh (" + ConfigKeys.RESTORE_FRESH + "=true) instead of -s.");
        }
        if (newest == null) {
            java.util.Optional<String> renamed = RestoreWarnings.otherJobsOnly(storage.jobName(), storage.jobDirectory());
            if (renamed.isPresent()) {
                LOG.warn(renamed.get());
            } else {
                LOG.info("No completed checkpoint in {} to restore from ({}=latest): starting from the beginning.", storage.jobDirectory(),
                        ConfigKeys.CHECKPOINTING_RESTORE);
            }
            return null;
        }
        if (!latest.newestIsDamaged()) {
            LOG.info("Restoring from the latest checkpoint {}.", intact.directory());
            return intact;
        }
        if (intact != null && allowRewind) {
            LOG.warn("The latest checkpoint {} is damaged ({}); restoring the older checkpoint {} because {}=true: output committed after it"
                    + " may be emitted again.", newest.directory(), newest.problem(), intact.directory(), ConfigKeys.RESTORE_ALLOW_REWIND);
            return intact;
        }
        StringBuilder msg = new StringBuilder("Cannot resume job '").append(storage.jobName()).append("' from its latest checkpoint: ")
                .append(newest.directory()).append(" is damaged (").append(newest.problem()).append("). No checkpoint was changed. Choices: ")
                .append("repair or restore that checkpoint's files and resume again; ");
        if (intact != null) {
            msg.append("or resume from the older intact checkpoint ").append(intact.directory()).append(", accepting that output committed after it")
                    .append(" is emitted again, with ").append(ConfigKeys.RESTORE_ALLOW_REWIND).append("=true (weir run --allow-rewind); ");
        } else {
            msg.append("no older checkpoint is intact; ");
        }
        msg.append("or start from the beginning with --fresh instead of -s (").append(ConfigKeys.RESTORE_FRESH)
                .append("=true; remove the folder ").append(storage.jobDirectory()).append(" first if its output must not be repeated).");
        throw new RestoreRefusedException(msg.toString());
    }

    private static void validate(CheckpointConfig cc) {
        if (!cc.isCheckpointingEnabled()) {
            return;
        }
        if (cc.getCheckpointInterval() < 10) {
            throw invalid("checkpoint interval", "enableCheckpointing / " + ConfigKeys.CHECKPOINTING_INTERVAL, cc.getCheckpointInterval() + " ms",
                    "at least 10 ms");
        }
        if (cc.getCheckpointTimeout() < 1) {
            throw invalid("checkpoint timeout", "setCheckpointTimeout / " + ConfigKeys.CHECKPOINTING_TIMEOUT, cc.getCheckpointTimeout() + " ms", "at least 1 ms");
        }
        if (cc.getMinPauseBetweenCheckpoints() < 0) {
            throw invalid("min pause", "setMinPauseBetweenCheckpoints / " + ConfigKeys.CHECKPOINTING_MIN_PAUSE, cc.getMinPauseBetweenCheckpoints() + " ms", "0 or more");
        }
        if (cc.getMaxConcurrentCheckpoints() < 1) {
            throw invalid("max concurrent checkpoints", "setMaxConcurrentCheckpoints / " + ConfigKeys.CHECKPOINTING_MAX_CONCURRENT,
                    String.valueOf(cc.getMaxConcurrentCheckpoints()), "at least 1");
        }
        if (cc.getTolerableCheckpointFailureNumber() < 0) {
            throw invalid("tolerable checkpoint failures", "setTolerableCheckpointFailureNumber / " + ConfigKeys.CHECKPOINTING_TOLERABLE_FAILURES,
                    String.valueOf(cc.getTolerableCheckpointFailureNumber()), "0 or more");
        }
        if (cc.getNumRetainedCheckpoints() < 1) {
            throw invalid("retained checkpoints", "setNumRetainedCheckpoints / " + ConfigKeys.CHECKPOINTING_NUM_RETAINED,
                    String.valueOf(cc.getNumRetainedCheckpoints()), "at least 1");
        }
        if (cc.isUnalignedCheckpointsEnabled() && cc.getCheckpointingMode() != io.weir.api.environment.CheckpointingMode.EXACTLY_ONCE) {
            LOG.warn("Unaligned checkpoints ({}) only apply to EXACTLY_ONCE mode; in AT_LEAST_ONCE barriers are never aligned anyway.",
                    ConfigKeys.CHECKPOINTING_UNALIGNED);
        }
    }

    private static IllegalConfigurationException invalid(String what, String setting, String value, String allowed) {
        return new IllegalConfigurationException("Invalid " + what + " (" + setting + "): " + value + "; allowed: " + allowed + ".");
    }

    /** {@link JobClient} over a job master in this JVM. */
    static final class EmbeddedJobClient implements JobClient {
        private final JobMaster master;

        EmbeddedJobClient(JobMaster master) {
            this.master = master;
        }

        @Override
        public String getJobID() {
            return master.jobId();
        }

        @Override
        public CompletableFuture<JobStatus> getJobStatus() {
            return CompletableFuture.completedFuture(master.status());
        }

        @Override
        public CompletableFuture<Void> cancel() {
            return master.cancel();
        }

        @Override
        public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
            return master.result();
        }

        @Override
        public int getRestartCount() {
            return master.restarts();
        }

        @Override
        public List<FailureRecord> getFailureHistory() {
            return master.failureHistory();
        }

        @Override
        public List<CheckpointStatistics> getCheckpointStatistics() {
            return master.checkpointStatistics();
        }
    }
}
