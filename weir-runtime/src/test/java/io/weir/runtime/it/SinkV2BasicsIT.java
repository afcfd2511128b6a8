package io.weir.runtime.it;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.sink.PrintSink;
import io.weir.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The stateless Sink V2 sinks through sinkTo: PrintSink prints as Flink does, DiscardingSink drops. */
@Timeout(60)
class SinkV2BasicsIT {
    @Test
    void printSinkPrintsEveryElementWithTheIdentifierAndSubtaskPrefix() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
            env.fromSequence(1, 3).sinkTo(new PrintSink<>("out"));
            env.execute("print sink p1");
            StreamExecutionEnvironment env2 = StreamExecutionEnvironment.createLocalEnvironment(2);
            env2.fromSequence(7, 7).map(x -> x).setParallelism(1).rebalance().sinkTo(new PrintSink<>()).setParallelism(2);
            env2.execute("print sink p2");
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out.lines().filter(l -> l.startsWith("out> "))).containsExactlyInAnyOrder("out> 1", "out> 2", "out> 3");
        assertThat(out.lines().filter(l -> l.matches("[12]> 7"))).hasSize(1);
    }

    static final java.util.concurrent.atomic.AtomicLong OLD_STYLE = new java.util.concurrent.atomic.AtomicLong();

    /** A sink written against Flink 1.20's deprecated createWriter(Sink.InitContext). */
    static final class OldStyle implements io.weir.api.connector.sink2.Sink<Long> {
        @Override
        @SuppressWarnings("deprecation")
        public io.weir.api.connector.sink2.SinkWriter<Long> createWriter(InitContext context) {
            return new io.weir.api.connector.sink2.SinkWriter<>() {
                @Override
                public void write(Long element, Context ctx) {
                    OLD_STYLE.addAndGet(element);
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }

    @Test
    void aSinkImplementingTheDeprecatedCreateWriterWorks() throws Exception {
        OLD_STYLE.set(0);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(1, 100).sinkTo(new OldStyle());
        env.execute("old style sink");
        assertThat(OLD_STYLE.get()).isEqualTo(5050);
    }

    @Test
    void discardingSinkRunsTheJobToTheEnd() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(1, 1000).sinkTo(new DiscardingSink<>());
        assertThat(env.execute("discard").getRestarts()).isZero();
    }
}
