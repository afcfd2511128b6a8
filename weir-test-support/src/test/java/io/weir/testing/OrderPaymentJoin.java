package io.weir.testing;

import io.weir.api.configuration.Configuration;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.co.KeyedCoProcessFunction;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple3;
import io.weir.api.util.Collector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A join-like two-input job: orders (id, amount, time) on one input, payments on the other, keyed by
 * order id; a {@link KeyedCoProcessFunction} keeps whichever side came first in keyed state and
 * reports an order that is still unpaid {@link #TIMEOUT} after its time with an event-time timer.
 *
 * <p>Order i has time 2i; every order but those with {@code i % 10 == 3} is paid, at time 2i + {@link #DELAY}.
 * Timestamps ascend within each source split and the payment delay is below the timeout, so with the
 * operator's watermark being the minimum of both inputs' a payment always arrives before its order's
 * timer fires: the output follows from the events alone, whatever the interleaving or failures.
 */
final class OrderPaymentJoin {
    static final long TIMEOUT = 50;
    static final long DELAY = 7;

    private OrderPaymentJoin() {}

    static boolean isPaid(long i) {
        return i % 10 != 3;
    }

    static long amountOf(long i) {
        return i % 97 + 1;
    }

    /** The failure-free output for orders 0..n-1. */
    static List<String> expected(long n) {
        List<String> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            out.add(isPaid(i) ? "order " + i + " paid " + amountOf(i) : "order " + i + " unpaid at " + (2 * i + TIMEOUT));
        }
        return out;
    }

    static final class Order implements MapFunction<Long, Tuple3<Long, Long, Long>> {
        @Override
        public Tuple3<Long, Long, Long> map(Long i) {
            return Tuple3.of(i, amountOf(i), 2 * i);
        }
    }

    static final class Payment implements MapFunction<Long, Tuple3<Long, Long, Long>> {
        @Override
        public Tuple3<Long, Long, Long> map(Long i) {
            return Tuple3.of(i, amountOf(i), 2 * i + DELAY);
        }
    }

    /** Keyed by order id: state of both inputs per key, an event-time timeout per order. */
    static final class MatchPayments extends KeyedCoProcessFunction<Long, Tuple3<Long, Long, Long>, Tuple3<Long, Long, Long>, String> {
        private transient ValueState<Long> pendingOrder;
        private transient ValueState<Long> earlyPayment;

        @Override
        public void open(Configuration parameters) {
            pendingOrder = getRuntimeContext().getState(new ValueStateDescriptor<>("pending order", Long.class));
            earlyPayment = getRuntimeContext().getState(new ValueStateDescriptor<>("early payment", Long.class));
        }

        @Override
        public void processElement1(Tuple3<Long, Long, Long> order, Context ctx, Collector<String> out) throws Exception {
            if (earlyPayment.value() != null) {
                out.collect("order " + ctx.getCurrentKey() + " paid " + earlyPayment.value());
                earlyPayment.clear();
                return;
            }
            pendingOrder.update(order.f1);
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + TIMEOUT);
        }

        @Override
        public void processElement2(Tuple3<Long, Long, Long> payment, Context ctx, Collector<String> out) throws Exception {
            if (pendingOrder.value() != null) {
                out.collect("order " + ctx.getCurrentKey() + " paid " + payment.f1);
                pendingOrder.clear();
                return;
            }
            earlyPayment.update(payment.f1);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            if (pendingOrder.value() != null) {
                out.collect("order " + ctx.getCurrentKey() + " unpaid at " + timestamp);
                pendingOrder.clear();
            }
        }
    }

    /**
     * Builds the job on {@code env}: {@code orders} come through {@code beforeJoin} (a pass-through,
     * for example a failure injector) before timestamps are assigned.
     */
    static DataStream<String> build(StreamExecutionEnvironment env, long n, MapFunction<Long, Long> beforeJoin) {
        return build(env, n, 0, beforeJoin);
    }

    /**
     * As {@link #build(StreamExecutionEnvironment, long, MapFunction)}, with each orders reader paced to
     * {@code perCheckpoint} records between completed checkpoints when it is positive (see {@link PacedSource}).
     */
    static DataStream<String> build(StreamExecutionEnvironment env, long n, long perCheckpoint, MapFunction<Long, Long> beforeJoin) {
        io.weir.api.connector.source.lib.NumberSequenceSource ids = new io.weir.api.connector.source.lib.NumberSequenceSource(0, n - 1);
        DataStream<Long> orderIds = perCheckpoint > 0 ? env.fromSource(new PacedSource<>(ids, perCheckpoint), "Sequence Source")
                : env.fromSource(ids, "Sequence Source");
        DataStream<Tuple3<Long, Long, Long>> orders = orderIds.map(beforeJoin).map(new Order())
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple3<Long, Long, Long>>forMonotonousTimestamps().withTimestampAssigner((o, ts) -> o.f2));
        DataStream<Tuple3<Long, Long, Long>> payments = env.fromSequence(0, n - 1).filter(OrderPaymentJoin::isPaid).map(new Payment())
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple3<Long, Long, Long>>forMonotonousTimestamps().withTimestampAssigner((p, ts) -> p.f2));
        return orders.connect(payments).keyBy(o -> o.f0, p -> p.f0).process(new MatchPayments()).uid("match-payments");
    }
}
