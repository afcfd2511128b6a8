package io.weir.api.common;

import java.io.Serializable;
import java.util.Objects;

/**
 * The id of a job run, as Flink's {@code JobID}: equal to what {@code JobClient.getJobID()} returns for the job.
 * Immutable; any thread.
 */
public final class JobID implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String id;

    /**
     * The id {@code id}.
     *
     * @throws NullPointerException if {@code id} is null
     */
    public JobID(String id) {
        this.id = Objects.requireNonNull(id, "a job id is needed");
    }

    /** The id as text, as {@code JobClient.getJobID()} gives it. */
    public String toHexString() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobID && ((JobID) o).id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
