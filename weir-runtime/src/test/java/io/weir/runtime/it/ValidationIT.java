package io.weir.runtime.it;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.sink.DiscardingSink;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidationIT {
    static final AtomicInteger CALLS = new AtomicInteger();

    private static StreamExecutionEnvironment env() {
        return StreamExecutionEnvironment.createLocalEnvironment(2);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "weir.channel.batch-size, 0, 1 to 65536",
            "weir.channel.batch-size, 100000, 1 to 65536",
            "task.cancellation.timeout, 0 ms, at least 1 ms",
            "pipeline.object-reuse, yes, true or false",
            "state.backend.local-recovery, maybe, true or false"})
    void whenARuntimeSettingIsInvalid_thenExecuteFailsNamingTheKeyAndTheAllowedValues(String key, String value, String allowed) {
        io.weir.api.configuration.Configuration conf = new io.weir.api.configuration.Configuration();
        conf.setString(key, value);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        CALLS.set(0);
        env.fromSequence(1, 10).map(x -> {
            CALLS.incrementAndGet();
            return x;
        }).addSink(new DiscardingSink<>());
        assertThatThrownBy(() -> env.execute()).isInstanceOf(io.weir.api.configuration.IllegalConfigurationException.class)
                .hasMessageContaining(key).hasMessageContaining(allowed);
        assertThat(CALLS.get()).as("nothing ran").isZero();
    }

    @Test
    void whenFreshAndRestoreAreBothSet_thenExecuteFailsNamingBoth(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        io.weir.api.configuration.Configuration conf = new io.weir.api.configuration.Configuration();
        conf.setString(io.weir.api.configuration.ConfigKeys.RESTORE_FRESH, "true");
        conf.setString(io.weir.api.configuration.ConfigKeys.CHECKPOINTING_RESTORE, "latest");
        conf.setString(io.weir.api.configuration.ConfigKeys.CHECKPOINTING_DIR, dir.toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        env.fromSequence(1, 10).addSink(new DiscardingSink<>());
        assertThatThrownBy(() -> env.execute("fresh")).isInstanceOf(io.weir.api.configuration.IllegalConfigurationException.class)
                .hasMessageContaining("weir.restore.fresh").hasMessageContaining("execution.checkpointing.restore");
    }

    @Test
    void whenTheRestorePathHoldsNoCheckpoint_thenExecuteFailsNamingThePath(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path empty = java.nio.file.Files.createDirectories(dir.resolve("empty"));
        io.weir.api.configuration.Configuration conf = new io.weir.api.configuration.Configuration();
        conf.setString(io.weir.api.configuration.ConfigKeys.CHECKPOINTING_RESTORE, empty.toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        env.fromSequence(1, 10).addSink(new DiscardingSink<>());
        assertThatThrownBy(() -> env.execute("restore")).isInstanceOf(io.weir.api.configuration.IllegalConfigurationException.class)
                .hasMessageContaining(empty.toString()).hasMessageContaining("holds no checkpoint").hasMessageContaining("weir checkpoints list");
    }

    @Test
    void whenParallelismIsZero_thenExecuteFailsNamingTheSetting() {
        StreamExecutionEnvironment env = env();
        env.setParallelism(0);
        env.fromSequence(1, 10).addSink(new DiscardingSink<>());
        assertThatThrownBy(() -> env.execute()).isInstanceOf(io.weir.api.configuration.IllegalConfigurationException.class)
                .hasMessageContaining("parallelism 0").hasMessageContaining("at least 1");
    }

    @Test
    void whenAnOperatorHasNegativeParallelism_thenExecuteFailsNamingTheOperator() {
        StreamExecutionEnvironment env = env();
        env.fromSequence(1, 10).map(x -> x).name("doubler").setParallelism(-3).addSink(new DiscardingSink<>());
        assertThatThrownBy(() -> env.execute()).hasMessageContaining("'doubler'").hasMessageContaining("-3");
    }

    @Test
    void whenMaxParallelismIsBelowParallelism_thenExecuteFails() {
        StreamExecutionEnvironment env = env();
        env.setParallelism(4);
        env.setMaxParallelism(2);
        env.fromSequence(1, 10).addSink(new DiscardingSink<>());
        assertThatThrownBy(() -> env.execute()).hasMessageContaining("max parallelism 2").hasMessageContaining("at least the operator's parallelism 4");
    }

    @Test
    void whenTheJobHasNoSink_thenExecuteFailsBeforeAnythingRuns() {
        StreamExecutionEnvironment env = env();
        env.fromSequence(1, 10).map(x -> {
            CALLS.incrementAndGet();
            return x;
        });
        assertThatThrownBy(() -> env.execute("sinkless")).hasMessageContaining("has no sink");
        assertThat(CALLS).hasValue(0);
    }

    @Test
    void whenAKeyIsAnArray_thenExecuteFailsBeforeAnythingRuns() {
        StreamExecutionEnvironment env = env();
        env.fromSequence(1, 10).keyBy(x -> new int[] {x.intValue()}).addSink(new DiscardingSink<>());
        assertThatThrownBy(() -> env.execute()).hasMessageContaining("is an array");
    }

    @Test
    void whenAnAnonymousKeySelectorReturnsAnArray_thenExecuteFails() {
        StreamExecutionEnvironment env = env();
        env.fromSequence(1, 10).keyBy(new KeySelector<Long, byte[]>() {
            @Override
            public byte[] getKey(Long value) {
                return new byte[] {value.byteValue()};
            }
        }).addSink(new DiscardingSink<>());
        assertThatThrownBy(() -> env.execute()).hasMessageContaining("is an array");
    }

    @Test
    void whenTheCheckpointIntervalIsTooSmall_thenExecuteFailsNamingTheKey() {
        StreamExecutionEnvironment env = env();
        env.enableCheckpointing(1);
        env.fromSequence(1, 10).addSink(new DiscardingSink<>());
        assertThatThrownBy(() -> env.execute()).hasMessageContaining("execution.checkpointing.interval").hasMessageContaining("at least 10 ms");
    }

    @Test
    void whenTheCheckpointDirectoryCannotBeCreated_thenExecuteFailsWithThePath() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("weir", "not-a-dir");
        StreamExecutionEnvironment env = env();
        env.enableCheckpointing(100);
        env.getCheckpointConfig().setCheckpointStorage(file.resolve("sub").toString());
        env.fromSequence(1, 10).addSink(new DiscardingSink<>());
        assertThatThrownBy(() -> env.execute()).hasMessageContaining(file.toString());
    }

    @Test
    void whenAFunctionIsNotSerializable_thenExecuteFailsNamingTheOperator() {
        StreamExecutionEnvironment env = env();
        Object notSerializable = new Object();
        env.fromSequence(1, 10).map(x -> x + notSerializable.hashCode()).name("capturing map").addSink(new DiscardingSink<>());
        assertThatThrownBy(() -> env.execute()).hasMessageContaining("'capturing map'").hasMessageContaining("not serializable");
    }
}
