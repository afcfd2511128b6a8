package io.weir.runtime.it;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.sink.TwoPhaseCommitSinkFunction;
import io.weir.api.tuple.Tuple2;
import io.weir.runtime.serialization.Serializers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A two-phase-commit sink owns the records in its transaction: with object reuse disabled, a record
 * is copied before it goes into the transaction, so a map chained before the sink (same task, no
 * copy between them) may reuse its output object. With object reuse enabled the sink gets the very
 * object, every time.
 */
@Timeout(60)
class TwoPhaseCommitSinkOwnershipIT {
    static final long N = 100;

    /** What each sink's transactions held when they were pre-committed, by sink id. */
    static final Map<String, List<Tuple2<String, Long>>> PREPARED = new ConcurrentHashMap<>();
    static final Map<String, List<Tuple2<String, Long>>> OPEN = new ConcurrentHashMap<>();

    /** Emits (k, value) in one reused object. */
    static final class ReusingMap implements MapFunction<Long, Tuple2<String, Long>> {
        private transient Tuple2<String, Long> out;

        @Override
        public Tuple2<String, Long> map(Long value) {
            if (out == null) {
                out = new Tuple2<>();
            }
            out.f0 = "k";
            out.f1 = value;
            return out;
        }
    }

    /** Keeps the records of a transaction in memory, keyed by a transaction id; pre-commit publishes them to {@link #PREPARED}. */
    static final class RecordingSink extends TwoPhaseCommitSinkFunction<Tuple2<String, Long>, String, Void> {
        private final String sinkId = UUID.randomUUID().toString();

        RecordingSink() {
            super(Serializers.forClass(String.class));
            PREPARED.put(sinkId, java.util.Collections.synchronizedList(new ArrayList<>()));
        }

        List<Tuple2<String, Long>> prepared() {
            return PREPARED.get(sinkId);
        }

        @Override
        protected String beginTransaction() {
            String txn = UUID.randomUUID().toString();
            OPEN.put(txn, new ArrayList<>());
            return txn;
        }

        @Override
        protected void invoke(String transaction, Tuple2<String, Long> value, Context context) {
            OPEN.get(transaction).add(value);
        }

        @Override
        protected void preCommit(String transaction) {
            PREPARED.get(sinkId).addAll(OPEN.remove(transaction));
        }

        @Override
        protected void commit(String transaction) {}

        @Override
        protected void abort(String transaction) {
            OPEN.remove(transaction);
        }
    }

    private static List<Long> values(List<Tuple2<String, Long>> records) {
        return records.stream().map(t -> t.f1).toList();
    }

    @Test
    void whenAChainedMapReusesItsOutputObject_thenTheTransactionKeepsEveryValue() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        RecordingSink sink = new RecordingSink();
        env.fromSequence(1, N).map(new ReusingMap()).addSink(sink);
        env.execute("2pc sink after a reusing map");
        assertThat(values(sink.prepared())).containsExactlyElementsOf(LongStream.rangeClosed(1, N).boxed().toList());
    }

    @Test
    void withObjectReuse_theTransactionGetsTheEmittedObjectItself() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.getConfig().enableObjectReuse();
        RecordingSink sink = new RecordingSink();
        env.fromSequence(1, N).map(new ReusingMap()).addSink(sink);
        env.execute("2pc sink after a reusing map, object reuse");
        List<Tuple2<String, Long>> prepared = sink.prepared();
        assertThat(prepared).hasSize((int) N);
        assertThat(prepared).allSatisfy(t -> assertThat(t).isSameAs(prepared.get(0)));
    }
}
