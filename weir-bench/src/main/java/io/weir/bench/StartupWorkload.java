package io.weir.bench;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.sink.DiscardingSink;

import java.lang.management.ManagementFactory;

/** W4 of WORKLOADS.md: {@code fromElements(1..10) -> map(x * 2) -> DiscardingSink}, parallelism 2, no checkpointing. */
public final class StartupWorkload {
    private StartupWorkload() {}

    /** Doubles; counts and sums its outputs into {@link Probes} (10 records, so atomics cost nothing). */
    static final class Doubler implements MapFunction<Integer, Integer> {
        private static final long serialVersionUID = 1L;

        @Override
        public Integer map(Integer x) {
            Probes.stampOnce(Probes.firstRecordNanos);
            int y = x * 2;
            Probes.outputs.incrementAndGet();
            Probes.sumCounts.addAndGet(y);
            return y;
        }
    }

    /** @param mainStartNanos {@code System.nanoTime()} at the first line of {@code main} */
    public static String run(long mainStartNanos) throws Exception {
        Probes.reset();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(BenchInfo.PARALLELISM);
        env.fromElements(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
                .map(new Doubler())
                .addSink(new DiscardingSink<>());
        long start = System.nanoTime();
        env.execute("W4");
        long end = System.nanoTime();
        long endMillis = System.currentTimeMillis();
        long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();

        long first = Probes.firstRecordNanos.get();
        long wallMs = (end - start) / 1_000_000L;
        long processMs = first == Probes.NONE ? -1 : (end - first) / 1_000_000L;
        boolean correct = Probes.outputs.get() == 10 && Probes.sumCounts.get() == 110;
        return BenchInfo.header("W4", 10, 0)
                .put("checkpointing", false)
                .put("startup_ms", first == Probes.NONE ? -1 : (first - start) / 1_000_000L)
                .put("wall_ms", wallMs)
                .put("process_ms", processMs)
                .put("events_per_sec", wallMs > 0 ? 10 * 1000 / wallMs : -1)
                .put("events_per_sec_processing", processMs > 0 ? 10 * 1000 / processMs : -1)
                .put("checkpoints_completed", 0)
                .put("restarts", 0)
                .put("outputs", Probes.outputs.get())
                .put("main_to_end_ms", Probes.millisBetween(mainStartNanos, end))
                .put("jvm_to_end_ms", endMillis - jvmStartMillis)
                .put("correct", correct)
                .toString();
    }
}
