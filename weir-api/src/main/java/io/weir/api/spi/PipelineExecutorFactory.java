package io.weir.api.spi;

/**
 * Found through {@link java.util.ServiceLoader}: the embedded runtime provides one named
 * {@code embedded}; other executors (such as a Flink runner) plug in here. The environment picks
 * the factory named by {@code execution.target}, or the one with the highest {@link #priority()}.
 */
public interface PipelineExecutorFactory {
    String name();

    default int priority() {
        return 0;
    }

    PipelineExecutor create();
}
