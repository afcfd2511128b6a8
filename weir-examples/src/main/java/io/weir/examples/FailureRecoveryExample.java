package io.weir.examples;

import io.weir.api.configuration.Configuration;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.sink.RichSinkFunction;
import io.weir.api.restart.RestartStrategies;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The seed article's second example, "4.2 故障恢复实例": a {@code RichSinkFunction} with
 * {@code invoke} and {@code close}. This one appends each value as a line to a file: {@code open}
 * opens the file once per execution attempt, {@code invoke} writes a line, and {@code close}
 * flushes and closes it. Weir calls {@code close} when the job finishes, is cancelled, or fails,
 * so the file handle is never leaked across restarts.
 *
 * <p>A plain sink like this is at-least-once: after a failure the job rewinds to its latest
 * checkpoint and records written since then are written again. For exactly-once output use a
 * two-phase-commit sink such as {@code io.weir.connectors.files.FileSink}.
 */
public class FailureRecoveryExample extends RichSinkFunction<String> {
    private static final long serialVersionUID = 1L;

    /** How many writers are open in this JVM: open() increments, close() decrements. */
    public static final AtomicInteger OPEN_WRITERS = new AtomicInteger();

    private final String path;
    private transient BufferedWriter writer;

    public FailureRecoveryExample(String path) {
        this.path = path;
    }

    @Override
    public void open(Configuration parameters) throws IOException {
        Path file = Paths.get(path + "-" + getRuntimeContext().getIndexOfThisSubtask());
        writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        OPEN_WRITERS.incrementAndGet();
    }

    @Override
    public void invoke(String value, Context context) throws Exception {
        writer.write(value);
        writer.newLine();
    }

    @Override
    public void close() throws Exception {
        if (writer != null) {
            writer.close();
            writer = null;
            OPEN_WRITERS.decrementAndGet();
        }
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(1000);
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, 1000));
        String out = args.length > 0 ? args[0] : Files.createTempDirectory("weir-example").resolve("lines").toString();
        env.fromSequence(1, 10_000).map(i -> "line " + i).addSink(new FailureRecoveryExample(out));
        env.execute("FailureRecoveryExample");
        System.out.println("wrote " + out + "-<subtask>");
    }
}
