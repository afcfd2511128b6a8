package io.weir.runtime.it;

import io.weir.api.configuration.Configuration;
import io.weir.api.datastream.SingleOutputStreamOperator;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobExecutionException;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.MapFunction;
import io.weir.api.graph.OperatorKind;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.tuple.Tuple2;
import io.weir.api.typeinfo.TypeHint;
import io.weir.api.typeinfo.TypeInformation;
import io.weir.api.typeinfo.Types;
import io.weir.api.typeutils.ResultTypeQueryable;
import io.weir.api.util.Collector;
import io.weir.runtime.harness.OperatorHarnessDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Declared types in running jobs: returns(...) fixes and checks the stream's format; state from TypeInformation uses its serializer. */
@Timeout(120)
class TypeInformationIT {

    @Test
    void aDeclaredTypeIsTheStreamsTypeAndItsElementsFlowThrough() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        SingleOutputStreamOperator<Tuple2<String, Long>> pairs = env.fromSequence(1, 100)
                .map(x -> Tuple2.of("k" + (x % 3), x)).returns(new TypeHint<Tuple2<String, Long>>() {});
        assertThat(pairs.getType()).isEqualTo(Types.TUPLE(Types.STRING, Types.LONG));
        List<Tuple2<String, Long>> out = pairs.keyBy(t -> t.f0).sum(1).executeAndCollect(100);
        assertThat(out).hasSize(100);
        assertThat(out.stream().filter(t -> t.f0.equals("k0")).mapToLong(t -> t.f1).max().getAsLong())
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, 100).filter(x -> x % 3 == 0).sum());
    }

    static final class Mislabelled implements MapFunction<Long, Object> {
        @Override
        public Object map(Long value) {
            return value; // declared below as String
        }
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void anElementOfAnotherTypeThanDeclaredFailsTheJobNamingTheOperatorAndBothTypes() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.setRestartStrategy(io.weir.api.restart.RestartStrategies.noRestart());
        SingleOutputStreamOperator<Object> mislabelled = env.fromSequence(1, 10).map(new Mislabelled()).name("mislabelled");
        ((SingleOutputStreamOperator) mislabelled).returns(Types.STRING);
        mislabelled.rebalance().addSink(new io.weir.api.functions.sink.DiscardingSink<>());
        assertThatThrownBy(() -> env.execute("mislabelled")).isInstanceOf(JobExecutionException.class)
                .hasStackTraceContaining("operator 'mislabelled'").hasStackTraceContaining("declared as String")
                .hasStackTraceContaining("java.lang.Long");
    }

    static final class Tagged implements MapFunction<Long, String>, ResultTypeQueryable<String> {
        @Override
        public String map(Long value) {
            return "v" + value;
        }

        @Override
        public TypeInformation<String> getProducedType() {
            return Types.STRING;
        }
    }

    @Test
    void aResultTypeQueryableFunctionDeclaresItsStreamsType() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        assertThat(env.fromSequence(1, 2).map(new Tagged()).getType()).isSameAs(Types.STRING);
        assertThat(env.fromSequence(1, 2).map(x -> x).getType().getTypeClass()).as("undeclared").isEqualTo(Object.class);
    }

    /** Keeps, per key, the last (name, count) pair in a ValueState declared with a TypeHint or with Types.STRING. */
    static final class LastPair extends KeyedProcessFunction<Long, Long, String> {
        private final boolean asString;
        private transient ValueState<Object> last;

        LastPair(boolean asString) {
            this.asString = asString;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public void open(Configuration parameters) {
            last = getRuntimeContext().getState(asString ? new ValueStateDescriptor("last", Types.STRING)
                    : new ValueStateDescriptor("last", new TypeHint<Tuple2<String, Long>>() {}.getTypeInfo()));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
            out.collect(value + " after " + last.value());
            last.update(asString ? "s" + value : Tuple2.of("n" + value, value));
        }
    }

    private static OperatorHarnessDriver lastPair(boolean asString, List<byte[]> restoreFrom) throws Exception {
        OperatorHarnessDriver d = new OperatorHarnessDriver(OperatorKind.KEYED_PROCESS, new LastPair(asString), (Long x) -> x % 2, 0, 1,
                128, restoreFrom);
        d.open();
        return d;
    }

    @Test
    void stateDeclaredWithTypeInformationIsRestoredAndAChangedTypeIsRefused() throws Exception {
        OperatorHarnessDriver d = lastPair(false, null);
        d.processElement(4L, null);
        byte[] snapshot = d.snapshot(1, 0);

        OperatorHarnessDriver restored = lastPair(false, List.of(snapshot));
        restored.processElement(6L, null);
        assertThat(restored.output().get(0).value()).isEqualTo("6 after (n4,4)");

        assertThatThrownBy(() -> lastPair(true, List.of(snapshot))).hasStackTraceContaining("RestoreRefusedException")
                .hasStackTraceContaining("state 'last'")
                .hasStackTraceContaining("'tuple2'").hasStackTraceContaining("'string'");
    }
}
