package io.weir.runtime.checkpoint;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Checkpoint storage cannot be used: the directory cannot be created or written, or a path given to a tool does not
 * lead to a checkpoint. The message names the path, the reason reported by the operating system, and what to do.
 */
public class CheckpointStorageException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;

    public CheckpointStorageException(Path path, String message, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    public CheckpointStorageException(Path path, String message) {
        this(path, message, null);
    }

    /** The path that could not be used. */
    public Path path() {
        return path;
    }
}
