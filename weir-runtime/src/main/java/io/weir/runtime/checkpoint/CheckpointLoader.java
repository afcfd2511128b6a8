package io.weir.runtime.checkpoint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The read side of checkpoint storage: listing, finding the newest intact checkpoint, loading one for a restore. */
final class CheckpointLoader {
    private static final Logger LOG = LoggerFactory.getLogger(FileCheckpointStorage.class);

    private CheckpointLoader() {}

    static List<CheckpointInfo> listCheckpoints(Path jobDirectory) {
        List<CheckpointInfo> infos = new ArrayList<>();
        try {
            for (Path folder : CheckpointExamination.checkpointFolders(jobDirectory)) {
                infos.add(CheckpointExamination.examine(folder).toInfo());
            }
        } catch (IOException e) {
            LOG.warn("Could not list the checkpoints in {}: {}", jobDirectory, StorageFiles.reason(e));
        }
        return infos;
    }

    /** See {@link FileCheckpointStorage#findLatest()}: each folder is examined once, newest first, until an intact one. */
    static LatestCheckpoints latest(Path jobDirectory) throws IOException {
        CheckpointInfo newestComplete = null;
        for (Path folder : CheckpointExamination.checkpointFolders(jobDirectory)) {
            CheckpointExamination exam = CheckpointExamination.examine(folder);
            if (!exam.complete()) {
                continue;
            }
            if (newestComplete == null) {
                newestComplete = exam.toInfo();
            }
            if (exam.intact()) {
                return new LatestCheckpoints(newestComplete, new CompletedCheckpoint(folder, exam.metadata()));
            }
        }
        return new LatestCheckpoints(newestComplete, null);
    }

    /** Newest intact checkpoint in {@code jobDirectory}, or null; problems of skipped ones are added to {@code skipped}. */
    static CompletedCheckpoint latestIntact(Path jobDirectory, List<String> skipped) throws IOException {
        for (Path folder : CheckpointExamination.checkpointFolders(jobDirectory)) {
            CheckpointExamination exam = CheckpointExamination.examine(folder);
            if (exam.intact()) {
                return new CompletedCheckpoint(folder, exam.metadata());
            }
            if (exam.complete()) {
                LOG.warn("Skipping damaged checkpoint {}: {}: {}", folder, exam.problemFile(), exam.problem());
            } else {
                LOG.debug("Skipping incomplete checkpoint {}", folder);
            }
            if (skipped != null) {
                skipped.add(folder.getFileName() + ": " + exam.problemFile().getFileName() + " " + exam.problem());
            }
        }
        return null;
    }

    /** See {@link FileCheckpointStorage#load(Path)}. */
    static CompletedCheckpoint load(Path path) throws IOException {
        Path p = path.toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            throw new CheckpointStorageException(p, "No checkpoint at " + p + ": the path does not exist. List the"
                    + " checkpoints with `weir checkpoints list <checkpoint dir>`.");
        }
        if (Files.isRegularFile(p)) {
            if (!p.getFileName().toString().equals(CheckpointExamination.METADATA_FILE)) {
                throw notACheckpoint(p);
            }
            p = p.getParent();
        }
        boolean checkpointFolder = CheckpointExamination.checkpointIdOf(p).isPresent()
                || Files.exists(p.resolve(CheckpointExamination.METADATA_FILE));
        if (checkpointFolder) {
            CheckpointExamination exam = CheckpointExamination.examine(p);
            if (!exam.intact()) {
                throw exam.toException();
            }
            return new CompletedCheckpoint(p, exam.metadata());
        }
        List<String> skipped = new ArrayList<>();
        CompletedCheckpoint latest = latestIntact(p, skipped);
        if (latest != null) {
            return latest;
        }
        if (skipped.isEmpty()) {
            throw notACheckpoint(p);
        }
        throw new CorruptCheckpointException(p, "none of its " + skipped.size() + " checkpoint(s) is complete and intact: "
                + String.join("; ", skipped));
    }

    private static CheckpointStorageException notACheckpoint(Path p) {
        return new CheckpointStorageException(p, "No checkpoint at " + p + ": expected a chk-<id> folder, its _metadata"
                + " file, or a job folder containing chk-<id> folders. List the checkpoints with"
                + " `weir checkpoints list <checkpoint dir>`.");
    }
}
