package io.weir.runtime.it;

import io.weir.api.common.RuntimeExecutionMode;
import io.weir.api.configuration.IllegalConfigurationException;
import io.weir.api.environment.CheckpointConfig;
import io.weir.api.environment.ExternalizedCheckpointRetention;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.state.HashMapStateBackend;
import io.weir.api.state.StateBackend;
import io.weir.api.typeinfo.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Environment methods Flink jobs call: fromData, socketTextStream, runtime mode, state backend, checkpoint cleanup. */
@Timeout(60)
class EnvironmentApiIT {
    @Test
    void fromDataAndTypedCollectionsEmitTheirElementsInOrder() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        assertThat(env.fromData("a", "b", "c").executeAndCollect(3)).containsExactly("a", "b", "c");
        assertThat(env.fromData(List.of(3, 1, 2)).executeAndCollect(3)).containsExactly(3, 1, 2);
        assertThat(env.fromElements(Number.class, 1, 2L).executeAndCollect(2)).containsExactly(1, 2L);
        var typed = env.fromCollection(List.of("x"), Types.STRING);
        assertThat(typed.getType()).isSameAs(Types.STRING);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Object> integers = (Class) Integer.class;
        assertThatThrownBy(() -> env.fromElements(integers, 1, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String");
    }

    @Test
    void socketTextStreamEmitsTheLinesTheServerSendsAndEndsWhenItCloses() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> serve = CompletableFuture.runAsync(() -> {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    out.write("one\r\ntwo\nthree".getBytes(StandardCharsets.UTF_8));
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
            List<String> lines = env.socketTextStream("127.0.0.1", server.getLocalPort()).executeAndCollect(10);
            serve.join();
            assertThat(lines).containsExactly("one", "two", "three");
        }
    }

    @Test
    void batchModeAndUnknownStateBackendsAreRefusedWithWhatToDo() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.fromSequence(1, 3).print();
        assertThatThrownBy(() -> env.execute("batch")).hasStackTraceContaining("STREAMING mode only")
                .hasStackTraceContaining(IllegalConfigurationException.class.getSimpleName());

        StreamExecutionEnvironment env2 = StreamExecutionEnvironment.createLocalEnvironment(1);
        env2.setStateBackend(new StateBackend() {
            @Override
            public String getName() {
                return "rocksdb";
            }
        });
        env2.fromSequence(1, 3).print();
        assertThatThrownBy(() -> env2.execute("rocks")).hasStackTraceContaining("'hashmap' state backend");
    }

    @Test
    void streamingModeTheHeapBackendAndFlinksOlderCheckpointSettersWork() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING).setStateBackend(new HashMapStateBackend());
        env.getCheckpointConfig().setExternalizedCheckpointCleanup(CheckpointConfig.ExternalizedCheckpointCleanup.RETAIN_ON_CANCELLATION);
        assertThat(env.getCheckpointConfig().getExternalizedCheckpointRetention()).isEqualTo(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        assertThat(env.fromSequence(1, 5).executeAndCollect(5)).hasSize(5);
    }
}
