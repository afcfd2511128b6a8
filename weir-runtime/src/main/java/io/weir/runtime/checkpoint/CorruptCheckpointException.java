package io.weir.runtime.checkpoint;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A checkpoint is incomplete or damaged: a file is missing, truncated, has a wrong checksum, or its metadata cannot be
 * read. The message names the damaged file and what is wrong, and tells the user to restore from an older checkpoint.
 */
public class CorruptCheckpointException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String problem;

    /**
     * @param file    the damaged or missing file (or folder, when no single file is to blame)
     * @param problem what is wrong with it, e.g. "checksum mismatch (recorded crc32c 1a2b3c4d, found 00ff00ff)"
     */
    public CorruptCheckpointException(Path file, String problem) {
        super("Damaged or incomplete checkpoint: " + file + ": " + problem + ". Restore from an older checkpoint instead:"
                + " list them with `weir checkpoints list <checkpoint dir>` and pass one with -s <chk folder>.");
        this.file = file;
        this.problem = problem;
    }

    /** The damaged or missing file. */
    public Path file() {
        return file;
    }

    /** What is wrong, without the advice. */
    public String problem() {
        return problem;
    }
}
