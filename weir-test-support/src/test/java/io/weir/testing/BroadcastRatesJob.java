package io.weir.testing;

import io.weir.api.configuration.Configuration;
import io.weir.api.connector.source.lib.NumberSequenceSource;
import io.weir.api.datastream.BroadcastStream;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.co.KeyedBroadcastProcessFunction;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.util.Collector;

import java.util.ArrayList;
import java.util.List;

/**
 * The broadcast state pattern in a job whose output does not depend on the interleaving of its inputs: payments
 * (id, currency) keyed by id % {@link #ACCOUNTS}, and exchange rates (currency, rate) broadcast to every subtask. A
 * payment whose rate is known is converted at once; otherwise it waits in keyed list state, and the broadcast side
 * converts every waiting payment of that currency when the rate arrives, through {@code applyToKeyedState}. Rates never
 * change, so every payment is converted exactly once at the same rate, whichever input comes first.
 */
final class BroadcastRatesJob {
    static final int CURRENCIES = 7;
    static final int ACCOUNTS = 11;
    static final MapStateDescriptor<Long, Long> RATES = new MapStateDescriptor<>("rates", Long.class, Long.class);
    static final ListStateDescriptor<Long> WAITING = new ListStateDescriptor<>("waiting payments", Long.class);

    private BroadcastRatesJob() {}

    static long currencyOf(long payment) {
        return payment % CURRENCIES;
    }

    static long rateOf(long currency) {
        return 3 * currency + 2;
    }

    static String converted(long payment) {
        return "payment " + payment + " = " + payment * rateOf(currencyOf(payment));
    }

    /** The failure-free output for payments 0..n-1. */
    static List<String> expected(long n) {
        List<String> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            out.add(converted(i));
        }
        return out;
    }

    static final class Convert extends KeyedBroadcastProcessFunction<Long, Long, Tuple2<Long, Long>, String> {
        private transient ListState<Long> waiting;

        @Override
        public void open(Configuration parameters) {
            waiting = getRuntimeContext().getListState(WAITING);
        }

        @Override
        public void processElement(Long payment, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            if (ctx.getBroadcastState(RATES).contains(currencyOf(payment))) {
                out.collect(converted(payment));
            } else {
                waiting.add(payment);
            }
        }

        @Override
        public void processBroadcastElement(Tuple2<Long, Long> rate, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(RATES).put(rate.f0, rate.f1);
            ctx.applyToKeyedState(WAITING, (account, payments) -> {
                List<Long> still = new ArrayList<>();
                for (Long p : payments.get()) {
                    if (currencyOf(p) == rate.f0) {
                        out.collect(converted(p));
                    } else {
                        still.add(p);
                    }
                }
                payments.update(still);
            });
        }
    }

    static final class Rate implements MapFunction<Long, Tuple2<Long, Long>> {
        @Override
        public Tuple2<Long, Long> map(Long currency) {
            return Tuple2.of(currency, rateOf(currency));
        }
    }

    /**
     * Builds the job: {@code n} payments through {@code beforeConvert} (a pass-through, for example a failure
     * injector), paced to {@code perCheckpoint} records per source reader between checkpoints when positive; the
     * rates come from their own source, so they may arrive before, among or after the payments.
     */
    static DataStream<String> build(StreamExecutionEnvironment env, long n, long perCheckpoint, MapFunction<Long, Long> beforeConvert) {
        NumberSequenceSource source = new NumberSequenceSource(0, n - 1);
        DataStream<Long> payments = perCheckpoint > 0 ? env.fromSource(new PacedSource<>(source, perCheckpoint), "payments")
                : env.fromSource(source, "payments");
        BroadcastStream<Tuple2<Long, Long>> rates = env.fromSequence(0, CURRENCIES - 1).map(new Rate()).broadcast(RATES);
        return payments.map(beforeConvert).keyBy(p -> p % ACCOUNTS).connect(rates).process(new Convert()).uid("convert");
    }
}
