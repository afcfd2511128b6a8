package io.weir.runtime.checkpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static io.weir.runtime.checkpoint.TestCheckpoints.commitOneFile;
import static io.weir.runtime.checkpoint.TestCheckpoints.flipBit;
import static io.weir.runtime.checkpoint.TestCheckpoints.handleOf;
import static io.weir.runtime.checkpoint.TestCheckpoints.storage;
import static io.weir.runtime.checkpoint.TestCheckpoints.truncate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Damage of every kind is detected, reported with the file's path, and skipped when looking for a restore point. */
class CheckpointCorruptionTest {

    @TempDir
    Path base;

    private FileCheckpointStorage storage;

    /** Commits checkpoints 1 and 2; returns the folder of 2, the newest. */
    private Path twoCheckpoints() throws IOException {
        storage = storage(base, 2);
        commitOneFile(storage, storage.nextCheckpointId(), "older state");
        commitOneFile(storage, storage.nextCheckpointId(), "newest state, which will be damaged");
        return storage.jobDirectory().resolve("chk-2");
    }

    private void assertDamaged(Path folder, Path damagedFile, String problem) {
        assertThat(storage.listCheckpoints().get(0)).satisfies(info -> {
            assertThat(info.checkpointId()).isEqualTo(2);
            assertThat(info.complete()).isTrue();
            assertThat(info.intact()).isFalse();
            assertThat(info.problem()).contains(damagedFile.toString()).contains(problem);
        });
        assertThatThrownBy(() -> FileCheckpointStorage.load(folder))
                .isInstanceOfSatisfying(CorruptCheckpointException.class, e -> assertThat(e.file()).isEqualTo(damagedFile))
                .hasMessageContaining(damagedFile.toString())
                .hasMessageContaining(problem)
                .hasMessageContaining("older checkpoint")
                .hasMessageContaining("weir checkpoints list");
        assertThat(storage.findLatestIntact()).as("the damaged newest checkpoint is skipped")
                .map(CompletedCheckpoint::checkpointId).contains(1L);
    }

    @Test
    void shouldDetectAFlippedBitInAStateFile() throws IOException {
        Path folder = twoCheckpoints();
        Path state = folder.resolve("t2-0.state");
        flipBit(state, 3, 0);

        assertDamaged(folder, state, "checksum mismatch");
    }

    @Test
    void shouldDetectAFlippedBitAnywhereInAStateFile() throws IOException {
        long seed = Long.getLong("weir.test.seed", new Random().nextLong()); // rerun with -Dweir.test.seed=...
        Random random = new Random(seed);
        storage = storage(base, 1);
        byte[] content = new byte[1 + random.nextInt(100_000)];
        random.nextBytes(content);
        StateFileHandle h = TestCheckpoints.writeState(storage, 1, "t2-0.state", content);
        storage.commitCheckpoint(TestCheckpoints.metadata(1, List.of(TestCheckpoints.keyedSubtask("t2", 0, 1, h))));
        Path state = storage.jobDirectory().resolve("chk-1/t2-0.state");

        for (int round = 0; round < 20; round++) {
            long position = random.nextInt(content.length);
            int bit = random.nextInt(8);
            flipBit(state, position, bit);
            assertThat(CheckpointExamination.examine(state.getParent()).problem())
                    .as("seed %d, byte %d, bit %d", seed, position, bit).contains("checksum mismatch");
            flipBit(state, position, bit);
            assertThat(CheckpointExamination.examine(state.getParent()).intact()).isTrue();
        }
    }

    @Test
    void shouldDetectAFlippedBitInMetadata() throws IOException {
        Path folder = twoCheckpoints();
        Path metadata = folder.resolve("_metadata");
        String json = Files.readString(metadata);
        flipBit(metadata, json.indexOf("\"jobName\"") + 12, 1); // inside the job name: still valid JSON

        assertDamaged(folder, metadata, "checksum mismatch");
    }

    @Test
    void shouldDetectATruncatedStateFile() throws IOException {
        Path folder = twoCheckpoints();
        Path state = folder.resolve("t2-0.state");
        truncate(state, Files.size(state) - 5);

        assertDamaged(folder, state, "truncated");
    }

    @Test
    void shouldDetectAppendedBytesInAStateFile() throws IOException {
        Path folder = twoCheckpoints();
        Path state = folder.resolve("t2-0.state");
        Files.write(state, new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);

        assertDamaged(folder, state, "too long");
    }

