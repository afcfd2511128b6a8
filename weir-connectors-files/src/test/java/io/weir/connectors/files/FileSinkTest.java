package io.weir.connectors.files;

import io.weir.api.functions.sink.SinkTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The file sink's transactions on real files, one subtask driven by hand. */
class FileSinkTest {
    @TempDir
    Path dir;

    private FileSink.RowFormatBuilder<String> builder() {
        return FileSink.forRowFormat(dir, new SimpleStringEncoder<>());
    }

    private SinkTestHarness<String> start(FileSink<String> sink, int subtask, int parallelism, SinkTestHarness.Snapshot restored, long id)
            throws Exception {
        SinkTestHarness<String> h = new SinkTestHarness<>(sink, subtask, parallelism, restored == null ? 0 : 1);
        h.initialize(restored, id);
        return h;
    }

    private SinkTestHarness<String> start(FileSink<String> sink) throws Exception {
        return start(sink, 0, 1, null, -1);
    }

    /** Relative path to content of every file under the base directory, hidden ones included. */
    private Map<String, String> allFiles() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                out.put(PartNameSpace.relative(dir, p), Files.readString(p));
            }
        }
        return out;
    }

    /** What a reader sees: files whose names do not start with '.'. */
    private Map<String, String> committed() throws IOException {
        Map<String, String> out = new TreeMap<>();
        allFiles().forEach((k, v) -> {
            if (!Path.of(k).getFileName().toString().startsWith(".")) {
                out.put(k, v);
            }
        });
        return out;
    }

    @Test
    void whenCheckpointCompletes_thenItsPartsAppearUnderCommittedNames() throws Exception {
        SinkTestHarness<String> h = start(builder().build());
        h.invoke("a");
        h.invoke("b");
        assertThat(allFiles()).containsOnlyKeys(".part-0-0.inprogress");
        h.snapshot(1);
        h.invoke("c");
        assertThat(committed()).isEmpty();

        h.notifyComplete(1);
        assertThat(committed()).containsExactly(Map.entry("part-0-0", "a\nb\n"));
        assertThat(allFiles()).containsOnlyKeys("part-0-0", ".part-0-1.inprogress");
    }

    @Test
    void whenAPartReachesItsMaximumSize_thenTheNextElementStartsANewPart() throws Exception {
        SinkTestHarness<String> h = start(builder().withRollingPolicy(4, Long.MAX_VALUE).build());
        for (String s : List.of("aa", "bb", "cc")) {
            h.invoke(s); // 3 bytes each: a part holds 3 < 4 bytes after one element, 6 >= 4 after two
        }
        h.snapshot(1);
        h.notifyComplete(1);
        assertThat(committed()).containsExactly(Map.entry("part-0-0", "aa\nbb\n"), Map.entry("part-0-1", "cc\n"));
    }

    @Test
    void whenAPartIsOlderThanTheRolloverInterval_thenTheNextElementStartsANewPart() throws Exception {
        SinkTestHarness<String> h = start(builder().withRollingPolicy(1 << 20, 1000).build());
        h.setProcessingTime(10_000);
        h.invoke("a");
        h.setProcessingTime(10_999);
        h.invoke("b");
        h.setProcessingTime(11_000);
        h.invoke("c");
        h.snapshot(1);
        h.notifyComplete(1);
        assertThat(committed()).containsExactly(Map.entry("part-0-0", "a\nb\n"), Map.entry("part-0-1", "c\n"));
    }

    @Test
    void whenElementsGoToBuckets_thenEachBucketIsADirectoryWithItsOwnParts() throws Exception {
        SinkTestHarness<String> h = start(builder().withBucketAssigner((s, ctx) -> s.length() % 2 == 0 ? "even" : "odd/nested").build());
        h.invoke("a");
        h.invoke("bb");
        h.invoke("c");
        h.snapshot(1);
        h.notifyComplete(1);
        assertThat(committed()).containsExactly(Map.entry("even/part-0-1", "bb\n"), Map.entry("odd/nested/part-0-0", "a\nc\n"));
    }

    @Test
    void whenABucketIdIsNotARelativeVisiblePath_thenTheErrorNamesIt() throws Exception {
        for (String bad : new String[] {"../escape", "/abs", ".hidden", "a//b", "a/"}) {
            SinkTestHarness<String> h = start(builder().withBucketAssigner((s, ctx) -> bad).build());
            assertThatThrownBy(() -> h.invoke("x")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'").hasMessageContaining("element x");
            h.close();
        }
    }

    @Test
    void whenRestoredAfterACrashBeforeTheNotification_thenPendingPartsCommitAndLeftoversAreRemoved() throws Exception {
        SinkTestHarness<String> h = start(builder().build());
        h.invoke("a");
        SinkTestHarness.Snapshot s1 = h.snapshot(1);
        h.invoke("b"); // after the barrier: in .part-0-1.inprogress, replayed after the restore
        // crash: no notification, no close

        SinkTestHarness<String> again = start(builder().build(), 0, 1, s1, 1);
        assertThat(allFiles()).containsExactly(Map.entry("part-0-0", "a\n"));
        again.invoke("b");
        again.snapshot(2);
        again.notifyComplete(2);
        assertThat(allFiles()).containsExactly(Map.entry("part-0-0", "a\n"), Map.entry("part-0-1", "b\n"));
    }

    @Test
    void whenRestoredAfterTheCommit_thenTheRepeatedCommitChangesNothing() throws Exception {
        SinkTestHarness<String> h = start(builder().build());
        h.invoke("a");
        SinkTestHarness.Snapshot s1 = h.snapshot(1);
        h.notifyComplete(1);
        h.invoke("b");

        start(builder().build(), 0, 1, s1, 1);
        assertThat(allFiles()).containsExactly(Map.entry("part-0-0", "a\n"));
    }

    @Test
    void whenRestoredFromAnOlderCheckpoint_thenNoCommittedPartIsOverwritten() throws Exception {
        SinkTestHarness<String> h = start(builder().build());
        h.invoke("a");
        SinkTestHarness.Snapshot s1 = h.snapshot(1);
        h.notifyComplete(1);
        h.invoke("b");
        h.snapshot(2);
        h.notifyComplete(2);

        SinkTestHarness<String> again = start(builder().build(), 0, 1, s1, 1);
        again.invoke("b'");
        again.snapshot(3);
        again.notifyComplete(3);
        assertThat(committed()).containsExactly(Map.entry("part-0-0", "a\n"), Map.entry("part-0-1", "b\n"), Map.entry("part-0-2", "b'\n"));
    }

    @Test
    void whenStartedFreshInADirectoryWithOutput_thenNamesContinueAfterTheExistingParts() throws Exception {
        Files.writeString(dir.resolve("part-0-7"), "old\n");
        Files.writeString(dir.resolve(".part-0-9.inprogress"), "garbage of a run that never checkpointed");
        SinkTestHarness<String> h = start(builder().build());
        assertThat(allFiles()).containsOnlyKeys("part-0-7");
        h.invoke("new");
        h.snapshot(1);
        h.notifyComplete(1);
        assertThat(committed()).containsExactly(Map.entry("part-0-7", "old\n"), Map.entry("part-0-8", "new\n"));
    }

    @Test
    void whenASubtaskRestores_thenItLeavesOtherSubtasksFilesAlone() throws Exception {
        SinkTestHarness<String> one = start(builder().build(), 1, 2, null, -1);
        one.invoke("busy");
        assertThat(allFiles()).containsOnlyKeys(".part-1-0.inprogress");

        start(builder().build(), 0, 2, null, -1);
        assertThat(allFiles()).containsOnlyKeys(".part-1-0.inprogress");
    }

    @Test
    void whenRescaledDown_thenPendingPartsOfAllSubtasksCommitAndOrphanedLeftoversAreRemoved() throws Exception {
        List<SinkTestHarness.Snapshot> snapshots = new ArrayList<>();
        List<SinkTestHarness<String>> old = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            SinkTestHarness<String> h = start(builder().build(), i, 2, null, -1);
            h.invoke("from-" + i);
            snapshots.add(h.snapshot(4));
            h.invoke("after-" + i);
            old.add(h);
        }
        List<SinkTestHarness.Snapshot> dealt = SinkTestHarness.redistribute(snapshots, 1);

        start(builder().build(), 0, 1, dealt.get(0), 4);
        assertThat(allFiles()).containsExactly(Map.entry("part-0-0", "from-0\n"), Map.entry("part-1-0", "from-1\n"));
    }

    @Test
    void whenTheAttemptCloses_thenTheOpenTransactionsFilesAreDeletedButPendingOnesKept() throws Exception {
        SinkTestHarness<String> h = start(builder().withRollingPolicy(2, Long.MAX_VALUE).build());
        h.invoke("a");
        h.snapshot(1);
        h.invoke("b");
        h.invoke("c"); // rolls: b's part is closed but belongs to the open transaction
        h.close();
        assertThat(allFiles()).containsOnlyKeys(".part-0-0.inprogress");
    }

    @Test
    void whenInputEnds_thenTheFinalCheckpointCommitsTheLastPart() throws Exception {
        SinkTestHarness<String> h = start(builder().build());
        h.invoke("a");
        h.finish();
        h.snapshot(9);
        h.notifyComplete(9);
        h.close();
        assertThat(allFiles()).containsExactly(Map.entry("part-0-0", "a\n"));
    }

    @Test
    void whenAPendingPartWasChanged_thenItIsNotPublished() throws Exception {
        SinkTestHarness<String> h = start(builder().build());
        h.invoke("a");
        h.snapshot(1);
        Files.writeString(dir.resolve(".part-0-0.inprogress"), "extra", StandardOpenOption.APPEND);
        assertThatThrownBy(() -> h.notifyComplete(1)).isInstanceOf(IOException.class)
                .hasMessageContaining(dir.resolve(".part-0-0.inprogress").toString()).hasMessageContaining("7 bytes, but 2");
        assertThat(committed()).isEmpty();
    }

    @Test
    void whenTheBaseDirectoryCannotBeCreated_thenTheErrorNamesItAndSaysWhatToDo() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        FileSink<String> sink = FileSink.forRowFormat(file.resolve("out"), new SimpleStringEncoder<String>()).build();
        assertThatThrownBy(() -> start(sink)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.resolve("out").toString()).hasMessageContaining("choose another directory");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void whenTheDiskIsFull_thenTheWriteErrorNamesThePartAndSaysWhatToDo() throws Exception {
        Path full = Path.of("/dev/full");
        PartWriter w = new PartWriter(full, "part-0-0", FileChannel.open(full, StandardOpenOption.WRITE), 0);
        byte[] big = new byte[200_000];
        assertThatThrownBy(() -> w.write(big, (b, out) -> out.write(b))).isInstanceOf(IOException.class)
                .hasMessageContaining("/dev/full").hasMessageContaining("free space");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void whenTheDiskFillsBeforeTheFsync_thenThePreCommitErrorNamesThePart() throws Exception {
        Path full = Path.of("/dev/full");
        PartWriter w = new PartWriter(full, "part-0-0", FileChannel.open(full, StandardOpenOption.WRITE), 0);
        w.write("small", (s, out) -> out.write(s.getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(w::closeDurably).isInstanceOf(IOException.class)
                .hasMessageContaining("/dev/full").hasMessageContaining("free space");
    }

    @Test
    void whenTheRollingPolicyIsInvalid_thenTheBuilderNamesTheSetting() {
        assertThatThrownBy(() -> builder().withRollingPolicy(0, 1)).hasMessageContaining("maxPartSizeBytes must be > 0");
        assertThatThrownBy(() -> builder().withRollingPolicy(1, -5)).hasMessageContaining("rolloverIntervalMs must be > 0");
    }
}
