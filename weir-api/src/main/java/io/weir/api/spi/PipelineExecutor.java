package io.weir.api.spi;

import io.weir.api.execution.JobClient;

/** Runs a {@link Pipeline}. Validation errors are thrown from {@link #execute} before anything runs. */
public interface PipelineExecutor {
    JobClient execute(Pipeline pipeline) throws Exception;
}
