package io.weir.runtime.internal.operators;

import io.weir.api.functions.KeySelector;
import io.weir.runtime.internal.state.RestoredState;

/**
 * What the task tells an operator about where it runs.
 *
 * @param restored             the operator's state from the restored checkpoint, or null
 * @param restoredCheckpointId the restored checkpoint id, or -1
 * @param stateKeySelector     the key of a keyed input, or null
 * @param objectReuse          {@code pipeline.object-reuse}: when false the operator copies mutable records and values
 *                             (with their serializer) before it stores them; when true it stores them as they are
 * @param lineage              the job's lineage (a fresh start draws one, a restore keeps the checkpoint's), or null
 * @param allowRewind          the user accepted restoring a checkpoint older than output already committed
 * @param globalJobParameters  the job's global parameters (null: none)
 * @param jobId                the job's id, or null where there is no job (the test harness)
 */
public record OperatorContext(String jobName, String operatorId, String operatorName, String taskName, int subtaskIndex,
        int parallelism, int maxParallelism, int attemptNumber, KeySelector<?, ?> stateKeySelector, RestoredState restored,
        long restoredCheckpointId, ProcessingTimeService processingTime, boolean objectReuse, String lineage, boolean allowRewind,
        java.util.Map<String, String> globalJobParameters, String jobId) {

    public OperatorContext {
        globalJobParameters = globalJobParameters == null ? java.util.Map.of() : java.util.Map.copyOf(globalJobParameters);
    }

    public boolean isKeyed() {
        return stateKeySelector != null;
    }

    public String taskNameWithSubtasks() {
        return taskName + " (" + (subtaskIndex + 1) + "/" + parallelism + ")#" + attemptNumber;
    }
}
