package io.weir.bench;

import io.weir.api.environment.CheckpointingMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.CheckpointStatistics;
import io.weir.api.execution.FailureRecord;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobExecutionResult;
import io.weir.api.restart.RestartStrategies;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * W1, W1-nockpt and W3 of WORKLOADS.md: a checkpointed parallel sequence source, a chained
 * generator map, keyBy, a per-key count with an end-of-input timer, and a chained verifier.
 */
public final class KeyedCountWorkload {
    static final Path CHECKPOINT_ROOT = Path.of("/tmp/weir-bench-ckpt");
    static final long CHECKPOINT_INTERVAL_MS = 1000;

    /** The three variants. */
    public enum Kind {
        W1("W1", true, false, 20_000_000L),
        W1_NOCKPT("W1-nockpt", false, false, 20_000_000L),
        W3("W3", true, true, 5_000_000L);

        final String label;
        final boolean checkpointing;
        final boolean injectFailure;
        final long defaultEvents;

        Kind(String label, boolean checkpointing, boolean injectFailure, long defaultEvents) {
            this.label = label;
            this.checkpointing = checkpointing;
            this.injectFailure = injectFailure;
            this.defaultEvents = defaultEvents;
        }

        public String label() {
            return label;
        }

        public long defaultEvents() {
            return defaultEvents;
        }

