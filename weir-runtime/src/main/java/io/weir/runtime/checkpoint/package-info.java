/**
 * Checkpoint storage on a file system: where checkpoints live, how they become complete atomically, and how damage
 * is found.
 *
 * <pre>
 * &lt;checkpoint dir&gt;/              execution.checkpointing.dir, e.g. file:///var/lib/weir/checkpoints
 *   &lt;job folder&gt;/                the job name, with unsafe characters as %XX (owner-only)
 *     chk-12/                     one folder per checkpoint id (owner-only)
 *       _metadata                 JSON, written last and atomically; see {@link io.weir.runtime.checkpoint.CheckpointMetadata}
 *       &lt;state files&gt;             opaque bytes from the runtime, one per subtask with state (owner-only)
 *     chk-13/                     no _metadata yet: in progress, aborted, or cut short by a crash
 * </pre>
 *
 * <p>{@link io.weir.runtime.checkpoint.FileCheckpointStorage} writes and retains checkpoints of one job and finds
 * the one to restore; {@link io.weir.runtime.checkpoint.CheckpointInspector} renders listings and details for the
 * {@code weir checkpoints} command.
 */
package io.weir.runtime.checkpoint;
