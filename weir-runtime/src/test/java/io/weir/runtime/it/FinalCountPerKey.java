package io.weir.runtime.it;

import io.weir.api.configuration.Configuration;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.util.Collector;

/** Sums the values per key in keyed state and emits (key, sum) once, at the end of input (timer at Long.MAX_VALUE). */
final class FinalCountPerKey extends KeyedProcessFunction<Long, Tuple2<Long, Long>, Tuple2<Long, Long>> {
    private transient ValueState<Long> count;

    @Override
    public void open(Configuration parameters) {
        count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public void processElement(Tuple2<Long, Long> value, Context ctx, Collector<Tuple2<Long, Long>> out) throws Exception {
        Long c = count.value();
        if (c == null) {
            c = 0L;
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }
        count.update(c + value.f1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Tuple2<Long, Long>> out) throws Exception {
        out.collect(Tuple2.of(ctx.getCurrentKey(), count.value()));
    }
}
