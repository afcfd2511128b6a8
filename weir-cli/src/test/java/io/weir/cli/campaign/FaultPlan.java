package io.weir.cli.campaign;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one schedule does, fully determined by its seed: the parallelism of the first run and one to three faults, each
 * applied to one run of the job (see {@link Kind}). After the last fault the job is resumed once more and runs to its
 * end. Triggers count checkpoints completed in the faulted JVM, never wall time.
 */
record FaultPlan(long seed, int parallelism, List<Fault> faults) {

    /** The fault classes. */
    enum Kind {
        /** SIGKILL after {@code k} checkpoints of the run. */
        SIGKILL,
        /** SIGTERM after {@code k} checkpoints; the JVM must end by itself (it cancels the job, keeping its checkpoints). */
        SIGTERM,
        /** The size-limited tmpfs under the checkpoint folder is filled after {@code k} checkpoints; then freed. */
        DISK_FULL_CHECKPOINTS,
        /** The size-limited tmpfs under the sink folder is filled after {@code k} checkpoints; then freed. */
        DISK_FULL_SINK,
        /** SIGKILL after {@code k} checkpoints, then one file of a checkpoint is damaged ({@link Damage}). */
        DAMAGED_CHECKPOINT,
        /** One run of the job with the count operator's uid renamed; then the operator reverts the change. */
        RENAMED_UID,
        /** One run of the job with the state {@code count} changed from Long to String; then reverted. */
        CHANGED_STATE_TYPE,
        /** From this run on, the job runs at another parallelism; SIGKILL after {@code k} checkpoints. */
        CHANGED_PARALLELISM,
        /** The run leaks memory after {@code k} checkpoints in a small heap (-Xmx64m) and must exit with code 3. */
        OUT_OF_MEMORY
    }

    /** How a checkpoint file is damaged between two runs. */
    enum Damage { FLIP_STATE_BYTE, TRUNCATE_STATE, DELETE_STATE, FLIP_METADATA_BYTE, TRUNCATE_METADATA, DELETE_METADATA }

    /**
     * One fault. {@code afterCheckpoints} is the trigger (1..4); {@code damage} and {@code newest} (the newest complete
     * checkpoint, else the oldest retained one) matter for {@link Kind#DAMAGED_CHECKPOINT}; {@code parallelism} for
     * {@link Kind#CHANGED_PARALLELISM}.
     */
    record Fault(Kind kind, int afterCheckpoints, Damage damage, boolean newest, int parallelism) {
        @Override
        public String toString() {
            return switch (kind) {
                case DAMAGED_CHECKPOINT -> kind + "(SIGKILL after " + afterCheckpoints + " checkpoints, then " + damage + " of the "
                        + (newest ? "newest" : "oldest") + " checkpoint)";
                case CHANGED_PARALLELISM -> kind + "(p=" + parallelism + ", SIGKILL after " + afterCheckpoints + " checkpoints)";
                case RENAMED_UID, CHANGED_STATE_TYPE -> kind + "(one run of the changed job, then reverted)";
                default -> kind + "(after " + afterCheckpoints + " checkpoints)";
            };
        }
    }

    static FaultPlan of(long seed) {
        Random random = new Random(seed);
        int p = 1 + random.nextInt(3);
        int current = p;
        int n = 1 + random.nextInt(3);
        Kind[] kinds = Kind.values();
        Damage[] damages = Damage.values();
        List<Fault> faults = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Kind kind = kinds[random.nextInt(kinds.length)];
            int after = 1 + random.nextInt(4);
            Damage damage = damages[random.nextInt(damages.length)];
            boolean newest = random.nextInt(4) != 0;
            int other = 1 + random.nextInt(2);
            int newP = ((current - 1 + other) % 3) + 1; // 1..3, never the current one
            if ((kind == Kind.RENAMED_UID || kind == Kind.CHANGED_STATE_TYPE) && faults.isEmpty()) {
                faults.add(new Fault(Kind.SIGKILL, after, damage, newest, current)); // a change needs a checkpoint to restore
            }
            if (kind == Kind.CHANGED_PARALLELISM) {
                current = newP;
            }
            faults.add(new Fault(kind, after, damage, newest, newP));
        }
        return new FaultPlan(seed, p, List.copyOf(faults));
    }

    Set<Kind> kinds() {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        faults.forEach(f -> kinds.add(f.kind()));
        return kinds;
    }

    @Override
    public String toString() {
        return "seed " + seed + ": p=" + parallelism + "; " + faults.stream().map(Fault::toString).collect(Collectors.joining("; "))
                + "; then resume to the end";
    }
}
