package io.weir.examples;

import io.weir.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FlinkStyleWindowedCountTest {
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path checkpoints;


    @Test
    void shouldEmitOneCountPerKeyAndWindowLikeFlinkWould() throws Exception {
        long n = 400_000;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(100);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toUri().toString());
        FlinkStyleWindowedCount.build(env, n, 1000);
        env.execute("W5 windows test");
        assertThat(FlinkStyleWindowedCount.SUM_OF_COUNTS).hasValue(n);
        assertThat(FlinkStyleWindowedCount.OUTPUTS).hasValue(FlinkStyleWindowedCount.expectedWindows(n, 1000));
    }

    @Test
    void shouldMatchTheReferenceValuesOfTheWorkloadGenerator() {
        assertThat(FlinkStyleWindowedCount.key(0, 1000)).isEqualTo(535);
        assertThat(FlinkStyleWindowedCount.key(1, 1000)).isEqualTo(700);
    }
}
