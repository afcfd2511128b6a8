package io.weir.runtime.internal.task;

import io.weir.api.environment.CheckpointingMode;
import io.weir.runtime.checkpoint.FileCheckpointStorage;
import io.weir.runtime.internal.time.Clock;

import io.weir.runtime.internal.exec.Scheduler;

/**
 * Job-wide services shared by the tasks of one execution attempt.
 *
 * @param storage     checkpoint storage, or null when checkpointing is off
 * @param ioExecutor  threads that write snapshots asynchronously
 * @param timers      schedules processing-time callbacks (as mails)
 * @param localSnapshots     where written snapshots stay in memory for a fast restart in this JVM
 * @param unalignedEnabled   exactly-once checkpoints may let barriers overtake queued records
 * @param alignedTimeoutNanos with unaligned enabled: align first, switch to unaligned after this long (0 = at once)
 * @param objectReuse        records are passed on by reference, not copied (pipeline.object-reuse)
 * @param lineage            the job's lineage (see {@code CheckpointMetadata#lineage}), recorded in its checkpoints
 * @param allowRewind        the user accepted a restore older than committed output ({@code weir.restore.allow-rewind})
 * @param globalJobParameters the job's global parameters ({@code pipeline.global-job-parameters.*})
 * @param jobId              the job's id (as {@code JobClient.getJobID()})
 */
public record TaskServices(String jobName, int attempt, CheckpointingMode checkpointingMode, FileCheckpointStorage storage,
        Scheduler ioExecutor, Scheduler timers, Clock clock, TaskListener listener, int batchSize,
        long flushIntervalNanos, boolean unalignedEnabled, long alignedTimeoutNanos,
        io.weir.runtime.internal.checkpoint.LocalSnapshots localSnapshots, boolean objectReuse, String lineage,
        boolean allowRewind, java.util.Map<String, String> globalJobParameters, String jobId) {}
