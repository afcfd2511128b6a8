package io.weir.runtime.checkpoint;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointJobFolderNameTest {

    @Property
    void shouldGiveASafeFolderNameThatMapsBackToTheJobName(@ForAll @StringLength(min = 1, max = 16) String jobName) {
        Assume.that(new String(jobName.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(jobName)); // no lone surrogates

        String folder = FileCheckpointStorage.jobFolderName(jobName);

        assertThat(folder).matches("[A-Za-z0-9_%-][A-Za-z0-9._%-]*").isNotEqualTo("..");
        assertThat(JobFolderNames.decode(folder)).isEqualTo(jobName); // so distinct jobs never share a folder
    }

    @Test
    void shouldKeepReadableNamesReadable() {
        assertThat(FileCheckpointStorage.jobFolderName("WordCount-v2.1_final")).isEqualTo("WordCount-v2.1_final");
        assertThat(FileCheckpointStorage.jobFolderName("word count")).isEqualTo("word%20count");
        assertThat(FileCheckpointStorage.jobFolderName("..")).isEqualTo("%2E.");
        assertThat(FileCheckpointStorage.jobFolderName("a/b\\c")).isEqualTo("a%2Fb%5Cc");
        assertThat(FileCheckpointStorage.jobFolderName("Zähler")).isEqualTo("Z%C3%A4hler");
    }

    @Test
    void shouldShortenVeryLongNamesAndKeepThemDistinct() {
        String a = "x".repeat(300) + "a";
        String b = "x".repeat(300) + "b";

        assertThat(FileCheckpointStorage.jobFolderName(a)).hasSizeLessThanOrEqualTo(JobFolderNames.MAX_LENGTH)
                .isNotEqualTo(FileCheckpointStorage.jobFolderName(b));
        assertThat(FileCheckpointStorage.jobFolderName("ü".repeat(100))).hasSizeLessThanOrEqualTo(JobFolderNames.MAX_LENGTH)
                .doesNotContain("%~").doesNotContainPattern("%.~");
    }

    @Test
    void shouldRefuseAnEmptyJobName() {
        assertThatThrownBy(() -> FileCheckpointStorage.jobFolderName("")).isInstanceOf(IllegalArgumentException.class);
    }
}
