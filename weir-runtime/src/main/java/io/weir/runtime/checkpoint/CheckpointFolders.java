package io.weir.runtime.checkpoint;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cheap questions about checkpoint folders on disk, answered from directory listings and the presence of
 * {@code _metadata} files only: nothing is parsed or verified (for that, see {@link FileCheckpointStorage#findLatest()}).
 * Used at job launch to warn about checkpoints a job is about to ignore, and by {@code weir run -s} to reject a folder
 * that holds none. Pure reads; any thread.
 */
public final class CheckpointFolders {
    private CheckpointFolders() {}

    /**
     * Whether {@code path} can name a checkpoint to restore: a {@code _metadata} file, a folder with one, or a job
     * folder that contains at least one {@code chk-<id>} folder. A {@code chk-<id>} folder without {@code _metadata}
     * (a checkpoint that never completed) and an empty or unrelated folder do not.
     *
     * @throws IOException if a folder cannot be listed
     */
    public static boolean holdsCheckpoint(Path path) throws IOException {
        Path p = path.toAbsolutePath().normalize();
        if (Files.isRegularFile(p)) {
            return p.getFileName().toString().equals(CheckpointExamination.METADATA_FILE);
        }
        if (!Files.isDirectory(p)) {
            return false;
        }
        return Files.exists(p.resolve(CheckpointExamination.METADATA_FILE)) || !CheckpointExamination.checkpointFolders(p).isEmpty();
    }

    /**
     * The newest {@code chk-<id>} folder of {@code jobDirectory} that has a {@code _metadata} file (a completed
     * checkpoint, not verified), or empty when there is none or the folder does not exist.
     *
     * @throws IOException if the folder cannot be listed
     */
    public static Optional<Path> newestCompleted(Path jobDirectory) throws IOException {
        for (Path folder : CheckpointExamination.checkpointFolders(jobDirectory)) {
            if (Files.exists(folder.resolve(CheckpointExamination.METADATA_FILE))) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }

    /**
     * The other job folders beside {@code jobDirectory} (in its parent, the checkpoint directory) that hold at least
     * one completed checkpoint, sorted by name: what a renamed job would have written before.
     *
     * @return the folders; empty if there are none or the parent does not exist
     * @throws IOException if the checkpoint directory cannot be listed
     */
    public static List<Path> otherJobsWithCheckpoints(Path jobDirectory) throws IOException {
        Path self = jobDirectory.toAbsolutePath().normalize();
        Path base = self.getParent();
        List<Path> others = new ArrayList<>();
        if (base == null) {
            return others;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(base, Files::isDirectory)) {
            for (Path job : entries) {
                if (!job.equals(self) && newestCompleted(job).isPresent()) {
                    others.add(job);
                }
            }
        } catch (NoSuchFileException e) {
            return others;
        }
        others.sort(null);
        return others;
    }

    /** The job name a job folder stands for (the inverse of {@link FileCheckpointStorage#jobFolderName(String)}). Pure. */
    public static String jobNameOf(Path jobDirectory) {
        return JobFolderNames.decode(jobDirectory.getFileName().toString());
    }
}
