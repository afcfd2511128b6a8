package io.weir.cli.campaign;

/** How one schedule ended. The campaign fails if any schedule ends in a failing outcome. */
enum Outcome {
    /** The job finished and its committed output is exactly the expected output. */
    EXACT(false),
    /** At least one run stopped loudly (refusal, failure or OOM with the checkpoint kept); the operator's fix then led to exact output. */
    REFUSED_THEN_EXACT(false),
    /** A run refused loudly with the checkpoint kept, and the operator had no safe way on (e.g. the only checkpoint damaged). */
    REFUSED_AND_STOPPED(false),
    /** The operator resumed with --allow-rewind after a refusal: duplicates are accepted by contract, nothing may be missing. */
    REWIND_ACCEPTED(false),
    /** Output committed more than once (or state counted twice) without the operator allowing it. */
    SILENT_DUPLICATE(true),
    /** Records missing from the finished output, or state lost (a count that restarted). */
    SILENT_LOSS(true),
    /** A run did not reach its next checkpoint trigger or its end within the per-run timeout. */
    HANG(true),
    /** Anything else that breaks the invariant: an unclear failure instead of a refusal, a checkpoint lost, a bad line. */
    OTHER(true);

    final boolean failing;

    Outcome(boolean failing) {
        this.failing = failing;
    }
}
