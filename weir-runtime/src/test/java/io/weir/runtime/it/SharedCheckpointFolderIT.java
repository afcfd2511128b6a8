package io.weir.runtime.it;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.api.functions.sink.DiscardingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two running jobs never share a checkpoint folder: the second is refused at execute(); after the first ends, it may start. */
class SharedCheckpointFolderIT {
    @TempDir
    Path dir;

    private StreamExecutionEnvironment env() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.enableCheckpointing(50);
        env.getCheckpointConfig().setCheckpointStorage(dir.toUri().toString());
        env.fromSequence(0, Long.MAX_VALUE - 1).addSink(new DiscardingSink<>());
        return env;
    }

    @Test
    void whenAJobWithTheSameNameAndFolderRuns_thenASecondOneIsRefusedWithTheFolder() throws Exception {
        JobClient first = env().executeAsync("same-name");
        assertThatThrownBy(() -> env().executeAsync("same-name"))
                .hasMessageContaining("in use by another running job")
                .hasMessageContaining("same-name");
        first.cancel().get(10, TimeUnit.SECONDS);
        JobClient second = env().executeAsync("same-name");
        assertThat(second.getJobStatus().get()).isNotNull();
        second.cancel().get(10, TimeUnit.SECONDS);
    }
}
