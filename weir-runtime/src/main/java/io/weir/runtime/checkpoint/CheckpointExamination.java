package io.weir.runtime.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The result of checking one checkpoint folder: is it complete, does its metadata parse, does every state file have
 * the recorded size and checksum. Reads everything it checks; does not change anything.
 *
 * @param directory   the checkpoint folder
 * @param complete    whether {@code _metadata} exists
 * @param metadata    the parsed metadata, or {@code null} if incomplete or unreadable
 * @param stateFiles  one entry per state file named in the metadata, in subtask order
 * @param problemFile the first damaged or missing file, or {@code null} when intact
 * @param problem     what is wrong with {@code problemFile}, or {@code null} when intact
 */
record CheckpointExamination(Path directory, boolean complete, CheckpointMetadata metadata, List<StateFileCheck> stateFiles,
        Path problemFile, String problem) {

    static final String METADATA_FILE = "_metadata";
    static final String INCOMPLETE = "does not exist, so the checkpoint is incomplete (it was aborted, or the process"
            + " stopped before it completed)";
    private static final Pattern CHECKPOINT_FOLDER = Pattern.compile("chk-([1-9][0-9]{0,17})");

    /** One state file's verdict; {@code problem} is {@code null} when the file is as recorded. */
    record StateFileCheck(StateFileHandle handle, Path path, String problem) {
        boolean ok() {
            return problem == null;
        }
    }

    boolean intact() {
        return problem == null;
    }

    /** The id in a {@code chk-<id>} folder name. */
    static OptionalLong checkpointIdOf(Path folder) {
        Path name = folder.getFileName();
        Matcher m = name == null ? null : CHECKPOINT_FOLDER.matcher(name.toString());
        return m != null && m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    static Path folderFor(Path jobDirectory, long checkpointId) {
        return jobDirectory.resolve("chk-" + checkpointId);
    }

    /** The {@code chk-<id>} folders of a job folder, newest (highest id) first; empty if the folder does not exist. */
    static List<Path> checkpointFolders(Path jobDirectory) throws IOException {
        List<Path> folders = new ArrayList<>();
        try (var entries = Files.newDirectoryStream(jobDirectory)) {
            for (Path p : entries) {
                if (checkpointIdOf(p).isPresent() && Files.isDirectory(p)) {
                    folders.add(p);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        folders.sort((a, b) -> Long.compare(checkpointIdOf(b).getAsLong(), checkpointIdOf(a).getAsLong()));
        return folders;
    }

    static CheckpointExamination examine(Path folder) {
        Path metadataFile = folder.resolve(METADATA_FILE);
        if (!Files.exists(metadataFile)) {
            return new CheckpointExamination(folder, false, null, List.of(), metadataFile,
                    INCOMPLETE);
        }
        CheckpointMetadata metadata;
        try {
            metadata = MetadataFormat.read(Files.readAllBytes(metadataFile));
        } catch (MetadataFormat.FormatException e) {
            return new CheckpointExamination(folder, true, null, List.of(), metadataFile, e.getMessage());
        } catch (IOException e) {
            return new CheckpointExamination(folder, true, null, List.of(), metadataFile, "cannot be read: " + StorageFiles.reason(e));
        }
        OptionalLong folderId = checkpointIdOf(folder);
        if (folderId.isPresent() && folderId.getAsLong() != metadata.checkpointId()) {
            return new CheckpointExamination(folder, true, metadata, List.of(), metadataFile, "describes checkpoint "
                    + metadata.checkpointId() + " but is in folder chk-" + folderId.getAsLong() + " (moved or copied by hand?)");
        }
        List<StateFileCheck> checks = new ArrayList<>();
        Path problemFile = null;
        String problem = null;
        for (SubtaskStateMetadata subtask : metadata.subtasks()) {
            StateFileHandle handle = subtask.stateFile();
            if (handle == null) {
                continue;
            }
            Path file = folder.resolve(handle.fileName());
            String fileProblem = checkStateFile(file, handle);
            checks.add(new StateFileCheck(handle, file, fileProblem));
            if (fileProblem != null && problem == null) {
                problemFile = file;
                problem = fileProblem;
            }
        }
        long damaged = checks.stream().filter(c -> !c.ok()).count();
        if (damaged > 1) {
            problem += " (and " + (damaged - 1) + " more damaged state file" + (damaged > 2 ? "s" : "") + ")";
        }
        return new CheckpointExamination(folder, true, metadata, Collections.unmodifiableList(checks), problemFile, problem);
    }

    /** Why {@code file} differs from {@code handle}, or {@code null} if it matches. */
    static String checkStateFile(Path file, StateFileHandle handle) {
        long[] crcAndSize;
        try {
            if (!Files.isRegularFile(file)) {
                return Files.exists(file) ? "not a regular file" : "missing (the state file named in _metadata does not exist)";
            }
            crcAndSize = StorageFiles.crc32cAndSize(file);
        } catch (IOException e) {
            return "cannot be read: " + StorageFiles.reason(e);
        }
        String sizeProblem = sizeProblem(crcAndSize[1], handle.sizeBytes());
        if (sizeProblem != null) {
            return sizeProblem;
        }
        if (crcAndSize[0] != handle.crc32c()) {
            return crcProblem(handle.crc32c(), crcAndSize[0]);
        }
        return null;
    }

    static String sizeProblem(long actual, long recorded) {
        if (actual < recorded) {
            return "truncated: " + actual + " bytes, but " + recorded + " were recorded";
        }
        if (actual > recorded) {
            return "too long: " + actual + " bytes, but " + recorded + " were recorded (data was appended)";
        }
        return null;
    }

    static String crcProblem(long recorded, long actual) {
        return String.format("checksum mismatch (recorded crc32c %08x, found %08x): the file was changed or damaged"
                + " after it was written", recorded, actual);
    }

    CheckpointInfo toInfo() {
        long id = checkpointIdOf(directory).orElse(metadata != null ? metadata.checkpointId() : -1);
        return new CheckpointInfo(id, directory, complete, intact(), problem == null ? null : problemFile + ": " + problem,
                StorageFiles.directorySize(directory), metadata != null ? metadata.triggerTimestamp() : -1,
                metadata != null ? metadata.completedTimestamp() : -1);
    }

    CorruptCheckpointException toException() {
        return new CorruptCheckpointException(problemFile, problem);
    }
}
