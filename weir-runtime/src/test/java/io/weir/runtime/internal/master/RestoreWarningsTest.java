package io.weir.runtime.internal.master;

import io.weir.runtime.checkpoint.CheckpointFolders;
import io.weir.runtime.checkpoint.FileCheckpointStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The launch warnings about checkpoints a job is about to ignore, and the folder checks under them. */
class RestoreWarningsTest {

    @TempDir
    Path base;

    @Test
    void whenTheJobFolderHoldsCompletedCheckpoints_thenTheWarningNamesTheFolderAndTheNewestCompletedOne() throws Exception {
        Path job = base.resolve("counts");
        completed(job, 9);
        completed(job, 10);
        Files.createDirectories(job.resolve("chk-11")); // never completed

        String warning = RestoreWarnings.ownCheckpointsIgnored("counts", job).orElseThrow();

        assertThat(warning).contains("Job 'counts' starts from scratch", job.toString(), "the newest is chk-10", "add -s latest",
                "execution.checkpointing.restore=latest", "--fresh", "weir.restore.fresh=true");
    }

    @Test
    void whenTheJobFolderHoldsOnlyIncompleteCheckpointsOrNothing_thenNoWarning() throws Exception {
        Path job = base.resolve("counts");
        Files.createDirectories(job.resolve("chk-1"));

        assertThat(RestoreWarnings.ownCheckpointsIgnored("counts", job)).isEmpty();
        assertThat(RestoreWarnings.ownCheckpointsIgnored("other", base.resolve("other"))).isEmpty();
    }

    @Test
    void whenOtherJobsHaveCheckpoints_thenTheWarningNamesThemByJobName() throws Exception {
        Path job = base.resolve(FileCheckpointStorage.jobFolderName("new name"));
        completed(base.resolve(FileCheckpointStorage.jobFolderName("old name")), 3);
        completed(base.resolve("b-job"), 1);
        Files.createDirectories(base.resolve("empty-job").resolve("chk-2")); // incomplete: not worth naming

        String warning = RestoreWarnings.otherJobsOnly("new name", job).orElseThrow();

        assertThat(warning).contains("Job 'new name' has no completed checkpoint in " + job, "other jobs: 'b-job' (" + base.resolve("b-job")
                + "), 'old name' (" + base.resolve("old%20name") + ")", "renamed").doesNotContain("empty-job");
    }

    @Test
    void whenNoOtherJobHasCheckpoints_thenNoRenameWarning() throws Exception {
        Path job = base.resolve("counts");
        completed(job, 4); // its own do not count as others

        assertThat(RestoreWarnings.otherJobsOnly("counts", job)).isEmpty();
        assertThat(RestoreWarnings.otherJobsOnly("x", base.resolve("missing-base").resolve("x"))).isEmpty();
    }

    @Test
    void holdsCheckpointAcceptsMetadataChkFoldersAndJobFoldersOnly() throws Exception {
        Path job = base.resolve("job");
        Path chk = completed(job, 2);
        Path incomplete = Files.createDirectories(base.resolve("other").resolve("chk-1"));
        Path unrelated = Files.createDirectories(base.resolve("unrelated"));
        Files.writeString(unrelated.resolve("notes.txt"), "x");

        assertThat(CheckpointFolders.holdsCheckpoint(chk)).isTrue();
        assertThat(CheckpointFolders.holdsCheckpoint(chk.resolve("_metadata"))).isTrue();
        assertThat(CheckpointFolders.holdsCheckpoint(job)).isTrue();
        assertThat(CheckpointFolders.holdsCheckpoint(incomplete)).isFalse();
        assertThat(CheckpointFolders.holdsCheckpoint(unrelated)).isFalse();
        assertThat(CheckpointFolders.holdsCheckpoint(unrelated.resolve("notes.txt"))).isFalse();
        assertThat(CheckpointFolders.holdsCheckpoint(base.resolve("missing"))).isFalse();
    }

    /** A chk folder with a {@code _metadata} file; the warnings read no metadata. */
    private static Path completed(Path jobFolder, long id) throws Exception {
        Path chk = Files.createDirectories(jobFolder.resolve("chk-" + id));
        Files.writeString(chk.resolve("_metadata"), "{}");
        return chk;
    }
}
