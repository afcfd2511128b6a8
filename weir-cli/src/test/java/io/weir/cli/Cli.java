package io.weir.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

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

    /** A run and the log lines Weir wrote meanwhile (slf4j-simple writes them to {@code System.err}). */
    record Logged(Result result, String log) {}

    /** As {@link #run}, capturing {@code System.err} of this JVM while the command runs (the launch warnings are logged on this thread). */
    static Logged runLogged(String... args) {
        PrintStream previous = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            Result r = run(args);
            return new Logged(r, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(previous);
        }
    }
}
