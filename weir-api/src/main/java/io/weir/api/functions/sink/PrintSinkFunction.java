package io.weir.api.functions.sink;

import io.weir.api.configuration.Configuration;

import java.io.PrintStream;

/** Prints each element to stdout (or stderr), prefixed with the subtask index when parallelism > 1, as Flink does. */
public class PrintSinkFunction<IN> extends RichSinkFunction<IN> {
    private static final long serialVersionUID = 1L;

    private final boolean stdErr;
    private final String sinkIdentifier;
    private transient String prefix;

    public PrintSinkFunction() {
        this(null, false);
    }

    public PrintSinkFunction(String sinkIdentifier, boolean stdErr) {
        this.sinkIdentifier = sinkIdentifier;
        this.stdErr = stdErr;
    }

    @Override
    public void open(Configuration parameters) {
        int parallelism = getRuntimeContext().getNumberOfParallelSubtasks();
        String p = sinkIdentifier == null ? "" : sinkIdentifier;
        if (parallelism > 1) {
            p = p.isEmpty() ? (getRuntimeContext().getIndexOfThisSubtask() + 1) + "" : p + ":" + (getRuntimeContext().getIndexOfThisSubtask() + 1);
        }
        prefix = p.isEmpty() ? "" : p + "> ";
    }

    @Override
    public void invoke(IN value, Context context) {
        PrintStream out = stdErr ? System.err : System.out;
        out.println(prefix + value);
    }
}
