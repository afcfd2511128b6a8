package io.weir.runtime.checkpoint;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract with a {@code file://} URI naming a not yet existing folder whose path has spaces and non-ASCII letters. */
class FileCheckpointStorageUriLocationTest extends CheckpointStorageContractTest {

    @Override
    Path baseDirectory(Path tempDir) {
        return tempDir.resolve("my checkpoints").resolve("Zähler #1");
    }

    @Override
    String location(Path base) {
        return base.toUri().toString(); // file:///.../my%20checkpoints/Z%C3%A4hler%20%231/
    }

    @Test
    void shouldAcceptAFileUriTypedWithoutPercentEncoding() {
        FileCheckpointStorage storage = new FileCheckpointStorage("file://" + base, "job", 1);

        assertThat(storage.jobDirectory()).isEqualTo(base.resolve("job"));
    }
}
