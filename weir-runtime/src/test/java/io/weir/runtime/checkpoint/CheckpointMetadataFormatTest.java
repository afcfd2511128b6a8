package io.weir.runtime.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static io.weir.runtime.checkpoint.TestCheckpoints.keyedSubtask;
import static io.weir.runtime.checkpoint.TestCheckpoints.metadata;
import static io.weir.runtime.checkpoint.TestCheckpoints.statelessSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

class CheckpointMetadataFormatTest {

    private static final CheckpointMetadata METADATA = metadata(12, List.of(statelessSource(0, 1),
            keyedSubtask("t2", 0, 2, new StateFileHandle("t2-0.state", 5120, 0xABCDEF12L)),
            keyedSubtask("t2", 1, 2, new StateFileHandle("t2-1.state", 0, 0))));

    @Test
    void shouldReadWhatItWrites() throws Exception {
        assertThat(MetadataFormat.read(MetadataFormat.write(METADATA))).isEqualTo(METADATA);
    }

    @Test
    void shouldWriteOnlyTheRecordComponentsAndTheChecksumLast() throws Exception {
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(MetadataFormat.write(METADATA));

        List<String> names = new ArrayList<>();
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        assertThat(names).containsExactly("formatVersion", "jobName", "lineage", "checkpointId", "triggerTimestamp",
                "completedTimestamp", "checkpointingMode", "subtasks", "checksum");
        assertThat(json.get("subtasks").get(1).get("stateFile").get("crc32c").longValue()).isEqualTo(0xABCDEF12L);
        assertThat(json.get("subtasks").get(0).has("hasKeyGroups")).isFalse();
    }

    @Test
    void shouldKeepTheLineageAndReadMetadataWrittenWithoutOne() throws Exception {
        CheckpointMetadata withLineage = new CheckpointMetadata(CheckpointMetadata.CURRENT_FORMAT_VERSION, METADATA.jobName(), "run-7",
                METADATA.checkpointId(), METADATA.triggerTimestamp(), METADATA.completedTimestamp(), METADATA.checkpointingMode(),
                METADATA.subtasks());
        assertThat(MetadataFormat.read(MetadataFormat.write(withLineage)).lineage()).isEqualTo("run-7");

        ObjectNode older = MetadataFormat.toTree(withLineage);
        older.remove("lineage"); // as written before Weir recorded lineages
        assertThat(MetadataFormat.read(MetadataFormat.writeTree(older))).isEqualTo(METADATA);
    }

    @Test
    void shouldIgnoreMembersItDoesNotKnow() throws Exception {
        ObjectNode tree = MetadataFormat.toTree(METADATA);
        tree.put("addedInALaterVersion1Writer", "ignored");

        assertThat(MetadataFormat.read(MetadataFormat.writeTree(tree))).isEqualTo(METADATA);
    }

    @Test
    void shouldDetectEverySingleBitFlipInTheFile() {
        byte[] good = MetadataFormat.write(METADATA);
        for (int i = 0; i < good.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] damaged = good.clone();
                damaged[i] ^= (byte) (1 << bit);
                try {
                    CheckpointMetadata read = MetadataFormat.read(damaged);
                    fail("flipping bit %d of byte %d ('%c') went unnoticed; read %s", bit, i, (char) good[i], read);
                } catch (MetadataFormat.FormatException expected) {
                    // detected
                }
            }
        }
    }

    @Test
    void shouldDetectEveryTruncation() {
        byte[] good = MetadataFormat.write(METADATA);
        for (int length = 0; length < good.length - 1; length++) { // the last byte is the final newline
            byte[] cut = java.util.Arrays.copyOf(good, length);
            assertThatThrownBy(() -> MetadataFormat.read(cut)).as("cut to %d bytes", length)
                    .isInstanceOf(MetadataFormat.FormatException.class);
        }
    }

    @Test
    void shouldRefuseAStateFileNameThatLeavesTheFolder() {
        ObjectNode tree = MetadataFormat.toTree(METADATA);
        ((ObjectNode) tree.get("subtasks").get(1).get("stateFile")).put("fileName", "../../etc/passwd");

        assertThatThrownBy(() -> MetadataFormat.read(MetadataFormat.writeTree(tree)))
                .isInstanceOf(MetadataFormat.FormatException.class).hasMessageContaining("not allowed");
    }

    @Test
    void shouldRefuseJsonWithoutChecksum() {
        String json = new String(MetadataFormat.write(METADATA), StandardCharsets.UTF_8)
                .replaceAll(",\\s*\"checksum\" : \"crc32c:[0-9a-f]{8}\"", "");

        assertThatThrownBy(() -> MetadataFormat.read(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MetadataFormat.FormatException.class).hasMessageContaining("no checksum");
    }

    @Test
    void shouldFindTheChecksumEvenIfANameContainsTheMarker() throws Exception {
        CheckpointMetadata tricky = new CheckpointMetadata("job \"crc32c:00000000\"", 1, 1, 2, "AT_LEAST_ONCE",
                List.of(new SubtaskStateMetadata("t", "\"crc32c:12345678\"", 0, 1, 128, -1, -1, List.of("x"), false, null)));

        assertThat(MetadataFormat.read(MetadataFormat.write(tricky))).isEqualTo(tricky);
    }
}
