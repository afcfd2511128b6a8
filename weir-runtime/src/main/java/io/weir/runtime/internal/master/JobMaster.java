package io.weir.runtime.internal.master;

import io.weir.api.environment.CheckpointConfig;
import io.weir.api.environment.CheckpointingMode;
import io.weir.api.environment.ExternalizedCheckpointRetention;
import io.weir.api.execution.FailureRecord;
import io.weir.api.execution.JobExecutionException;
import io.weir.api.execution.JobExecutionResult;
import io.weir.api.execution.JobStatus;
import io.weir.api.spi.Pipeline;
import io.weir.runtime.checkpoint.CompletedCheckpoint;
import io.weir.runtime.checkpoint.FileCheckpointStorage;
import io.weir.runtime.checkpoint.SubtaskStateMetadata;
import io.weir.runtime.internal.checkpoint.CheckpointCoordinator;
import io.weir.runtime.internal.checkpoint.RestoreAssembler;
import io.weir.runtime.internal.graph.JobGraph;
import io.weir.runtime.internal.restart.RestartBackoffTimeStrategy;
import io.weir.runtime.internal.task.StreamTask;
import io.weir.runtime.internal.task.TaskListener;
import io.weir.runtime.internal.task.TaskRestore;
import io.weir.runtime.internal.task.TaskServices;
import io.weir.runtime.internal.time.Clock;
import io.weir.runtime.internal.exec.Platform;
import io.weir.runtime.internal.exec.Scheduler;
import io.weir.runtime.internal.exec.TaskRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one job: deploys execution attempts, drives the checkpoint coordinator, and on failure
 * cancels the attempt, asks the restart strategy, and restores the latest complete checkpoint.
 * All decisions run on one master thread; tasks and I/O threads report through {@link TaskListener}.
 *
 * <pre>
 *   CREATED --deploy--> RUNNING --all done--> FINISHED
 *   RUNNING --failure, strategy allows--> RESTARTING --backoff, restore--> RUNNING
 *   RUNNING --failure in one of several pipelined regions--> RUNNING (only that region is cancelled and restored)
 *   RUNNING --failure, strategy gives up--> FAILING --tasks stopped--> FAILED
 *   RUNNING/RESTARTING --cancel--> CANCELLING --tasks stopped--> CANCELED
 * </pre>
 */
public final class JobMaster implements TaskListener, CheckpointCoordinator.Actions {
    private static final Logger LOG = LoggerFactory.getLogger(JobMaster.class);

    private final String jobId;
    private final Pipeline pipeline;
    private final JobGraph graph;
    private final CheckpointConfig checkpointConfig;
    private final FileCheckpointStorage storage;
    private final RestartBackoffTimeStrategy restartStrategy;
    private final Clock clock;
    private final long cancellationTimeoutMs;
    private final Scheduler master;
    private final Scheduler timers;
    private final Scheduler io;
    private final TaskRunner runner;
    private final CheckpointCoordinator coordinator;
    private final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
    private final io.weir.runtime.internal.checkpoint.LocalSnapshots localSnapshots = new io.weir.runtime.internal.checkpoint.LocalSnapshots();
    private final List<FailureRecord> failures = new ArrayList<>();
    private final int batchSize;
    private final boolean objectReuse;
    private final boolean localRecovery;
    private final long startNanos;

    private volatile JobStatus status = JobStatus.CREATED;
    private volatile int restarts;
    private final List<Region> regions;
    private final java.util.Map<Integer, Region> byToken = new java.util.HashMap<>();
    private int nextToken;
    private final java.util.Set<String> endOfData = new java.util.HashSet<>();
    private final java.util.Set<String> exited = new java.util.HashSet<>();
    private boolean finishRequested;
    private double lastStopMillis;
    private CompletedCheckpoint latestCheckpoint;
    /** The initial checkpoint's restore data, read and checked at execute(); used by the first deployment only. */
    private Map<Integer, TaskRestore[]> preparedRestore;
    private Scheduler.Cancellable tick;
    /**
     * Restarts and terminations waiting until no checkpoint is still writing its metadata: until then
     * it is unknown whether that checkpoint completed, so neither a restore point nor the end of the
     * job (which releases the checkpoint folder) may be decided.
     */
    private final List<Runnable> afterSettling = new ArrayList<>();
    private volatile boolean keepCheckpointsOnCancel;
    /** Recorded in every checkpoint: a fresh start draws a new one, a restore keeps the restored checkpoint's. */
    private final String lineage;
    private final boolean allowRewind;
    private final Map<String, String> globalJobParameters;
    private final List<CompletableFuture<Void>> cancelWaiters = new ArrayList<>();