    @Test
    void shouldDetectTruncatedMetadata() throws IOException {
        Path folder = twoCheckpoints();
        Path metadata = folder.resolve("_metadata");
        truncate(metadata, Files.size(metadata) / 2);

        assertDamaged(folder, metadata, "truncated or damaged");
    }

    @Test
    void shouldDetectEmptyMetadata() throws IOException {
        Path folder = twoCheckpoints();
        Path metadata = folder.resolve("_metadata");
        truncate(metadata, 0);

        assertDamaged(folder, metadata, "empty");
    }

    @Test
    void shouldDetectAMissingStateFile() throws IOException {
        Path folder = twoCheckpoints();
        Path state = folder.resolve("t2-0.state");
        Files.delete(state);

        assertDamaged(folder, state, "missing");
    }

    @Test
    void shouldRefuseAnUnknownFormatVersion() throws IOException {
        Path folder = twoCheckpoints();
        Path metadata = folder.resolve("_metadata");
        ObjectNode tree = MetadataFormat.toTree(FileCheckpointStorage.load(folder).metadata());
        tree.put("formatVersion", 2);
        Files.write(metadata, MetadataFormat.writeTree(tree));

        assertDamaged(folder, metadata, "unknown format version 2");
    }

    @Test
    void shouldReportMetadataThatIsInAnotherCheckpointsFolder() throws IOException {
        Path folder = twoCheckpoints();
        Path metadata = folder.resolve("_metadata");
        Files.copy(storage.jobDirectory().resolve("chk-1/_metadata"), metadata, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertDamaged(folder, metadata, "describes checkpoint 1 but is in folder chk-2");
    }

    @Test
    void whenEveryCheckpointIsDamaged_thenLoadingTheJobFolderListsThemAll() throws IOException {
        Path folder = twoCheckpoints();
        flipBit(folder.resolve("t2-0.state"), 0, 0);
        Files.delete(storage.jobDirectory().resolve("chk-1/t2-0.state"));

        assertThat(storage.findLatestIntact()).isEmpty();
        assertThatThrownBy(() -> FileCheckpointStorage.load(storage.jobDirectory()))
                .isInstanceOf(CorruptCheckpointException.class)
                .hasMessageContaining(storage.jobDirectory().toString())
                .hasMessageContaining("chk-2: t2-0.state checksum mismatch")
                .hasMessageContaining("chk-1: t2-0.state missing");
    }

    @Test
    void whenTheNewestCheckpointIsIncomplete_thenTheNewestCompleteOneIsChosen() throws IOException {
        twoCheckpoints();
        TestCheckpoints.writeState(storage, storage.nextCheckpointId(), "t2-0.state", new byte[10]);

        assertThat(storage.findLatestIntact()).map(CompletedCheckpoint::checkpointId).contains(2L);
        assertThat(FileCheckpointStorage.load(storage.jobDirectory()).checkpointId()).isEqualTo(2);
    }

    @Test
    void whenAStateFileIsDamagedAfterLoading_thenReadingItFailsNamingTheFile() throws IOException {
        Path folder = twoCheckpoints();
        CompletedCheckpoint loaded = FileCheckpointStorage.load(folder);
        StateFileHandle handle = handleOf(loaded.metadata(), "t2-0.state");
        Path state = folder.resolve("t2-0.state");
        flipBit(state, handle.sizeBytes() - 1, 7);

        assertThatThrownBy(() -> TestCheckpoints.readState(loaded, handle))
                .isInstanceOf(CorruptCheckpointException.class).hasMessageContaining(state.toString()).hasMessageContaining("checksum mismatch");
        assertThatThrownBy(() -> {
            try (InputStream in = loaded.openStateFile(handle)) {
                in.read(); // a reader that stops early still learns about the damage when it closes
            }
        }).isInstanceOf(CorruptCheckpointException.class).hasMessageContaining(state.toString());

        truncate(state, 1);
        assertThatThrownBy(() -> loaded.openStateFile(handle))
                .isInstanceOf(CorruptCheckpointException.class).hasMessageContaining("truncated");
    }

    @Test
    void shouldNotLoadAPathThatIsNoCheckpoint() throws IOException {
        Path stray = Files.writeString(base.resolve("notes.txt"), "hello");

        assertThatThrownBy(() -> FileCheckpointStorage.load(base.resolve("nope")))
                .isInstanceOf(CheckpointStorageException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> FileCheckpointStorage.load(stray))
                .isInstanceOf(CheckpointStorageException.class).hasMessageContaining(stray.toString());
        assertThatThrownBy(() -> FileCheckpointStorage.load(base))
                .isInstanceOf(CheckpointStorageException.class).hasMessageContaining("chk-<id>");
    }
}
