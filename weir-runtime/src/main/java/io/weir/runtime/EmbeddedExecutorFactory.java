package io.weir.runtime;

import io.weir.api.spi.PipelineExecutor;
import io.weir.api.spi.PipelineExecutorFactory;

/** Provides the embedded executor, which runs jobs in this JVM. Found through {@link java.util.ServiceLoader}. */
public final class EmbeddedExecutorFactory implements PipelineExecutorFactory {
    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public PipelineExecutor create() {
        return new io.weir.runtime.internal.master.EmbeddedExecutor();
    }
}