    JobMaster(String jobId, Pipeline pipeline, JobGraph graph, JobSettings settings, FileCheckpointStorage storage, CompletedCheckpoint initialRestore,
            Map<Integer, TaskRestore[]> initialRestoreData, RestartBackoffTimeStrategy restartStrategy, Platform platform) {
        this.jobId = jobId;
        this.pipeline = pipeline;
        this.graph = graph;
        this.checkpointConfig = pipeline.checkpointConfig();
        this.storage = storage;
        this.latestCheckpoint = initialRestore;
        this.preparedRestore = initialRestoreData;
        this.restartStrategy = restartStrategy;
        this.clock = platform.clock();
        this.cancellationTimeoutMs = settings.cancellationTimeoutMillis();
        this.batchSize = settings.batchSize();
        this.objectReuse = settings.objectReuse();
        this.localRecovery = settings.localRecovery();
        this.allowRewind = settings.allowRewind();
        this.globalJobParameters = new io.weir.api.common.ExecutionConfig(pipeline.configuration()).getGlobalJobParameters().toMap();
        this.lineage = initialRestore != null && initialRestore.metadata().lineage() != null ? initialRestore.metadata().lineage() : newLineage();
        this.master = platform.master();
        this.timers = platform.timers();
        this.io = platform.io();
        this.runner = platform.runner();
        this.coordinator = checkpointConfig.isCheckpointingEnabled()
                ? new CheckpointCoordinator(checkpointConfig, storage, graph.jobName(), lineage, clock, this) : null;
        this.startNanos = clock.relativeTimeNanos();
        this.regions = Region.of(graph);
    }

