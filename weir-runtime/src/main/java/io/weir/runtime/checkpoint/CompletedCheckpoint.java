package io.weir.runtime.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A complete checkpoint, found intact when it was loaded, from which a job can be restored.
 *
 * @param directory the {@code chk-<id>} folder
 * @param metadata  its parsed {@code _metadata}
 */
public record CompletedCheckpoint(Path directory, CheckpointMetadata metadata) {

    public CompletedCheckpoint {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(metadata, "metadata");
    }

    public long checkpointId() {
        return metadata.checkpointId();
    }

    /**
     * Opens a state file of this checkpoint for reading. The size is checked now; the CRC32C is checked as the
     * stream reaches its end, or in {@code close()}, which reads whatever the caller left unread. A file that was
     * damaged after the checkpoint was loaded thus fails the restore with a {@link CorruptCheckpointException}
     * naming the file, rather than restoring wrong state.
     *
     * @param handle one of the handles in {@link #metadata()}
     */
    public InputStream openStateFile(StateFileHandle handle) throws IOException {
        Path file = directory.resolve(handle.fileName());
        long actual;
        try {
            actual = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new CorruptCheckpointException(file, "missing (the state file named in _metadata does not exist)");
        }
        String sizeProblem = CheckpointExamination.sizeProblem(actual, handle.sizeBytes());
        if (sizeProblem != null) {
            throw new CorruptCheckpointException(file, sizeProblem);
        }
        return new VerifyingInputStream(file, handle);
    }
}
