package io.weir.api.execution;

import java.util.concurrent.TimeUnit;

/** Returned by {@code execute()} when a job finishes. */
public class JobExecutionResult {
    private final String jobId;
    private final String jobName;
    private final long netRuntimeMs;
    private final int restarts;

    public JobExecutionResult(String jobId, String jobName, long netRuntimeMs, int restarts) {
        this.jobId = jobId;
        this.jobName = jobName;
        this.netRuntimeMs = netRuntimeMs;
        this.restarts = restarts;
    }

    public String getJobID() {
        return jobId;
    }

    public String getJobName() {
        return jobName;
    }

    /** Milliseconds from the start of the job to its end, restarts included. */
    public long getNetRuntime() {
        return netRuntimeMs;
    }

    public long getNetRuntime(TimeUnit unit) {
        return unit.convert(netRuntimeMs, TimeUnit.MILLISECONDS);
    }

    public int getRestarts() {
        return restarts;
    }

    @Override
    public String toString() {
        return "JobExecutionResult{job=" + jobName + " (" + jobId + "), netRuntime=" + netRuntimeMs + " ms, restarts=" + restarts + "}";
    }
}
