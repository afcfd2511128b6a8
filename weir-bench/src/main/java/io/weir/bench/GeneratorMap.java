package io.weir.bench;

import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.state.CheckpointListener;
import io.weir.api.tuple.Tuple2;

/**
 * Turns source sequence number {@code s} into event {@code (key(i, K), 1)} with the index
 * permutation of WORKLOADS.md §1, stamps the first record of each attempt, and (W3) throws once
 * when this subtask's record count in the current attempt reaches {@code failAt}.
 */
final class GeneratorMap extends RichMapFunction<Long, Tuple2<Long, Long>> implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    private static final Long ONE = 1L;

    private final long perPartition;
    private final int parallelism;
    private final long keys;
    private final long failAt;

    private transient int attempt;
    private transient long processed;

    /** @param failAt the per-attempt record count at which to fail, or -1 for never */
    GeneratorMap(long perPartition, int parallelism, long keys, long failAt) {
        this.perPartition = perPartition;
        this.parallelism = parallelism;
        this.keys = keys;
        this.failAt = failAt;
    }

    @Override
    public void open(OpenContext openContext) {
        attempt = getRuntimeContext().getAttemptNumber();
        Probes.attemptStarted(attempt);
        if (attempt > 0) {
            Probes.stampOnce(Probes.redeployedNanos);
        }
        processed = 0;
    }

    @Override
    public Tuple2<Long, Long> map(Long s) {
        if (++processed == 1) {
            firstRecord();
        }
        if (processed == failAt) {
            maybeFail();
        }
        long i = SplitMix64.eventIndex(s, perPartition, parallelism);
        return Tuple2.of(SplitMix64.key(i, keys), ONE);
    }

    private void firstRecord() {
        Probes.stampOnce(Probes.firstRecordNanos);
        if (attempt > 0) {
            Probes.stampOnce(Probes.recoveredNanos);
        }
    }

    private void maybeFail() {
        if (Probes.failureInjected.compareAndSet(false, true)) {
            Probes.checkpointAtFailure.set(Probes.latestCompletedCheckpoint.get());
            Probes.failNanos.set(System.nanoTime());
            throw new RuntimeException("weir-bench: injected failure after " + processed + " records in subtask "
                    + getRuntimeContext().getIndexOfThisSubtask() + ", attempt " + attempt);
        }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        Probes.checkpointCompleted(checkpointId);
    }
}