    private static String newLineage() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return new java.util.UUID(r.nextLong(), r.nextLong()).toString();
    }

    /** The lineage recorded in this job's checkpoints. */
    public String lineage() {
        return lineage;
    }

    /** Moves the job to {@code next}; an illegal transition is a bug and throws. Master thread. */
    private void moveTo(JobStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("Job '" + graph.jobName() + "' cannot move from " + status + " to " + next);
        }
        status = next;
    }

    // ------------------------------------------------------------------ client side (any thread)

    public String jobId() {
        return jobId;
    }

    public JobStatus status() {
        return status;
    }

    public int restarts() {
        return restarts;
    }

    public synchronized List<FailureRecord> failureHistory() {
        return List.copyOf(failures);
    }

    public List<io.weir.api.execution.CheckpointStatistics> checkpointStatistics() {
        return coordinator == null ? List.of() : coordinator.statistics();
    }

    public CompletableFuture<JobExecutionResult> result() {
        return result;
    }

    /** What the job is doing, for diagnostics of a stuck job: status, regions, tasks and pending checkpoints. Master thread. */
    public String describe() {
        StringBuilder sb = new StringBuilder("status=" + status + " finishRequested=" + finishRequested + " endOfData=" + endOfData.size()
                + "/" + graph.totalSubtasks() + " exited=" + exited.size());
        for (Region r : regions) {
            sb.append("\n  ").append(r).append(r.restarting ? " restarting" : "");
            if (r.attempt != null) {
                for (StreamTask t : r.attempt.tasks) {
                    sb.append("\n    ").append(t.name()).append(' ').append(t.state());
                }
            }
        }
        if (coordinator != null) {
            sb.append("\n  checkpoints: ").append(coordinator.describePending());
        }
        return sb.toString();
    }

    /** The job's checkpoint storage, or null when it has none. */
    public FileCheckpointStorage storage() {
        return storage;
    }

    /**
     * The simulator's model of a crash of the whole process: nothing of this master runs again and
     * nothing is closed or cleaned up; only the lock on the checkpoint folder goes, as the operating
     * system would release it.
     */
    public void abandonAfterCrash() {
        if (storage != null) {
            storage.close();
        }
    }

    public void start() {
        master.execute(guarded(() -> {
            try {
                deploy();
            } catch (Throwable t) {
                moveTo(JobStatus.RUNNING);
                handleFailure(new FailureRecord(clock.currentTimeMillis(), "job master", -1, 0, classifyRestoreFailure(t), t, -1), null);
            }
            if (coordinator != null) {
                long period = Math.max(5, Math.min(100, checkpointConfig.getCheckpointInterval() / 10));
                tick = master.scheduleWithFixedDelay(guarded(this::onTick), period, period);
            }
        }));
    }

    public CompletableFuture<Void> cancel() {
        return cancel(false);
    }

    /**
     * Cancels the job; with {@code keepCheckpoints} its checkpoints stay whatever the retention says
     * (a SIGTERM of the process: the job is stopped, not given up, and must be resumable). Any thread.
     */
    public CompletableFuture<Void> cancel(boolean keepCheckpoints) {
        if (keepCheckpoints) {
            keepCheckpointsOnCancel = true;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (status.isGloballyTerminalState()) {
            done.complete(null);
            return done;
        }
        submit(() -> {
            if (status.isGloballyTerminalState()) {
                done.complete(null);
                return;
            }
            cancelWaiters.add(done);
            if (status == JobStatus.CANCELLING) {
                return;
            }
            moveTo(JobStatus.CANCELLING);
            afterSettling.clear(); // a deferred restart is no longer wanted
            if (coordinator != null) {
                coordinator.stop("job cancelled");
            }
            stopRegions(regions);
            terminateWhenSettled(JobStatus.CANCELED, new CancellationException("Job '" + graph.jobName() + "' was cancelled."));
        });
        if (master.isShutdown() && !done.isDone()) {
            done.complete(null); // the job ended meanwhile
        }
        return done;
    }

    /**
     * A master action that cannot fail silently: an unexpected exception (a bug in Weir) is logged,
     * recorded as an INTERNAL failure, and fails the job, instead of vanishing in the executor and
     * leaving the job stuck.
     */
    private Runnable guarded(Runnable action) {
        return () -> {
            try {
                action.run();
            } catch (RuntimeException | Error t) {
                LOG.error("Job '{}': internal error in the job master; failing the job: {}", graph.jobName(), t.toString(), t);
                if (status.isGloballyTerminalState()) {
                    return;
                }
                synchronized (this) {
                    failures.add(new FailureRecord(clock.currentTimeMillis(), "job master", -1, -1, FailureRecord.Classification.INTERNAL, t, -1));
                }
                status = JobStatus.FAILING; // from whatever state the bug left: the job can only end now
                if (coordinator != null) {
                    coordinator.stop("internal error: " + t);
                }
                stopRegions(regions);
                terminate(JobStatus.FAILED, null);
            }
        };
    }

    /** Runs on the master thread; after the job ended, late reports are dropped. */
    private void submit(Runnable r) {
        try {
            master.execute(guarded(r));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the job has terminated; nothing is waiting for this report any more
        }
    }

    // ------------------------------------------------------------------ attempts (master thread)

    private void deploy() throws Exception {
        endOfData.clear();
        exited.clear();
        finishRequested = false;
        Map<Integer, TaskRestore[]> restore = restoreData();
        for (Region r : regions) {
            deployRegion(r, restore);
        }
        moveTo(JobStatus.RUNNING);
        if (coordinator != null) {
            coordinator.start(graph.totalSubtasks());
        }
    }

    /** What the next attempt restores: the latest completed checkpoint, from memory if possible, else from its files. */
    private Map<Integer, TaskRestore[]> restoreData() throws Exception {
        if (latestCheckpoint == null) {
            return null;
        }
        if (preparedRestore != null) {
            Map<Integer, TaskRestore[]> prepared = preparedRestore;
            preparedRestore = null;
            LOG.info("Job '{}' restores checkpoint {} from {}.", graph.jobName(), latestCheckpoint.metadata().checkpointId(),
                    latestCheckpoint.directory());
            return prepared;
        }
        long id = latestCheckpoint.metadata().checkpointId();
        Map<Integer, TaskRestore[]> restore = localRecovery ? localSnapshots.assemble(id, graph) : null;
        if (restore != null) {
            LOG.info("Job '{}' restores checkpoint {} from memory (local recovery; files in {}).", graph.jobName(), id, latestCheckpoint.directory());
            return restore;
        }
        LOG.info("Job '{}' restores checkpoint {} from {}.", graph.jobName(), id, latestCheckpoint.directory());
        return RestoreAssembler.assemble(latestCheckpoint, graph);
    }

    private void deployRegion(Region region, Map<Integer, TaskRestore[]> restore) {
        region.attemptNumber++;
        region.token = nextToken++;
        region.restarting = false;
        byToken.put(region.token, region);
        TaskServices services = new TaskServices(graph.jobName(), region.token, checkpointConfig.getCheckpointingMode(), storage, io,
                timers, clock, this, batchSize, 10_000_000L,
                checkpointConfig.isUnalignedCheckpointsEnabled() && checkpointConfig.getCheckpointingMode() == CheckpointingMode.EXACTLY_ONCE,
                checkpointConfig.getAlignedCheckpointTimeout().toNanos(), localSnapshots, objectReuse, lineage, allowRewind,
                globalJobParameters, jobId);
        region.attempt = new ExecutionAttempt(region.attemptNumber, graph, services, restore, region.vertices);
        region.attempt.start(runner);
    }

    private List<StreamTask> allTasks() {
        List<StreamTask> tasks = new ArrayList<>();
        for (Region r : regions) {
            if (r.attempt != null && !r.restarting) {
                tasks.addAll(r.attempt.tasks);
            }
        }
        return tasks;
    }

    private boolean anyRegionRestarting() {
        for (Region r : regions) {
            if (r.restarting) {
                return true;
            }
        }
        return false;
    }

    private void onTick() {
        if (status == JobStatus.RUNNING && coordinator != null && !finishRequested && !anyRegionRestarting()) {
            coordinator.maybeTrigger();
        }
    }

    /**
     * A failure. If it belongs to one region of several, only that region is cancelled and restored
     * (the others keep running); otherwise the whole job is.
     */
    private void handleFailure(FailureRecord record, Region region) {
        if (status != JobStatus.RUNNING || (region != null && region.restarting)) {
            synchronized (this) {
                if (!failures.isEmpty() && failures.get(failures.size() - 1).cause() != record.cause()) {
                    failures.get(failures.size() - 1).cause().addSuppressed(record.cause());
                }
            }
            return;
        }
        synchronized (this) {
            failures.add(record);
        }
        boolean regional = region != null && regions.size() > 1;
        LOG.warn("Job '{}' attempt {}: {} failed{}: {}", graph.jobName(), record.attempt(), where(record),
                regional ? " (restarting only its " + region + ")" : "", record.cause().toString());
        if (coordinator != null) {
            coordinator.stop("failure: " + record.cause());
        }
        if (record.classification() == FailureRecord.Classification.FATAL) {
            moveTo(JobStatus.FAILING);
            stopRegions(regions);
            terminateWhenSettled(JobStatus.FAILED, null);
            return;
        }
        long stopStart = clock.relativeTimeNanos();
        if (regional) {
            region.restarting = true;
            if (!stopRegions(List.of(region))) {
                return;
            }
            forgetRegion(region);
        } else {
            moveTo(JobStatus.RESTARTING);
            for (Region r : regions) {
                r.restarting = true;
            }
            if (!stopRegions(regions)) {
                return;
            }
        }
        lastStopMillis = (clock.relativeTimeNanos() - stopStart) / 1_000_000.0;
        restartStrategy.notifyFailure(record.cause());
        if (!restartStrategy.canRestart()) {
            moveTo(JobStatus.FAILING);
            stopRegions(regions);
            terminateWhenSettled(JobStatus.FAILED, null);
            return;
        }
        long backoff = restartStrategy.getBackoffTime();
        LOG.info("Job '{}' restarts {} in {} ms ({}).", graph.jobName(), regional ? region.toString() : "every task", backoff,
                restartStrategy.describe());
        master.schedule(guarded(() -> restart(regional ? region : null)), backoff);
    }

    private void forgetRegion(Region region) {
        byToken.remove(region.token);
        for (int v : region.vertices) {
            for (int s = 0; s < graph.vertices().get(v).parallelism(); s++) {
                endOfData.remove(v + ":" + s);
                exited.remove(v + ":" + s);
            }
        }
    }

    private void restart(Region region) {
        boolean stillWanted = region == null ? status == JobStatus.RESTARTING : status == JobStatus.RUNNING && region.restarting;
        if (!stillWanted) {
            return; // superseded, e.g. by a failure of the whole job meanwhile
        }
        if (coordinator != null && coordinator.isSettling()) {
            // Fence: a checkpoint of the failed attempt is writing its metadata. Choosing the restore
            // point now could restore n-1 while the disk ends up saying n; wait until it settles.
            LOG.info("Job '{}' waits for checkpoint metadata being written before it chooses the checkpoint to restore.", graph.jobName());
            afterSettling.add(() -> restart(region));
            return;
        }
        restarts++;
        long restoredId = latestCheckpoint == null ? -1 : latestCheckpoint.metadata().checkpointId();
        synchronized (this) {
            int last = failures.size() - 1;
            failures.set(last, failures.get(last).withRestoredCheckpoint(restoredId));
        }
        try {
            long deployStart = clock.relativeTimeNanos();
            if (region == null) {
                byToken.clear();
                deploy();
            } else {
                deployRegion(region, restoreData());
                if (coordinator != null && !anyRegionRestarting()) {
                    coordinator.start(graph.totalSubtasks());
                }
            }
            LOG.info("Job '{}' failover: old tasks stopped in {} ms, restore prepared and new tasks started in {} ms.", graph.jobName(),
                    String.format(java.util.Locale.ROOT, "%.1f", lastStopMillis),
                    String.format(java.util.Locale.ROOT, "%.1f", (clock.relativeTimeNanos() - deployStart) / 1_000_000.0));
        } catch (Throwable t) {
            if (status != JobStatus.RUNNING) {
                moveTo(JobStatus.RUNNING);
            }
            if (region != null) {
                region.restarting = false;
            }
            handleFailure(new FailureRecord(clock.currentTimeMillis(), "job master (restore)", -1, region == null ? 0 : region.attemptNumber,
                    classifyRestoreFailure(t), t, -1), null);
        }
    }

    /** Cancels the regions' tasks and waits for their threads; false if the watchdog had to fail the job. */
    private boolean stopRegions(List<Region> toStop) {
        List<ExecutionAttempt> attempts = new ArrayList<>();
        for (Region r : toStop) {
            if (r.attempt != null) {
                r.attempt.cancel();
                attempts.add(r.attempt);
            }
        }
        List<String> stuck = new ArrayList<>();
        try {
            for (ExecutionAttempt a : attempts) {
                stuck.addAll(a.awaitTermination(runner, cancellationTimeoutMs));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stuck.add("(the job master was interrupted while waiting for the tasks to stop; they may still be running)");
        }
        if (stuck.isEmpty()) {
            return true;
        }
        StringBuilder sb = new StringBuilder();
        for (String t : stuck) {
            sb.append("\n  ").append(t);
        }
        IllegalStateException e = new IllegalStateException(stuck.size() + " task thread(s) did not stop within the cancellation timeout of "
                + cancellationTimeoutMs + " ms (task.cancellation.timeout); user code is probably blocking and ignoring interrupts. "
                + "Weir fails the job instead of running two attempts at once. Stuck threads:" + sb);
        LOG.error(e.getMessage());
        synchronized (this) {
            failures.add(new FailureRecord(clock.currentTimeMillis(), "task watchdog", -1, -1,
                    FailureRecord.Classification.CANCELLATION_TIMEOUT, e, -1));
        }
        if (status != JobStatus.FAILING) {
            moveTo(JobStatus.FAILING);
        }
        terminateWhenSettled(JobStatus.FAILED, null);
        return false;
    }

    /** Ends the job, but only once no checkpoint is writing its metadata (see {@link #afterSettling}). */
    private void terminateWhenSettled(JobStatus finalStatus, Throwable cancellation) {
        if (coordinator != null && coordinator.isSettling()) {
            LOG.info("Job '{}' ends {} once the checkpoint metadata being written has settled.", graph.jobName(), finalStatus);
            afterSettling.add(() -> terminate(finalStatus, cancellation));
            return;
        }
        terminate(finalStatus, cancellation);
    }

    private void terminate(JobStatus finalStatus, Throwable cancellation) {
        if (status.isGloballyTerminalState()) {
            return; // idempotent: the first terminal status stands
        }
        if (tick != null) {
            tick.cancel();
        }
        afterSettling.clear();
        moveTo(finalStatus);
        cleanUpCheckpoints(finalStatus);
        if (storage != null) {
            storage.close(); // another job may use the folder now
        }
        long netRuntime = (clock.relativeTimeNanos() - startNanos) / 1_000_000L;
        if (finalStatus == JobStatus.FINISHED) {
            LOG.info("Job '{}' finished in {} ms with {} restart(s).", graph.jobName(), netRuntime, restarts);
            result.complete(new JobExecutionResult(jobId, graph.jobName(), netRuntime, restarts));
        } else if (finalStatus == JobStatus.CANCELED) {
            result.completeExceptionally(new JobExecutionException(graph.jobName(), cancellation.getMessage(), cancellation, failureHistory()));
        } else {
            FailureRecord last;
            synchronized (this) {
                last = failures.get(failures.size() - 1);
            }
            String cause = last.cause().toString();
            String msg = "Job '" + graph.jobName() + "' failed after " + restarts + " restart(s): " + where(last) + " failed with "
                    + (cause.endsWith(".") ? cause.substring(0, cause.length() - 1) : cause) + (last.classification() == FailureRecord.Classification.FATAL
                            ? ". This failure cannot be cured by restarting, so the job was not restarted; its checkpoints are kept."
                            : ". The restart strategy (" + restartStrategy.describe() + ") does not allow another restart.")
                    + " The failure history is attached (getFailureHistory()).";
            JobExecutionException e = new JobExecutionException(graph.jobName(), msg, last.cause(), failureHistory());
            for (FailureRecord r : failureHistory()) {
                if (r != last && r.cause() != last.cause()) {
                    e.addSuppressed(r.cause());
                }
            }
            LOG.error(msg);
            result.completeExceptionally(e);
        }
        for (CompletableFuture<Void> w : cancelWaiters) {
            w.complete(null);
        }
        localSnapshots.clear();
        master.shutdown();
        timers.shutdown();
        io.shutdown();
    }

    private void cleanUpCheckpoints(JobStatus finalStatus) {
        if (storage == null || coordinator == null) {
            return;
        }
        // A failed job keeps its checkpoints whatever the retention says: resuming it is their point. As in Flink,
        // RETAIN_ON_CANCELLATION also keeps them when the job finishes.
        ExternalizedCheckpointRetention r = checkpointConfig.getExternalizedCheckpointRetention();
        boolean retain = r == ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION;
        boolean discard = (finalStatus == JobStatus.FINISHED && !retain)
                || (finalStatus == JobStatus.CANCELED && !retain && !keepCheckpointsOnCancel);
        if (discard && finalStatus == JobStatus.FINISHED) {
            storage.finishAndDiscard(clock.currentTimeMillis());
        } else if (discard) {
            storage.discardAll();
        } else {
            LOG.info("Job '{}' {}: its checkpoints are kept in {} (latest completed: {}); resume with -s latest.", graph.jobName(), finalStatus,
                    storage.jobDirectory(), latestCheckpoint == null ? "none" : latestCheckpoint.directory());
        }
    }

    private static String where(FailureRecord r) {
        return "operator '" + r.operator() + "'" + (r.subtask() >= 0 ? " (subtask " + r.subtask() + ")" : "");
    }

    // ------------------------------------------------------------------ TaskListener (any thread -> master thread)

    @Override
    public void acknowledgeCheckpoint(int att, long checkpointId, SubtaskStateMetadata state, SnapshotStats stats) {
        submit(() -> {
            if (!byToken.containsKey(att) || status != JobStatus.RUNNING) {
                return;
            }
            coordinator.acknowledge(checkpointId, state, stats);
        });
    }

    @Override
    public void declineCheckpoint(int att, long checkpointId, String task, int subtask, Throwable cause) {
        submit(() -> {
            if (byToken.containsKey(att) && status == JobStatus.RUNNING) {
                coordinator.decline(checkpointId, task, subtask, cause);
            }
        });
    }

    @Override
    public void endOfData(int att, int vertex, int subtask) {
        submit(() -> {
            if (!byToken.containsKey(att) || status != JobStatus.RUNNING) {
                return;
            }
            endOfData.add(vertex + ":" + subtask);
            if (endOfData.size() == graph.totalSubtasks() && !anyRegionRestarting()) {
                if (finishRequested) {
                    // A region restarted after the final checkpoint completed: it restored that checkpoint,
                    // so it only has to finish (another final checkpoint would wait for tasks that are gone).
                    requestFinish();
                } else if (coordinator != null) {
                    coordinator.requestFinal();
                } else {
                    requestFinish();
                }
            }
        });
    }

    private void requestFinish() {
        finishRequested = true;
        for (StreamTask t : allTasks()) {
            t.requestFinish();
        }
    }

    @Override
    public void taskFailed(int att, String operator, int subtask, Throwable cause) {
        long now = clock.currentTimeMillis();
        submit(() -> {
            Region region = byToken.get(att);
            if (region == null) {
                return; // a report from an attempt already replaced
            }
            handleFailure(new FailureRecord(now, operator, subtask, region.attemptNumber, classify(cause), cause, -1), region);
        });
    }

    @Override
    public void taskExited(int att, int vertex, int subtask) {
        submit(() -> {
            if (!byToken.containsKey(att) || status != JobStatus.RUNNING) {
                return;
            }
            exited.add(vertex + ":" + subtask);
            if (exited.size() == graph.totalSubtasks() && finishRequested) {
                if (coordinator != null) {
                    coordinator.stop("job finished");
                }
                terminate(JobStatus.FINISHED, null);
            }
        });
    }

    /** A restore that fails on a damaged checkpoint would fail the same way on every retry. */
    private static FailureRecord.Classification classifyRestoreFailure(Throwable t) {
        FailureRecord.Classification c = classify(t);
        return c == FailureRecord.Classification.FATAL ? c : FailureRecord.Classification.INTERNAL;
    }

    private static FailureRecord.Classification classify(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof io.weir.api.execution.SuppressRestartsException || c instanceof io.weir.runtime.checkpoint.CorruptCheckpointException
                    || c instanceof io.weir.api.execution.RestoreRefusedException) {
                return FailureRecord.Classification.FATAL;
            }
        }
        if (t instanceof Error) {
            return FailureRecord.Classification.TASK_CRASH;
        }
        StackTraceElement[] st = t.getStackTrace();
        if (st.length > 0 && st[0].getClassName().startsWith("io.weir.runtime.internal.") && !(t instanceof NullPointerException && t.getMessage() != null)) {
            return FailureRecord.Classification.INTERNAL;
        }
        return FailureRecord.Classification.USER_CODE;
    }

    // ------------------------------------------------------------------ CheckpointCoordinator.Actions (master thread)

    @Override
    public void triggerSources(long checkpointId, long timestamp) {
        for (Region r : regions) {
            if (r.attempt != null && !r.restarting) {
                for (StreamTask t : r.attempt.sourceTasks) {
                    t.triggerCheckpoint(checkpointId, timestamp);
                }
            }
        }
    }

    @Override
    public void notifyComplete(long checkpointId, io.weir.runtime.checkpoint.CheckpointMetadata metadata) {
        latestCheckpoint = new CompletedCheckpoint(storage.checkpointDirectory(checkpointId), metadata);
        localSnapshots.completed(checkpointId);
        for (StreamTask t : allTasks()) {
            t.notifyCheckpointComplete(checkpointId);
        }
    }

    @Override
    public void completedWhileStopped(long checkpointId, io.weir.runtime.checkpoint.CheckpointMetadata metadata) {
        // The failed attempt's checkpoint reached the disk after the attempt was stopped: it is the
        // latest, so the next restore must use it (memory and disk agree). No task is notified; the
        // restore commits its transactions.
        latestCheckpoint = new CompletedCheckpoint(storage.checkpointDirectory(checkpointId), metadata);
        localSnapshots.completed(checkpointId);
    }

    @Override
    public void settled() {
        List<Runnable> waiting = new ArrayList<>(afterSettling);
        afterSettling.clear();
        for (Runnable r : waiting) {
            r.run();
        }
    }

    @Override
    public void notifyAborted(long checkpointId) {
        localSnapshots.aborted(checkpointId);
        for (StreamTask t : allTasks()) {
            t.notifyCheckpointAborted(checkpointId);
        }
    }

    @Override
    public void runIo(CheckpointCoordinator.IoAction action, java.util.function.Consumer<Throwable> then) {
        try {
            io.execute(() -> {
                Throwable error = null;
                try {
                    action.run();
                } catch (Throwable t) {
                    error = t;
                }
                Throwable e = error;
                submit(() -> then.accept(e));
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            then.accept(e);
        }
    }

    @Override
    public void finalCheckpointComplete() {
        if (endOfData.size() != graph.totalSubtasks()) {
            // a final checkpoint stands for the state after every input ended; anything else would finish the job early
            LOG.error("Job '{}': a final checkpoint completed while only {} of {} subtasks had reached end of input; not finishing.",
                    graph.jobName(), endOfData.size(), graph.totalSubtasks());
            return;
        }
        requestFinish();
    }

    @Override
    public void failJob(Throwable cause) {
        handleFailure(new FailureRecord(clock.currentTimeMillis(), "checkpoint coordinator", -1, -1,
                FailureRecord.Classification.CHECKPOINT, cause, -1), null);
    }
}
