package io.weir.api.connector.sink2;

import java.io.IOException;
import java.util.Collection;

/**
 * Makes committables visible, as Flink's sink {@code Committer}. Called on the sink subtask's thread: when a checkpoint
 * completes, with the committables prepared at or before it, and after a restore, with the committables the restored
 * checkpoint held, which may already have been committed before the failure. Committing must therefore be idempotent:
 * a committable that is already visible is reported with {@link CommitRequest#signalAlreadyCommitted()} (or simply
 * left as successful), never made visible twice.
 *
 * @param <CommT> the type of the committables
 */
public interface Committer<CommT> extends AutoCloseable {
    /**
     * Commits every request; a request left untouched counts as committed.
     *
     * @throws IOException if committing fails for all of them (fails the task; the restore commits them again)
     * @throws InterruptedException if the task is cancelled while it blocks
     */
    void commit(Collection<CommitRequest<CommT>> committables) throws IOException, InterruptedException;

    /**
     * One committable to commit, and how its commit went. Valid during {@link #commit} only.
     *
     * @param <CommT> the type of the committable
     */
    interface CommitRequest<CommT> {
        /** The committable. */
        CommT getCommittable();

        /** How many times this committable was handed to {@link #commit} before without success. */
        int getNumberOfRetries();

        /** The commit failed for a known reason that retrying cannot fix; the committable is dropped with a warning. */
        void signalFailedWithKnownReason(Throwable t);

        /** The commit failed for an unknown reason: the job fails and recovers, which commits the committable again. */
        void signalFailedWithUnknownReason(Throwable t);

        /** The commit should be tried again (at once, up to a bound, then the job fails and recovers). */
        void retryLater();

        /** As {@link #retryLater()} with a changed committable. */
        void updateAndRetryLater(CommT committable);

        /** The committable was already visible (committed before a failure). */
        void signalAlreadyCommitted();
    }
}
