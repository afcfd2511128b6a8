package io.weir.api.functions.sink;

import io.weir.api.connector.sink2.Sink;
import io.weir.api.connector.sink2.SinkWriter;
import io.weir.api.connector.sink2.WriterInitContext;

import java.io.PrintStream;

/**
 * Prints each element to stdout (or stderr) as a Sink V2 sink ({@code stream.sinkTo(new PrintSink<>())}), prefixed as
 * {@link PrintSinkFunction} does: the identifier and, when the sink is parallel, the subtask number (from 1). Lines of
 * different subtasks may interleave. Writers run on their subtask's thread.
 *
 * @param <IN> the type of the elements
 */
public class PrintSink<IN> implements Sink<IN> {
    private static final long serialVersionUID = 1L;

    private final String sinkIdentifier;
    private final boolean stdErr;

    /** Prints to stdout without an identifier. */
    public PrintSink() {
        this(null, false);
    }

    /** Prints to stderr when {@code stdErr} is true, else to stdout. */
    public PrintSink(boolean stdErr) {
        this(null, stdErr);
    }

    /** Prints to stdout, each line prefixed with {@code sinkIdentifier}. */
    public PrintSink(String sinkIdentifier) {
        this(sinkIdentifier, false);
    }

    /** Prints to stderr when {@code stdErr} is true, else to stdout, each line prefixed with {@code sinkIdentifier}. */
    public PrintSink(String sinkIdentifier, boolean stdErr) {
        this.sinkIdentifier = sinkIdentifier;
        this.stdErr = stdErr;
    }

    @Override
    public SinkWriter<IN> createWriter(WriterInitContext context) {
        String prefix = PrintSinkFunction.prefix(sinkIdentifier, context.getSubtaskId(), context.getNumberOfParallelSubtasks());
        PrintStream out = stdErr ? System.err : System.out;
        return new SinkWriter<>() {
            @Override
            public void write(IN element, Context ctx) {
                out.println(prefix + element);
            }

            @Override
            public void flush(boolean endOfInput) {
                out.flush();
            }

            @Override
            public void close() {}
        };
    }
}
