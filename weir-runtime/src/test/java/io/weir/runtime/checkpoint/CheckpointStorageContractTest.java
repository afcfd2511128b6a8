package io.weir.runtime.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.weir.runtime.checkpoint.TestCheckpoints.JOB;
import static io.weir.runtime.checkpoint.TestCheckpoints.commitOneFile;
import static io.weir.runtime.checkpoint.TestCheckpoints.handleOf;
import static io.weir.runtime.checkpoint.TestCheckpoints.keyedSubtask;
import static io.weir.runtime.checkpoint.TestCheckpoints.metadata;
import static io.weir.runtime.checkpoint.TestCheckpoints.readState;
import static io.weir.runtime.checkpoint.TestCheckpoints.statelessSource;
import static io.weir.runtime.checkpoint.TestCheckpoints.writeState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every checkpoint storage configuration must do: write, commit, load, retain, abort, and number checkpoints
 * correctly. Subclasses choose how the storage location is given.
 */
abstract class CheckpointStorageContractTest {

    @TempDir
    Path tempDir;

    /** The checkpoint base directory (may not exist yet). */
    Path base;

    /** The checkpoint directory under {@code tempDir}; it need not exist yet. */
    abstract Path baseDirectory(Path tempDir);

    /** How the base directory is passed to the storage (a path string or a URI). */
    abstract String location(Path base);

    @BeforeEach
    void chooseBase() {
        base = baseDirectory(tempDir);
    }

    FileCheckpointStorage storage(int numRetained) throws IOException {
        FileCheckpointStorage storage = new FileCheckpointStorage(location(base), JOB, numRetained);
        storage.initialize();
        return storage;
    }

    @Test
    void whenAnotherStorageHoldsTheJobFolder_thenInitializeRefusesItUntilItIsClosed() throws IOException {
        FileCheckpointStorage first = storage(1);
        assertThatThrownBy(() -> storage(1)).isInstanceOf(CheckpointStorageException.class)
                .hasMessageContaining("in use by another running job").hasMessageContaining(first.jobDirectory().toString());
        first.close();
        storage(1).close();
    }

    @Test
    void shouldReturnWrittenStateAndMetadataAfterCommitAndLoad() throws IOException {
        FileCheckpointStorage storage = storage(1);
        long id = storage.nextCheckpointId();
        byte[] first = "state of subtask 0".getBytes(StandardCharsets.UTF_8);
        byte[] second = new byte[200_000];
        new Random(7).nextBytes(second);
        StateFileHandle h0 = writeState(storage, id, "t2-0.state", first);
        StateFileHandle h1 = writeState(storage, id, "t2-1.state", second);
        CheckpointMetadata written = metadata(id, List.of(statelessSource(0, 1), keyedSubtask("t2", 0, 2, h0),
                keyedSubtask("t2", 1, 2, h1)));

        storage.commitCheckpoint(written);

        Path folder = storage.jobDirectory().resolve("chk-" + id);
        for (Path path : List.of(folder, folder.resolve("_metadata"), storage.jobDirectory())) {
            CompletedCheckpoint loaded = FileCheckpointStorage.load(path);
            assertThat(loaded.directory()).isEqualTo(folder);
            assertThat(loaded.metadata()).isEqualTo(written);
            assertThat(readState(loaded, h0)).isEqualTo(first);
            assertThat(readState(loaded, h1)).isEqualTo(second);
        }
        assertThat(storage.findLatestIntact()).map(CompletedCheckpoint::metadata).contains(written);
        assertThat(storage.listCheckpoints()).singleElement().satisfies(info -> {
            assertThat(info.checkpointId()).isEqualTo(id);
            assertThat(info.complete()).isTrue();
            assertThat(info.intact()).isTrue();
            assertThat(info.problem()).isNull();
            assertThat(info.totalBytes()).isGreaterThan(first.length + second.length);
            assertThat(info.triggerTimestamp()).isEqualTo(written.triggerTimestamp());
        });
    }

    @Test
    void shouldWriteSelfDescribingJsonMetadata() throws IOException {
        FileCheckpointStorage storage = storage(1);
        commitOneFile(storage, storage.nextCheckpointId(), "x");

        JsonNode json = new ObjectMapper().readTree(storage.jobDirectory().resolve("chk-1/_metadata").toFile());

        assertThat(json.get("formatVersion").intValue()).isEqualTo(1);
        assertThat(json.get("jobName").textValue()).isEqualTo(JOB);
        assertThat(json.get("subtasks").get(1).get("stateFile").get("fileName").textValue()).isEqualTo("t2-0.state");
        assertThat(json.get("checksum").textValue()).matches("crc32c:[0-9a-f]{8}");
    }

