package io.weir.api.spi;

import io.weir.api.configuration.Configuration;
import io.weir.api.environment.CheckpointConfig;
import io.weir.api.graph.Transformation;
import io.weir.api.restart.RestartStrategies.RestartStrategyConfiguration;

import java.util.List;

/**
 * Everything an executor needs to run a job: the transformations (sinks and what they read from),
 * and the job's settings as they were when {@code execute} was called.
 *
 * @param jobName         the name given to {@code execute}
 * @param transformations every transformation registered with the environment, in creation order
 * @param parallelism     the default parallelism (at least 1)
 * @param maxParallelism  the number of key groups, or -1 for the default (128, at least the parallelism)
 * @param checkpointConfig a copy of the checkpoint settings
 * @param restartStrategy the restart strategy, or {@code null} for the default
 * @param configuration   the remaining settings, with Flink's keys
 */
public record Pipeline(String jobName, List<Transformation<?>> transformations, int parallelism, int maxParallelism,
        CheckpointConfig checkpointConfig, RestartStrategyConfiguration restartStrategy, Configuration configuration) {}
