package io.weir.runtime.checkpoint;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static io.weir.runtime.checkpoint.TestCheckpoints.JOB;
import static io.weir.runtime.checkpoint.TestCheckpoints.storage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The contract with a plain path as location, plus what is specific to local files: errors, permissions, names. */
class FileCheckpointStorageTest extends CheckpointStorageContractTest {

    @Override
    Path baseDirectory(Path tempDir) {
        return tempDir;
    }

    @Override
    String location(Path base) {
        return base.toString();
    }

    @Test
    void whenBaseIsUnderARegularFile_thenInitializeNamesThePathAndReason() throws IOException {
        Path file = Files.writeString(base.resolve("not-a-dir"), "x");
        FileCheckpointStorage storage = new FileCheckpointStorage(file.resolve("checkpoints").toString(), JOB, 1);

        assertThatThrownBy(storage::initialize)
                .isInstanceOf(CheckpointStorageException.class)
                .hasMessageContaining(storage.jobDirectory().toString())
                .hasMessageContaining("not a directory")
                .hasMessageContaining("execution.checkpointing.dir");
    }

    @Test
    void whenJobFolderIsARegularFile_thenInitializeFails() throws IOException {
        FileCheckpointStorage storage = new FileCheckpointStorage(base.toString(), JOB, 1);
        Files.writeString(storage.jobDirectory(), "in the way");

        assertThatThrownBy(storage::initialize).isInstanceOf(CheckpointStorageException.class)
                .hasMessageContaining(storage.jobDirectory().toString()).hasMessageContaining("not a directory");
    }

    @Test
    void whenBaseIsNotWritable_thenInitializeNamesThePathAndReason() throws IOException {
        assumeTrue(StorageFiles.supportsPosix(base), "needs POSIX permissions to make a directory read-only");
        Path readOnly = Files.createDirectory(base.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-x------"));
        try {
            assumeFalse(Files.isWritable(readOnly), "this process can write to a directory without write permission"
                    + " (it runs as root, uid 0, or has CAP_DAC_OVERRIDE), so 'permission denied' cannot be provoked here");
            FileCheckpointStorage storage = new FileCheckpointStorage(readOnly.toString(), JOB, 1);

            assertThatThrownBy(storage::initialize)
                    .isInstanceOf(CheckpointStorageException.class)
                    .hasMessageContaining(readOnly.toString())
                    .hasMessageContaining("permission denied");
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void shouldAcceptFileUrisAndPlainPathsAndRefuseOtherSchemes() {
        assertThat(new FileCheckpointStorage(base.toUri().toString(), "a", 1).jobDirectory()).isEqualTo(base.resolve("a"));
        assertThat(new FileCheckpointStorage(base.toString(), "a", 1).jobDirectory()).isEqualTo(base.resolve("a"));
        assertThatThrownBy(() -> new FileCheckpointStorage("s3://bucket/ckpt", "a", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("s3://bucket/ckpt").hasMessageContaining("file:///");
        assertThatThrownBy(() -> new FileCheckpointStorage(base.toString(), "a", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("num-retained");
    }

    @Test
    void shouldRejectStateFileNamesThatLeaveTheCheckpointFolder() throws IOException {
        FileCheckpointStorage storage = storage(1);

        for (String bad : List.of("../escape", "a/b", "_metadata", "..", "")) {
            assertThatThrownBy(() -> storage.createStateFile(1, bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
