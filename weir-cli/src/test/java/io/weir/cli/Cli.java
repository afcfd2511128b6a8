package io.weir.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the {@code weir} command in this JVM with captured output, as the tests see it. */
final class Cli {
    private Cli() {}

    /** Exit code and what the command printed. */
    record Result(int exitCode, String out, String err) {
        /** The non-empty lines of stderr. */
        long errLines() {
            return err.lines().filter(l -> !l.isBlank()).count();
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WeirCli.newCommandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
