package io.weir.runtime.checkpoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static io.weir.runtime.checkpoint.TestCheckpoints.TRIGGERED;
import static io.weir.runtime.checkpoint.TestCheckpoints.commitOneFile;
import static io.weir.runtime.checkpoint.TestCheckpoints.flipBit;
import static io.weir.runtime.checkpoint.TestCheckpoints.storage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointInspectorTest {

    @TempDir
    Path base;

    @Test
    void shouldListOneLinePerCheckpointWithProblems() throws IOException {
        FileCheckpointStorage storage = storage(base, 3);
        commitOneFile(storage, storage.nextCheckpointId(), "one");
        commitOneFile(storage, storage.nextCheckpointId(), "two");
        TestCheckpoints.writeState(storage, storage.nextCheckpointId(), "t2-0.state", new byte[3]);
        flipBit(storage.jobDirectory().resolve("chk-2/t2-0.state"), 0, 0);

        String text = CheckpointInspector.list(storage.jobDirectory());

        assertThat(text).startsWith("Job \"word count\" in " + storage.jobDirectory() + ": 3 checkpoints, 1 intact\n");
        assertThat(text.lines()).hasSize(5);
        assertThat(text.lines().skip(2).findFirst().orElseThrow()).matches("\\s+3\\s+-\\s+no\\s+no\\s+3 B\\s+chk-3/_metadata: does not exist, so the checkpoint is incomplete.*");
        assertThat(text.lines().skip(3).findFirst().orElseThrow())
                .matches("\\s+2\\s+" + Instant.ofEpochMilli(TRIGGERED + 2000) + "\\s+yes\\s+no\\s+\\d+ B\\s+chk-2/t2-0.state: checksum mismatch.*");
        assertThat(text.lines().skip(4).findFirst().orElseThrow())
                .matches("\\s+1\\s+2024-05-01T10:00:01.123Z\\s+yes\\s+yes\\s+\\d+ B");
    }

    @Test
    void shouldGroupCheckpointsByJobInABaseDirectory() throws IOException {
        FileCheckpointStorage first = storage(base, 1);
        commitOneFile(first, first.nextCheckpointId(), "a");
        FileCheckpointStorage second = new FileCheckpointStorage(base.toString(), "billing", 1);
        second.initialize();
        second.commitCheckpoint(new CheckpointMetadata("billing", second.nextCheckpointId(), 1, 2, "AT_LEAST_ONCE", java.util.List.of()));
        Files.createDirectory(base.resolve("unrelated"));

        String text = CheckpointInspector.list(base);

        assertThat(text).contains("Job \"billing\" in " + second.jobDirectory() + ": 1 checkpoint, 1 intact")
                .contains("Job \"word count\" in " + first.jobDirectory() + ": 1 checkpoint, 1 intact")
                .doesNotContain("unrelated");
        assertThat(text.indexOf("billing")).isLessThan(text.indexOf("word count"));
        assertThat(CheckpointInspector.list(base.resolve("unrelated"))).startsWith("No checkpoints in ");
    }

    @Test
    void shouldShowEverySubtaskWithItsChecksumVerdict() throws IOException {
        FileCheckpointStorage storage = storage(base, 1);
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("t2-0.state", new byte[2048]);
        files.put("t2-1.state", new byte[10]);
        TestCheckpoints.commit(storage, storage.nextCheckpointId(), files);
        flipBit(storage.jobDirectory().resolve("chk-1/t2-1.state"), 9, 4);

        String text = CheckpointInspector.inspect(storage.jobDirectory().resolve("chk-1"));

        assertThat(text).startsWith("Checkpoint 1 of job \"word count\"\n")
                .contains("complete, DAMAGED: chk-1/t2-1.state: checksum mismatch")
                .contains(Instant.ofEpochMilli(TRIGGERED + 1000).toString())
                .contains("EXACTLY_ONCE")
                .containsPattern("format version:\\s+1")
                .containsPattern("\\n\\s+Map -> Sink\\s+t2\\s+2\\s+128\\s+Map -> Sink\\n");
        assertThat(text).containsPattern("Source: numbers\\s+0/1\\s+-\\s+yes\\s+\\(no state\\)\\s+-\\s+-\\s+-")
                .containsPattern("Map -> Sink\\s+0/2\\s+0-63\\s+no\\s+t2-0.state\\s+2.0 KiB\\s+[0-9a-f]{8}\\s+ok")
                .containsPattern("Map -> Sink\\s+1/2\\s+64-127\\s+no\\s+t2-1.state\\s+10 B\\s+[0-9a-f]{8}\\s+bad: checksum mismatch");
        assertThat(CheckpointInspector.inspect(storage.jobDirectory())).isEqualTo(text);
        assertThat(CheckpointInspector.inspect(storage.jobDirectory().resolve("chk-1/_metadata"))).isEqualTo(text);
    }

    @Test
    void shouldShowFilesOfACheckpointWhoseMetadataIsDamaged() throws IOException {
        FileCheckpointStorage storage = storage(base, 1);
        commitOneFile(storage, storage.nextCheckpointId(), "x");
        Path metadata = storage.jobDirectory().resolve("chk-1/_metadata");
        TestCheckpoints.truncate(metadata, 10);

        String text = CheckpointInspector.inspect(metadata.getParent());

        assertThat(text).contains("complete, DAMAGED: chk-1/_metadata: not valid JSON").contains("t2-0.state").contains("not verified");
    }

    @Test
    void shouldShowAnIncompleteCheckpoint() throws IOException {
        FileCheckpointStorage storage = storage(base, 1);
        TestCheckpoints.writeState(storage, storage.nextCheckpointId(), "t2-0.state", new byte[3]);

        assertThat(CheckpointInspector.inspect(storage.jobDirectory().resolve("chk-1"))).contains("INCOMPLETE: no _metadata");
    }

    @Test
    void shouldRefusePathsThatAreNoCheckpoints() {
        assertThatThrownBy(() -> CheckpointInspector.inspect(base)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(base.toString());
        assertThatThrownBy(() -> CheckpointInspector.list(base.resolve("missing"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void shouldRenderSizesInBinaryUnits() {
        assertThat(CheckpointInspector.size(0)).isEqualTo("0 B");
        assertThat(CheckpointInspector.size(1023)).isEqualTo("1023 B");
        assertThat(CheckpointInspector.size(1536)).isEqualTo("1.5 KiB");
        assertThat(CheckpointInspector.size(5L << 30)).isEqualTo("5.0 GiB");
    }
}
