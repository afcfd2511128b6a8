package io.weir.runtime.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builders for checkpoints in tests: real files through the real storage, plus ways to damage them. */
final class TestCheckpoints {
    static final String JOB = "word count";
    static final long TRIGGERED = 1_714_557_600_123L;

    private TestCheckpoints() {}

    static FileCheckpointStorage storage(Path base, int numRetained) throws IOException {
        FileCheckpointStorage storage = new FileCheckpointStorage(base.toUri().toString(), JOB, numRetained);
        storage.initialize();
        return storage;
    }

    static StateFileHandle writeState(FileCheckpointStorage storage, long id, String fileName, byte[] content) throws IOException {
        try (StateFileOutputStream out = storage.createStateFile(id, fileName)) {
            out.write(content);
            return out.closeAndGetHandle();
        }
    }

    /** Subtask {@code index} of a keyed task with {@code parallelism} subtasks over 128 key groups. */
    static SubtaskStateMetadata keyedSubtask(String taskId, int index, int parallelism, StateFileHandle handle) {
        int start = index * 128 / parallelism;
        int end = (index + 1) * 128 / parallelism - 1;
        return new SubtaskStateMetadata(taskId, "Map -> Sink", index, parallelism, 128, start, end,
                List.of("Map", "Sink"), false, handle);
    }

    static SubtaskStateMetadata statelessSource(int index, int parallelism) {
        return new SubtaskStateMetadata("t1", "Source: numbers", index, parallelism, 128, -1, -1,
                List.of("Source: numbers"), true, null);
    }

    static CheckpointMetadata metadata(long id, List<SubtaskStateMetadata> subtasks) {
        return new CheckpointMetadata(JOB, id, TRIGGERED + id * 1000, TRIGGERED + id * 1000 + 42, "EXACTLY_ONCE", subtasks);
    }

    /** Writes one state file per entry (keyed task "t2", parallelism = number of files) and commits. */
    static CheckpointMetadata commit(FileCheckpointStorage storage, long id, Map<String, byte[]> files) throws IOException {
        List<SubtaskStateMetadata> subtasks = new ArrayList<>();
        subtasks.add(statelessSource(0, 1));
        int index = 0;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            StateFileHandle handle = writeState(storage, id, file.getKey(), file.getValue());
            subtasks.add(keyedSubtask("t2", index++, files.size(), handle));
        }
        CheckpointMetadata metadata = metadata(id, subtasks);
        storage.commitCheckpoint(metadata);
        return metadata;
    }

    static CheckpointMetadata commitOneFile(FileCheckpointStorage storage, long id, String content) throws IOException {
        return commit(storage, id, Map.of("t2-0.state", content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    static void flipBit(Path file, long position, int bit) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(position);
            int b = raf.read();
            raf.seek(position);
            raf.write(b ^ (1 << bit));
        }
    }

    static void truncate(Path file, long newSize) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(newSize);
        }
    }

    static byte[] readState(CompletedCheckpoint checkpoint, StateFileHandle handle) throws IOException {
        try (InputStream in = checkpoint.openStateFile(handle)) {
            return in.readAllBytes();
        }
    }

    static StateFileHandle handleOf(CheckpointMetadata metadata, String fileName) {
        return metadata.subtasks().stream().map(SubtaskStateMetadata::stateFile)
                .filter(h -> h != null && h.fileName().equals(fileName)).findFirst().orElseThrow();
    }
}
