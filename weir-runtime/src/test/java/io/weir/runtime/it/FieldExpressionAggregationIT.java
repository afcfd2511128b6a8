package io.weir.runtime.it;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.tuple.Tuple2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keyed aggregations by field expression, as Flink names fields: "f1" on tuples, names and "a.b" on POJOs. */
@Timeout(60)
class FieldExpressionAggregationIT {
    /** A POJO with a public field and a nested POJO reached through a getter and setter. */
    public static class Reading implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        public String sensor;
        private Stats stats = new Stats();

        public Reading() {}

        Reading(String sensor, long count, double max) {
            this.sensor = sensor;
            this.stats.count = count;
            this.stats.max = max;
        }

        public Stats getStats() {
            return stats;
        }

        public void setStats(Stats stats) {
            this.stats = stats;
        }

        @Override
        public String toString() {
            return sensor + ":" + stats.count + "/" + stats.max;
        }
    }

    public static class Stats implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        public long count;
        public double max;
    }

    @Test
    void tupleFieldsByName() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        List<Tuple2<String, Long>> out = env.fromData(Tuple2.of("a", 1L), Tuple2.of("a", 5L), Tuple2.of("a", 2L))
                .keyBy(t -> t.f0).sum("f1").executeAndCollect(3);
        assertThat(out).containsExactly(Tuple2.of("a", 1L), Tuple2.of("a", 6L), Tuple2.of("a", 8L));
        List<Tuple2<String, Long>> max = env.fromData(Tuple2.of("a", 1L), Tuple2.of("a", 5L), Tuple2.of("a", 2L))
                .keyBy(t -> t.f0).max("1").executeAndCollect(3);
        assertThat(max).extracting(t -> t.f1).containsExactly(1L, 5L, 5L);
    }

    @Test
    void nestedPojoFieldsThroughGettersAndSettersAndTheInputIsNotChanged() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        List<Reading> in = List.of(new Reading("s", 1, 3.0), new Reading("s", 2, 9.0), new Reading("s", 4, 1.0));
        List<String> sums = env.fromData(in).keyBy(r -> r.sensor).sum("stats.count").map(Reading::toString).executeAndCollect(3);
        assertThat(sums).containsExactly("s:1/3.0", "s:3/3.0", "s:7/3.0");
        List<String> maxBy = env.fromData(in).keyBy(r -> r.sensor).maxBy("stats.max").map(Reading::toString).executeAndCollect(3);
        assertThat(maxBy).containsExactly("s:1/3.0", "s:2/9.0", "s:2/9.0");
        assertThat(in.get(0).stats.count).as("inputs untouched").isEqualTo(1);
    }

    @Test
    void aFieldThatDoesNotExistFailsTheJobNamingIt() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.setRestartStrategy(io.weir.api.restart.RestartStrategies.noRestart());
        env.fromData(new Reading("s", 1, 1), new Reading("s", 2, 2)).keyBy(r -> r.sensor).sum("stats.cnt").print();
        assertThatThrownBy(() -> env.execute("bad field")).hasStackTraceContaining("\"stats.cnt\"").hasStackTraceContaining("'cnt'");
    }

    @Test
    void windowedAggregationsByFieldName() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        List<Tuple2<String, Long>> out = env.fromData(Tuple2.of("a", 1L), Tuple2.of("a", 5L), Tuple2.of("b", 2L), Tuple2.of("a", 7L))
                .assignTimestampsAndWatermarks(io.weir.api.eventtime.WatermarkStrategy.<Tuple2<String, Long>>forMonotonousTimestamps()
                        .withTimestampAssigner((t, ts) -> t.f1))
                .keyBy(t -> t.f0).window(io.weir.api.windowing.TumblingEventTimeWindows.of(java.time.Duration.ofMillis(6)))
                .sum("f1").executeAndCollect(3);
        assertThat(out).containsExactlyInAnyOrder(Tuple2.of("a", 6L), Tuple2.of("b", 2L), Tuple2.of("a", 7L));
        List<Tuple2<String, Long>> all = env.fromData(Tuple2.of("a", 1L), Tuple2.of("b", 4L))
                .windowAll(io.weir.api.windowing.GlobalWindows.create()).trigger(io.weir.api.windowing.triggers.CountTrigger.of(2))
                .maxBy("f1").executeAndCollect(1);
        assertThat(all).containsExactly(Tuple2.of("b", 4L));
    }
}
