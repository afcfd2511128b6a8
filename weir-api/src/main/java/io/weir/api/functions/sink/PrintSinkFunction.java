package io.weir.api.functions.sink;

import io.weir.api.configuration.Configuration;

import java.io.PrintStream;

/** Prints each element to stdout (or stderr), prefixed with the subtask index when parallelism > 1, as Flink does. */
public class PrintSinkFunction<IN> extends RichSinkFunction<IN> {
    private static final long serialVersionUID = 1L;

    private final boolean stdErr;
    private final String sinkIdentifier;
    private transient String prefix;

    /** Prints to stdout without an identifier. */
    public PrintSinkFunction() {
        this(null, false);
    }

    /** Prints to stderr when {@code stdErr}, else stdout, prefixed with {@code sinkIdentifier} (may be null). */
    public PrintSinkFunction(String sinkIdentifier, boolean stdErr) {
        this.sinkIdentifier = sinkIdentifier;
        this.stdErr = stdErr;
    }

    @Override
    public void open(Configuration parameters) {
        prefix = prefix(sinkIdentifier, getRuntimeContext().getIndexOfThisSubtask(), getRuntimeContext().getNumberOfParallelSubtasks());
    }

    /** Flink's print prefix: {@code "id:n> "}, {@code "n> "} (n = subtask index + 1, only when parallel), {@code "id> "} or none. */
    static String prefix(String sinkIdentifier, int subtask, int parallelism) {
        String p = sinkIdentifier == null ? "" : sinkIdentifier;
        if (parallelism > 1) {
            p = p.isEmpty() ? (subtask + 1) + "" : p + ":" + (subtask + 1);
        }
        return p.isEmpty() ? "" : p + "> ";
    }

    @Override
    public void invoke(IN value, Context context) {
        PrintStream out = stdErr ? System.err : System.out;
        out.println(prefix + value);
    }
}
