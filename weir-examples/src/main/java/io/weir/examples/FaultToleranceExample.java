package io.weir.examples;

import io.weir.api.checkpoint.CheckpointedFunction;
import io.weir.api.checkpoint.FunctionInitializationContext;
import io.weir.api.checkpoint.FunctionSnapshotContext;
import io.weir.api.environment.CheckpointingMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.restart.RestartStrategies;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;

/**
 * The seed article's third example, "4.3 容错策略实例", corrected. As printed, it does not compile
 * even against Flink: {@code CheckpointedFunction} has no type parameters and no {@code map}
 * method, and it never registers state in {@code initializeState}. The closest correct program is
 * a map function that also implements {@code CheckpointedFunction}: here it numbers the lines it
 * sees, keeping the counter in a plain field that {@code snapshotState} copies into operator list
 * state at every checkpoint and {@code initializeState} reads back after a failure. With a restart
 * strategy the job survives failures, and every line gets exactly one number.
 */
public class FaultToleranceExample extends RichMapFunction<String, String> implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;

    private transient ListState<Long> checkpointedCount;
    private long count;

    @Override
    public String map(String value) {
        count++;
        return count + ": " + value;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        checkpointedCount.update(java.util.List.of(count));
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        checkpointedCount = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("count", Long.class));
        count = 0;
        if (context.isRestored()) {
            for (Long c : checkpointedCount.get()) {
                count += c;
            }
        }
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(1000);
        env.setCheckpointingMode(CheckpointingMode.EXACTLY_ONCE);
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, 1000));
        env.fromElements("alpha", "beta", "gamma", "delta").map(new FaultToleranceExample()).print();
        env.execute("FaultToleranceExample");
    }
}
