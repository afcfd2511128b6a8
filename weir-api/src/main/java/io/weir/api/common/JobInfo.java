package io.weir.api.common;

/**
 * What a function knows about its job, from {@code RuntimeContext.getJobInfo()}, as Flink's {@code JobInfo}. Immutable;
 * any thread.
 */
public interface JobInfo {
    /** The job's id; {@code null} where no job runs (a function tested in the operator harness). */
    JobID getJobId();

    /** The job's name as given to {@code execute(name)}. */
    String getJobName();
}