        public static Kind of(String label) {
            for (Kind k : values()) {
                if (k.label.equals(label)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** The JSON line and the figures a test checks. */
    public record Result(String json, boolean correct, int restarts, long sumCounts, long outputs) {}

    private KeyedCountWorkload() {}

    public static Result run(Kind kind, long events, long keys) throws Exception {
        int p = BenchInfo.PARALLELISM;
        if (events <= 0 || events % p != 0) {
            throw new IllegalArgumentException("events = " + events + ": must be a positive multiple of the parallelism " + p + ".");
        }
        if (keys <= 0 || keys > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("keys = " + keys + ": must be in 1.." + Integer.MAX_VALUE + ".");
        }
        Probes.reset();
        Path checkpoints = kind.checkpointing ? newCheckpointDirectory(kind) : null;
        try {
            return runJob(kind, events, keys, checkpoints);
        } finally {
            if (checkpoints != null) {
                deleteRecursively(checkpoints);
            }
        }
    }

    private static Result runJob(Kind kind, long events, long keys, Path checkpoints) throws Exception {
        int p = BenchInfo.PARALLELISM;
        long perPartition = events / p;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(p);
        BenchInfo.applyObjectReuse(env);
        if (kind.checkpointing) {
            env.enableCheckpointing(CHECKPOINT_INTERVAL_MS, CheckpointingMode.EXACTLY_ONCE);
            env.getCheckpointConfig().setCheckpointStorage(checkpoints);
        }
        env.setRestartStrategy(kind.injectFailure ? RestartStrategies.fixedDelayRestart(3, 0) : RestartStrategies.noRestart());
        long failAt = kind.injectFailure ? (long) (0.6 * perPartition) : -1;
        env.fromSequence(0, events - 1)
                .map(new GeneratorMap(perPartition, p, keys, failAt)).name("generator")
                .keyBy(t -> t.f0)
                .process(new CountPerKey()).name("count")
                .addSink(new Verifier()).name("verifier");

        long start = System.nanoTime();
        JobClient client = env.executeAsync(kind.label);
        JobExecutionResult result = client.getJobExecutionResult().get();
        long end = System.nanoTime();

        SplitMix64.Expected expected = SplitMix64.Expected.of(events, keys);
        return report(kind, events, keys, start, end, result, client, expected);
    }

    private static Result report(Kind kind, long events, long keys, long start, long end, JobExecutionResult result, JobClient client,
            SplitMix64.Expected expected) {
        long first = Probes.firstRecordNanos.get();
        long wallMs = (end - start) / 1_000_000L;
        long processMs = first == Probes.NONE ? -1 : (end - first) / 1_000_000L;
        long sumCounts = Probes.sumCounts.get();
        long outputs = Probes.outputs.get();
        int restarts = Probes.highestAttempt.get();
        boolean checksumOk = Probes.keyCountSum.get() == expected.keySum();
        boolean correct = sumCounts == events && outputs == expected.distinctKeys() && checksumOk
                && Probes.finishedVerifiers.get() == BenchInfo.PARALLELISM
                && (kind.injectFailure ? restarts == 1 : restarts == 0);

        JsonLine json = BenchInfo.header(kind.label, events, keys)
                .put("state_backend", "heap")
                .put("checkpointing", kind.checkpointing)
                .put("startup_ms", first == Probes.NONE ? -1 : (first - start) / 1_000_000L)
                .put("wall_ms", wallMs)
                .put("process_ms", processMs)
                .put("events_per_sec", wallMs > 0 ? events * 1000 / wallMs : -1)
                .put("events_per_sec_processing", processMs > 0 ? events * 1000 / processMs : -1)
                .put("checkpoints_completed", Probes.verifierCheckpoints.size())
                .put("restarts", restarts)
                .put("sum_counts", sumCounts)
                .put("outputs", outputs)
                .put("expected_outputs", expected.distinctKeys())
                .put("checksum_ok", checksumOk);
        if (kind.injectFailure) {
            long fail = Probes.failNanos.get();
            List<FailureRecord> failures = client.getFailureHistory();
            json.put("recovery_ms", Probes.millisBetween(fail, Probes.recoveredNanos.get()))
                    .put("restore_ckpt_id", Probes.checkpointAtFailure.get())
                    .put("weir_restored_ckpt_id", failures.isEmpty() ? -1 : failures.get(0).restoredCheckpointId())
                    .put("fail_to_end_ms", fail == Probes.NONE ? -1 : (end - fail) / 1_000_000L)
                    .put("fail_to_redeploy_ms", Probes.millisBetween(fail, Probes.redeployedNanos.get()))
                    .put("fail_to_keyed_restored_ms", Probes.millisBetween(fail, Probes.keyedRestoredNanos.get()));
        }
        if (kind.checkpointing) {
            addCheckpointStatistics(json, client.getCheckpointStatistics());
        }
        json.put("weir_net_runtime_ms", result.getNetRuntime())
                .put("weir_restarts", result.getRestarts())
                .put("correct", correct);
        return new Result(json.toString(), correct, restarts, sumCounts, outputs);
    }

    /** Median and maximum end-to-end duration, maximum sync part and bytes of the completed checkpoints. */
    private static void addCheckpointStatistics(JsonLine json, List<CheckpointStatistics> stats) {
        long[] e2e = stats.stream().filter(s -> s.status() == CheckpointStatistics.Status.COMPLETED)
                .mapToLong(CheckpointStatistics::endToEndDurationMs).sorted().toArray();
        long maxSync = stats.stream().mapToLong(CheckpointStatistics::syncDurationMs).max().orElse(0);
        long maxAlign = stats.stream().mapToLong(CheckpointStatistics::alignmentDurationMs).max().orElse(0);
        long bytes = stats.isEmpty() ? 0 : stats.get(stats.size() - 1).bytesWritten();
        json.put("ckpt_e2e_ms_median", e2e.length == 0 ? -1 : e2e[e2e.length / 2])
                .put("ckpt_e2e_ms_max", e2e.length == 0 ? -1 : e2e[e2e.length - 1])
                .put("ckpt_sync_ms_max", maxSync)
                .put("ckpt_alignment_ms_max", maxAlign)
                .put("ckpt_bytes_last", bytes);
    }

    static Path newCheckpointDirectory(Kind kind) throws IOException {
        return newCheckpointDirectory(kind.label);
    }

    static Path newCheckpointDirectory(String label) throws IOException {
        Files.createDirectories(CHECKPOINT_ROOT);
        String ts = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(ZonedDateTime.now(ZoneOffset.UTC));
        return Files.createTempDirectory(CHECKPOINT_ROOT, label + "-" + ts + "-");
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
