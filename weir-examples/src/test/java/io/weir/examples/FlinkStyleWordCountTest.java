package io.weir.examples;

import io.weir.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FlinkStyleWordCountTest {
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path checkpoints;


    @Test
    void shouldCountWordsLikeFlinkWould() throws Exception {
        FlinkStyleWordCount.FINAL_COUNTS.clear();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(100);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toUri().toString());
        FlinkStyleWordCount.build(env, List.of("to be or not to be", "a b c to"));
        env.execute("word count test");
        assertThat(FlinkStyleWordCount.FINAL_COUNTS).isEqualTo(Map.of("to", 3L, "be", 2L, "or", 1L, "not", 1L));
    }
}