    @Test
    void shouldCommitCheckpointWithoutStateFiles() throws IOException {
        FileCheckpointStorage storage = storage(1);
        long id = storage.nextCheckpointId();

        storage.commitCheckpoint(metadata(id, List.of(statelessSource(0, 2), statelessSource(1, 2))));

        assertThat(storage.findLatestIntact()).map(CompletedCheckpoint::checkpointId).contains(id);
    }

    @Test
    void whenOnlyATempMetadataFileExists_thenTheCheckpointIsIncompleteAndNotChosen() throws IOException {
        FileCheckpointStorage storage = storage(3);
        commitOneFile(storage, storage.nextCheckpointId(), "one");
        long id = storage.nextCheckpointId();
        StateFileHandle h = writeState(storage, id, "t2-0.state", "two".getBytes(StandardCharsets.UTF_8));
        Path folder = storage.jobDirectory().resolve("chk-" + id);
        // What a crash between writing the temp file and the rename leaves: even a fully written temp file.
        Files.write(folder.resolve("_metadata.0b5e.tmp"), MetadataFormat.write(metadata(id, List.of(keyedSubtask("t2", 0, 1, h)))));
        Files.write(storage.jobDirectory().resolve("chk-1/_metadata.dead.tmp"), new byte[] {1, 2, 3});

        assertThat(storage.findLatestIntact()).map(CompletedCheckpoint::checkpointId).contains(1L);
        assertThat(storage.listCheckpoints()).extracting(CheckpointInfo::checkpointId, CheckpointInfo::complete, CheckpointInfo::intact)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(id, false, false), org.assertj.core.groups.Tuple.tuple(1L, true, true));
        assertThat(storage.listCheckpoints().get(0).problem()).contains(folder.toString(), "incomplete");
        assertThatThrownBy(() -> FileCheckpointStorage.load(folder))
                .isInstanceOf(CorruptCheckpointException.class).hasMessageContaining(folder.toString()).hasMessageContaining("_metadata: does not exist");
    }

    @Test
    void shouldContinueIdsAfterExistingFoldersCompleteOrNot() throws IOException {
        FileCheckpointStorage earlier = storage(5);
        commitOneFile(earlier, 3, "three");
        Files.createDirectory(earlier.jobDirectory().resolve("chk-7"));
        Files.createDirectory(earlier.jobDirectory().resolve("chk-junk"));
        earlier.close(); // the earlier job ended (or its process died, which releases the folder too)

        FileCheckpointStorage restarted = storage(5);

        assertThat(restarted.nextCheckpointId()).isEqualTo(8);
        assertThat(restarted.nextCheckpointId()).isEqualTo(9);
        restarted.abortCheckpoint(9);
        assertThat(restarted.nextCheckpointId()).as("an aborted id is not handed out again").isEqualTo(10);
    }

    @Test
    void shouldKeepNewestNCompleteCheckpointsAndRemoveOlderAndIncompleteOnes() throws IOException {
        FileCheckpointStorage storage = storage(2);
        commitOneFile(storage, storage.nextCheckpointId(), "1");
        commitOneFile(storage, storage.nextCheckpointId(), "2");
        long abandoned = storage.nextCheckpointId(); // 3: a state file written, never committed
        writeState(storage, abandoned, "t2-0.state", new byte[10]);
        long inProgress = 5;
        long four = storage.nextCheckpointId();
        writeState(storage, inProgress, "t2-0.state", new byte[10]); // a newer concurrent checkpoint

        commitOneFile(storage, four, "4");

        assertThat(storage.listCheckpoints()).extracting(CheckpointInfo::checkpointId).containsExactly(5L, 4L, 2L);
        assertThat(storage.jobDirectory().resolve("chk-1")).doesNotExist();
        assertThat(storage.jobDirectory().resolve("chk-3")).doesNotExist();
        assertThatThrownBy(() -> storage.createStateFile(abandoned, "late.state"))
                .isInstanceOf(CheckpointStorageException.class).hasMessageContaining("subsumed");
    }

    @Test
    void shouldRemoveAllFilesOfAnAbortedCheckpoint() throws IOException {
        FileCheckpointStorage storage = storage(1);
        long id = storage.nextCheckpointId();
        StateFileHandle h = writeState(storage, id, "t2-0.state", new byte[100]);
        writeState(storage, id, "t2-1.state", new byte[100]);

        storage.abortCheckpoint(id);
        storage.abortCheckpoint(id);
        storage.abortCheckpoint(12345);

        assertThat(storage.jobDirectory().resolve("chk-" + id)).doesNotExist();
        assertThatThrownBy(() -> storage.createStateFile(id, "t2-2.state"))
                .isInstanceOf(CheckpointStorageException.class).hasMessageContaining("aborted");
        assertThatThrownBy(() -> storage.commitCheckpoint(metadata(id, List.of(keyedSubtask("t2", 0, 1, h)))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(storage.findLatestIntact()).isEmpty();
    }

    @Test
    void shouldKeepACompleteCheckpointWhenAskedToAbortIt() throws IOException {
        FileCheckpointStorage storage = storage(1);
        commitOneFile(storage, storage.nextCheckpointId(), "kept");

        storage.abortCheckpoint(1);

        assertThat(storage.findLatestIntact()).map(CompletedCheckpoint::checkpointId).contains(1L);
    }

    @Test
    void shouldDeletePartialStateFileWhenClosedWithoutHandle() throws IOException {
        FileCheckpointStorage storage = storage(1);
        Path file;
        try (StateFileOutputStream out = storage.createStateFile(1, "t2-0.state")) {
            out.write(new byte[1000]);
            file = out.path();
            assertThat(file).exists();
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void shouldKeepStateFileWhenClosedAfterHandle() throws IOException {
        FileCheckpointStorage storage = storage(1);
        StateFileHandle handle;
        Path file;
        try (StateFileOutputStream out = storage.createStateFile(1, "t2-0.state")) {
            for (int i = 0; i < 100_000; i++) {
                out.write(i);
            }
            out.write(new byte[70_000], 10, 69_990);
            handle = out.closeAndGetHandle();
            file = out.path();
        }
        assertThat(file).exists().hasSize(169_990);
        assertThat(handle.sizeBytes()).isEqualTo(169_990);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(Files.readAllBytes(file));
        assertThat(handle.crc32c()).isEqualTo(crc.getValue());
    }

    @Test
    void shouldRefuseCommitWhenAStateFileIsMissingOrHasAnotherSize() throws IOException {
        FileCheckpointStorage storage = storage(1);
        StateFileHandle real = writeState(storage, 1, "t2-0.state", new byte[10]);
        StateFileHandle ghost = new StateFileHandle("t2-1.state", 10, 0);

        assertThatThrownBy(() -> storage.commitCheckpoint(metadata(1, List.of(keyedSubtask("t2", 0, 2, real), keyedSubtask("t2", 1, 2, ghost)))))
                .isInstanceOf(CheckpointStorageException.class)
                .hasMessageContaining(storage.jobDirectory().resolve("chk-1/t2-1.state").toString());
        StateFileHandle wrongSize = new StateFileHandle("t2-0.state", 11, real.crc32c());
        assertThatThrownBy(() -> storage.commitCheckpoint(metadata(1, List.of(keyedSubtask("t2", 0, 1, wrongSize)))))
                .isInstanceOf(CheckpointStorageException.class).hasMessageContaining("10 bytes");
        assertThat(storage.jobDirectory().resolve("chk-1/_metadata")).doesNotExist();
    }

    @Test
    void shouldRefuseCommitOfAnOlderCheckpointAfterANewerOne() throws IOException {
        FileCheckpointStorage storage = storage(3);
        long older = storage.nextCheckpointId();
        long newer = storage.nextCheckpointId();
        commitOneFile(storage, newer, "newer");

        assertThatThrownBy(() -> storage.commitCheckpoint(metadata(older, List.of(statelessSource(0, 1)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("subsumed");
        assertThatThrownBy(() -> storage.commitCheckpoint(metadata(newer, List.of(statelessSource(0, 1)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already complete");
    }

    @Test
    void shouldRefuseMetadataOfAnotherJob() throws IOException {
        FileCheckpointStorage storage = storage(1);
        CheckpointMetadata other = new CheckpointMetadata("other job", 1, 1, 2, "EXACTLY_ONCE", List.of());

        assertThatThrownBy(() -> storage.commitCheckpoint(other)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other job");
    }

    @Test
    void shouldCreateFoldersAndFilesWithOwnerOnlyPermissions() throws IOException {
        assumeTrue(StorageFiles.supportsPosix(base), "the file system has no POSIX permissions");
        FileCheckpointStorage storage = storage(1);
        commitOneFile(storage, storage.nextCheckpointId(), "secret");
        Path folder = storage.jobDirectory().resolve("chk-1");

        Set<PosixFilePermission> dir = PosixFilePermissions.fromString("rwx------");
        Set<PosixFilePermission> file = PosixFilePermissions.fromString("rw-------");
        assertThat(Files.getPosixFilePermissions(storage.jobDirectory())).isEqualTo(dir);
        assertThat(Files.getPosixFilePermissions(folder)).isEqualTo(dir);
        assertThat(Files.getPosixFilePermissions(folder.resolve("t2-0.state"))).isEqualTo(file);
        assertThat(Files.getPosixFilePermissions(folder.resolve("_metadata"))).isEqualTo(file);
    }

    @Test
    void shouldWriteManyStateFilesOfOneCheckpointFromSeveralThreads() throws Exception {
        long seed = Long.getLong("weir.test.seed", new Random().nextLong()); // rerun with -Dweir.test.seed=...
        System.out.println("shouldWriteManyStateFilesOfOneCheckpointFromSeveralThreads seed=" + seed);
        FileCheckpointStorage storage = storage(1);
        long id = storage.nextCheckpointId();
        int files = 48;
        Random random = new Random(seed);
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            byte[] content = new byte[random.nextInt(150_000)];
            random.nextBytes(content);
            contents.add(content);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<StateFileHandle>> handles = new ArrayList<>();
        try {
            for (int i = 0; i < files; i++) {
                int index = i;
                handles.add(pool.submit(() -> {
                    start.await();
                    try (StateFileOutputStream out = storage.createStateFile(id, "t2-" + index + ".state")) {
                        byte[] c = contents.get(index);
                        for (int off = 0; off < c.length; off += 1000) { // many small writes, interleaved across threads
                            out.write(c, off, Math.min(1000, c.length - off));
                        }
                        return out.closeAndGetHandle();
                    }
                }));
            }
            start.countDown();
            List<SubtaskStateMetadata> subtasks = new ArrayList<>();
            for (int i = 0; i < files; i++) {
                subtasks.add(keyedSubtask("t2", i, files, handles.get(i).get(30, TimeUnit.SECONDS)));
            }
            storage.commitCheckpoint(metadata(id, subtasks));
        } finally {
            pool.shutdownNow();
        }

        CompletedCheckpoint loaded = FileCheckpointStorage.load(storage.jobDirectory());
        for (int i = 0; i < files; i++) {
            assertThat(readState(loaded, handleOf(loaded.metadata(), "t2-" + i + ".state"))).as("file %d, seed %d", i, seed)
                    .isEqualTo(contents.get(i));
        }
    }

    @Test
    void shouldDeleteTheJobFolderOnDiscardAll() throws IOException {
        FileCheckpointStorage storage = storage(2);
        commitOneFile(storage, storage.nextCheckpointId(), "a");
        writeState(storage, storage.nextCheckpointId(), "t2-0.state", new byte[1]);

        storage.discardAll();

        assertThat(storage.jobDirectory()).doesNotExist();
        assertThat(storage.findLatestIntact()).isEmpty();
        assertThatThrownBy(storage::nextCheckpointId).isInstanceOf(IllegalStateException.class).hasMessageContaining("initialize()");
    }

    @Test
    void shouldRestoreSubtasksInOrderWithTheirKeyGroups() throws IOException {
        FileCheckpointStorage storage = storage(1);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("t2-0.state", new byte[] {0});
        files.put("t2-1.state", new byte[] {1});
        TestCheckpoints.commit(storage, storage.nextCheckpointId(), files);

        CheckpointMetadata md = storage.findLatestIntact().orElseThrow().metadata();

        assertThat(md.subtasks()).extracting(SubtaskStateMetadata::keyGroupStart, SubtaskStateMetadata::keyGroupEnd)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(-1, -1), org.assertj.core.groups.Tuple.tuple(0, 63),
                        org.assertj.core.groups.Tuple.tuple(64, 127));
    }
}
