package io.weir.bench;

import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.util.Collector;

/**
 * Counts per key in {@code ValueState<Long>}; on a key's first event registers an event-time
 * timer at {@code Long.MAX_VALUE}, which fires once at end of input and emits {@code (key, count)}.
 */
final class CountPerKey extends KeyedProcessFunction<Long, Tuple2<Long, Long>, Tuple2<Long, Long>> {
    private static final long serialVersionUID = 1L;

    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext openContext) {
        count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
        if (getRuntimeContext().getAttemptNumber() > 0) {
            Probes.stampOnce(Probes.keyedRestoredNanos); // the count state is restored when first registered, i.e. just above
        }
    }

    @Override
    public void processElement(Tuple2<Long, Long> event, Context ctx, Collector<Tuple2<Long, Long>> out) throws Exception {
        Long c = count.value();
        if (c == null) {
            c = 0L;
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }
        count.update(c + event.f1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Tuple2<Long, Long>> out) throws Exception {
        out.collect(Tuple2.of(ctx.getCurrentKey(), count.value()));
    }
}
