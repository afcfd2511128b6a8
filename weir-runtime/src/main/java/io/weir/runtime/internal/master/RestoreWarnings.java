package io.weir.runtime.internal.master;

import io.weir.api.configuration.ConfigKeys;
import io.weir.runtime.checkpoint.CheckpointFolders;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The warnings of a job launch about checkpoints on disk that the job is about to ignore: its own, when no
 * restore was asked for, and other jobs', when {@code -s latest} finds none of its own (a renamed job). Each
 * returns the warning's text, or empty when there is nothing to warn about; the caller logs it. Reads folder
 * listings only (see {@link CheckpointFolders}).
 */
final class RestoreWarnings {
    private RestoreWarnings() {}

    /** When the job starts without a restore setting although its own folder holds completed checkpoints. */
    static Optional<String> ownCheckpointsIgnored(String jobName, Path jobDirectory) throws IOException {
        Optional<Path> newest = CheckpointFolders.newestCompleted(jobDirectory);
        return newest.map(chk -> "Job '" + jobName + "' starts from scratch although its checkpoint folder " + jobDirectory
                + " holds completed checkpoints (the newest is " + chk.getFileName() + "): no checkpoint to restore was given, so"
                + " output an earlier run committed may be emitted again. To resume, add -s latest (" + ConfigKeys.CHECKPOINTING_RESTORE
                + "=latest); to start from scratch on purpose and silence this warning, add --fresh (" + ConfigKeys.RESTORE_FRESH + "=true).");
    }

    /** When {@code -s latest} found no completed checkpoint of the job, but other jobs' folders beside it hold some. */
    static Optional<String> otherJobsOnly(String jobName, Path jobDirectory) throws IOException {
        List<Path> others = CheckpointFolders.otherJobsWithCheckpoints(jobDirectory);
        if (others.isEmpty()) {
            return Optional.empty();
        }
        String names = others.stream().map(p -> "'" + CheckpointFolders.jobNameOf(p) + "' (" + p + ")").collect(Collectors.joining(", "));
        return Optional.of("Job '" + jobName + "' has no completed checkpoint in " + jobDirectory + " to restore from ("
                + ConfigKeys.CHECKPOINTING_RESTORE + "=latest), so it starts from scratch; but the checkpoint directory "
                + jobDirectory.toAbsolutePath().normalize().getParent() + " holds checkpoints of " + (others.size() == 1 ? "another job: " : "other jobs: ")
                + names + ". Checkpoints are kept per job name: if the job was renamed, run it under its old name (pipeline.name or"
                + " env.execute(name)) or restore one of those explicitly with -s FOLDER.");
    }
}
