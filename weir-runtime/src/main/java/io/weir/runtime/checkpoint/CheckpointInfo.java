package io.weir.runtime.checkpoint;

import java.nio.file.Path;

/**
 * One checkpoint folder as found on disk, for listings. Produced by {@link FileCheckpointStorage#listCheckpoints()}.
 *
 * @param checkpointId       the id from the folder name {@code chk-<id>}
 * @param directory          the checkpoint folder
 * @param complete           whether the folder has a {@code _metadata} file (the commit finished)
 * @param intact             complete, and every file verified: the metadata parses with a known format version and
 *                           every state file exists with the recorded size and CRC32C
 * @param problem            why the checkpoint is not intact, naming the file; {@code null} when intact
 * @param totalBytes         bytes of all files in the folder
 * @param triggerTimestamp   when the checkpoint was triggered (ms since the epoch), or -1 if unknown
 * @param completedTimestamp when the checkpoint completed (ms since the epoch), or -1 if unknown
 */
public record CheckpointInfo(long checkpointId, Path directory, boolean complete, boolean intact, String problem,
        long totalBytes, long triggerTimestamp, long completedTimestamp) {}
