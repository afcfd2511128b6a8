package io.weir.bench;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measurement points shared by the harness and the job's functions. Static because Weir runs the
 * functions in this JVM (fresh copies per execution attempt), so statics are the one thing an
 * attempt and the harness share, as in Flink's MiniCluster. One workload run at a time per JVM;
 * {@link #reset()} before each.
 *
 * <p>Result sums are published only by {@link Verifier#finish()}, which runs once per subtask at
 * the end of the successful attempt: a failed attempt cannot add to them (the role of Flink's
 * accumulators).
 */
final class Probes {
    static final long NONE = Long.MIN_VALUE;

    /** First record processed by any generator subtask, any attempt. */
    static final AtomicLong firstRecordNanos = new AtomicLong(NONE);
    /** Just before the injected failure is thrown (W3). */
    static final AtomicLong failNanos = new AtomicLong(NONE);
    /** First record processed by a generator subtask of a later attempt (W3). */
    static final AtomicLong recoveredNanos = new AtomicLong(NONE);
    /** First open() of a generator subtask in a later attempt (W3): cancel, restart and redeploy are done. */
    static final AtomicLong redeployedNanos = new AtomicLong(NONE);
    /** End of the first CountPerKey.open() in a later attempt (W3): its keyed state and timers are restored. */
    static final AtomicLong keyedRestoredNanos = new AtomicLong(NONE);
    /** The failure is injected once per run (once per JVM for a command-line run). */
    static final AtomicBoolean failureInjected = new AtomicBoolean();
    /** Latest checkpoint id known complete when the failure was thrown (0 = none). */
    static final AtomicLong checkpointAtFailure = new AtomicLong();
    /** Highest checkpoint id for which any function got notifyCheckpointComplete. */
    static final AtomicLong latestCompletedCheckpoint = new AtomicLong();
    /** Distinct checkpoint ids notified complete to the verifier. */
    static final Set<Long> verifierCheckpoints = ConcurrentHashMap.newKeySet();
    /** Highest task attempt number seen in open(). */
    static final AtomicInteger highestAttempt = new AtomicInteger();

    static final AtomicLong sumCounts = new AtomicLong();
    static final AtomicLong keyCountSum = new AtomicLong();
    static final AtomicLong outputs = new AtomicLong();
    static final AtomicInteger finishedVerifiers = new AtomicInteger();

    private Probes() {}

    static void reset() {
        firstRecordNanos.set(NONE);
        failNanos.set(NONE);
        recoveredNanos.set(NONE);
        redeployedNanos.set(NONE);
        keyedRestoredNanos.set(NONE);
        failureInjected.set(false);
        checkpointAtFailure.set(0);
        latestCompletedCheckpoint.set(0);
        verifierCheckpoints.clear();
        highestAttempt.set(0);
        sumCounts.set(0);
        keyCountSum.set(0);
        outputs.set(0);
        finishedVerifiers.set(0);
    }

    static void attemptStarted(int attempt) {
        highestAttempt.accumulateAndGet(attempt, Math::max);
    }

    static void checkpointCompleted(long id) {
        latestCompletedCheckpoint.accumulateAndGet(id, Math::max);
    }

    /** Sets the slot to now if it is still unset. */
    static void stampOnce(AtomicLong slot) {
        if (slot.get() == NONE) {
            slot.compareAndSet(NONE, System.nanoTime());
        }
    }

    /** Milliseconds between two stamps (decimal), or -1 if either is unset. */
    static double millisBetween(long fromNanos, long toNanos) {
        return fromNanos == NONE || toNanos == NONE ? -1 : (toNanos - fromNanos) / 1e6;
    }
}
