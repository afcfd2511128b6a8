package io.weir.runtime.checkpoint;

/**
 * The newest completed checkpoint of a job and the newest intact one, as found on disk by
 * {@link FileCheckpointStorage#findLatest()}. They are the same checkpoint unless the newest
 * completed one is damaged; folders without metadata (checkpoints that never completed) count as
 * neither.
 *
 * @param newestComplete the newest checkpoint with metadata, intact or not; null when there is none
 * @param newestIntact   the newest intact checkpoint, verified and ready to restore; null when there is none
 */
public record LatestCheckpoints(CheckpointInfo newestComplete, CompletedCheckpoint newestIntact) {

    /** Whether the newest completed checkpoint is damaged (so restoring the newest intact one would go back in time). */
    public boolean newestIsDamaged() {
        return newestComplete != null && !newestComplete.intact();
    }
}
