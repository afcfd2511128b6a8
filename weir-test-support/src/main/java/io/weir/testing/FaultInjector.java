package io.weir.testing;

import io.weir.api.functions.RichMapFunction;

import java.util.Random;

/**
 * A pass-through map that throws {@link InjectedFailure} at seeded random points: failure k
 * (0-based) happens in execution attempt k, in one seeded subtask, after a seeded number of that
 * subtask's records. Insert it anywhere in a job ({@code stream.map(injector)}); after the planned
 * failures it only passes records on. The same seed gives the same plan.
 */
public final class FaultInjector<T> extends RichMapFunction<T, T> {
    private static final long serialVersionUID = 1L;

    private final long seed;
    private final int failures;
    private final long maxRecord;
    private final boolean enabled;
    private transient long seen;
    private transient long failAt = -1;

    private FaultInjector(long seed, int failures, long maxRecord, boolean enabled) {
        this.seed = seed;
        this.failures = failures;
        this.maxRecord = maxRecord;
        this.enabled = enabled;
    }

    /** {@code failures} failures, each within the first {@code maxRecord} records a subtask sees in an attempt. */
    public static <T> FaultInjector<T> of(long seed, int failures, long maxRecord) {
        if (failures < 0 || maxRecord < 1) {
            throw new IllegalArgumentException("FaultInjector needs failures >= 0 and maxRecord >= 1, got " + failures + " and " + maxRecord + ".");
        }
        return new FaultInjector<>(seed, failures, maxRecord, true);
    }

    /** The same map with injection switched off (for the failure-free reference run). */
    public FaultInjector<T> disabled() {
        return new FaultInjector<>(seed, failures, maxRecord, false);
    }

    public long seed() {
        return seed;
    }

    @Override
    public void open(io.weir.api.configuration.Configuration parameters) {
        int attempt = getRuntimeContext().getAttemptNumber();
        seen = 0;
        failAt = -1;
        if (!enabled || attempt >= failures) {
            return;
        }
        Random r = new Random(seed * 31 + attempt);
        int subtask = r.nextInt(getRuntimeContext().getNumberOfParallelSubtasks());
        long at = 1 + (long) (r.nextDouble() * maxRecord);
        if (subtask == getRuntimeContext().getIndexOfThisSubtask()) {
            failAt = at;
        }
    }

    @Override
    public T map(T value) {
        if (++seen == failAt) {
            throw new InjectedFailure("injected failure " + getRuntimeContext().getAttemptNumber() + " (seed " + seed + ") in subtask "
                    + getRuntimeContext().getIndexOfThisSubtask() + " at record " + seen);
        }
        return value;
    }

    /** The exception a {@link FaultInjector} throws. */
    public static final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InjectedFailure(String message) {
            super(message);
        }
    }
}
