package io.weir.runtime.internal.operators;

import io.weir.api.connector.source.Source;
import io.weir.api.functions.FilterFunction;
import io.weir.api.functions.FlatMapFunction;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.ProcessFunction;
import io.weir.api.functions.ReduceFunction;
import io.weir.api.functions.sink.SinkFunction;
import io.weir.api.functions.source.SourceFunction;
import io.weir.api.graph.OperatorKind;
import io.weir.api.graph.TimestampsAndWatermarksSpec;
import io.weir.api.graph.WindowOperatorSpec;

/** Maps an operator kind and its user function to the runtime operator. */
public final class OperatorFactory {
    private OperatorFactory() {}

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    public static StreamOperator forSource(Object source) {
        return source instanceof Source ? new SourceOperators.SourceReaderOperator((Source<?, ?>) source)
                : new SourceOperators.LegacySourceOperator(cast(source));
    }

    public static StreamOperator create(OperatorKind kind, Object fn) {
        switch (kind) {
            case MAP: return new SimpleOperators.MapOperator(cast(fn));
            case FLAT_MAP: return new SimpleOperators.FlatMapOperator(cast(fn));
            case FILTER: return new SimpleOperators.FilterOperator(cast(fn));
            case PROCESS: return new ProcessOperators.ProcessOperator(cast(fn));
            case KEYED_PROCESS: return new ProcessOperators.KeyedProcessOperator(cast(fn));
            case KEYED_REDUCE: return new SimpleOperators.KeyedReduceOperator(cast(fn));
            case SINK: return new SimpleOperators.SinkOperator(cast(fn));
            case TIMESTAMPS_AND_WATERMARKS: return new TimestampsAndWatermarksOperator((TimestampsAndWatermarksSpec) fn);
            case WINDOW: return new WindowOperator((WindowOperatorSpec) fn);
            case ASYNC_WAIT: return new AsyncWaitOperator((io.weir.api.graph.AsyncOperatorSpec) fn);
            default: throw new IllegalStateException("Unknown operator kind " + kind + " for a one-input operator");
        }
    }

    /** A two-input operator; {@code keySelector2} is the second input's key when both are keyed, else null. */
    public static TwoInputUdfOperator<?> createTwoInput(OperatorKind kind, Object fn, io.weir.api.functions.KeySelector<?, ?> keySelector2) {
        return createTwoInput(kind, fn, keySelector2, java.util.List.of());
    }

    /** As above; {@code broadcastState} is the broadcast state of the {@code CO_..._BROADCAST_PROCESS} kinds. */
    public static TwoInputUdfOperator<?> createTwoInput(OperatorKind kind, Object fn, io.weir.api.functions.KeySelector<?, ?> keySelector2,
            java.util.List<io.weir.api.state.MapStateDescriptor<?, ?>> broadcastState) {
        switch (kind) {
            case CO_BROADCAST_PROCESS: return new BroadcastOperators.BroadcastProcessOperator(cast(fn), broadcastState);
            case CO_KEYED_BROADCAST_PROCESS: return new BroadcastOperators.KeyedBroadcastProcessOperator(cast(fn), broadcastState);
            case CO_MAP: return new CoOperators.CoMapOperator(cast(fn), keySelector2);
            case CO_FLAT_MAP: return new CoOperators.CoFlatMapOperator(cast(fn), keySelector2);
            case CO_PROCESS: return new CoOperators.CoProcessOperator(cast(fn), keySelector2);
            case KEYED_CO_PROCESS: return new CoOperators.KeyedCoProcessOperator(cast(fn), keySelector2);
            case INTERVAL_JOIN: return new IntervalJoinOperator((io.weir.api.graph.IntervalJoinSpec) fn, keySelector2);
            default: throw new IllegalStateException("Unknown operator kind " + kind + " for a two-input operator");
        }
    }
}
