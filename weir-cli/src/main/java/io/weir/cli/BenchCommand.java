package io.weir.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code weir bench}: runs an end-to-end workload of WORKLOADS.md through {@code io.weir.bench.WeirBench}. The class is
 * looked up at run time, so the command works (with a clear error) when the weir-bench module is not on the class path.
 */
@Command(name = "bench",
        description = {"Runs an end-to-end benchmark workload of WORKLOADS.md (W1, W1-nockpt, W3, W4, selftest, ...) and prints "
                + "its result as one JSON line.", "Needs the weir-bench module (io.weir.bench.WeirBench) on the class path."})
final class BenchCommand implements Callable<Integer> {
    static final String BENCH_CLASS = "io.weir.bench.WeirBench";

    @Parameters(index = "0", paramLabel = "WORKLOAD", description = "The workload, e.g. W1.")
    String workload;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "The workload's arguments (e.g. events and keys).")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Method main;
        try {
            Class<?> bench = Class.forName(BENCH_CLASS, true, Thread.currentThread().getContextClassLoader() != null
                    ? Thread.currentThread().getContextClassLoader() : BenchCommand.class.getClassLoader());
            main = bench.getMethod("main", String[].class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new CliException(ExitCodes.ERROR, "The benchmarks are not on the class path (" + BENCH_CLASS + " not found): "
                    + "build the weir-bench module and add its jar to the class path (WEIR_CLASSPATH for ./weir)");
        }
        List<String> all = new ArrayList<>();
        all.add(workload);
        all.addAll(args);
        try {
            main.invoke(null, (Object) all.toArray(new String[0]));
        } catch (InvocationTargetException e) {
            throw new CliException(ExitCodes.JOB_FAILED, "Workload " + workload + " failed: " + WeirCli.oneLine(e.getCause()), e.getCause());
        }
        return ExitCodes.OK;
    }
}
