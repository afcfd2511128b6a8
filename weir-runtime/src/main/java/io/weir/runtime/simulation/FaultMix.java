package io.weir.runtime.simulation;

/**
 * Which faults a simulation injects, and how often. Probabilities are per scheduling choice
 * (one subtask step, master action or I/O completion), except {@code ioFailure}, which applies to
 * each checkpoint storage operation (state file, metadata write, rename, folder fsync).
 *
 * @param taskFailure   a subtask throws from its next step, as user code would (the job restarts)
 * @param processCrash  the whole process dies: no close, no cleanup, every in-memory state is lost;
 *                      the job is resumed from its checkpoint folder with {@code -s latest}
 * @param ioFailure     a checkpoint storage operation fails with an {@link java.io.IOException}
 * @param maxFaults     no more faults than this per run, so that every run can finish
 * @param localRecovery probability that a run restores from the in-memory snapshot copy (otherwise
 *                      every restore reads the checkpoint files)
 */
public record FaultMix(double taskFailure, double processCrash, double ioFailure, int maxFaults, double localRecovery) {

    public FaultMix {
        check("taskFailure", taskFailure);
        check("processCrash", processCrash);
        check("ioFailure", ioFailure);
        check("localRecovery", localRecovery);
        if (maxFaults < 0) {
            throw new IllegalArgumentException("Invalid fault mix: maxFaults = " + maxFaults + "; allowed: 0 or more.");
        }
    }

    private static void check(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("Invalid fault mix: " + name + " = " + p + "; allowed: a probability from 0 to 1.");
        }
    }

    /** No faults: the reference run. */
    public static FaultMix none() {
        return new FaultMix(0, 0, 0, 0, 1);
    }

    /** Task failures, process crashes and storage errors, a few per run; half the runs restore from files. */
    public static FaultMix standard() {
        return new FaultMix(0.002, 0.0005, 0.02, 4, 0.5);
    }
}
