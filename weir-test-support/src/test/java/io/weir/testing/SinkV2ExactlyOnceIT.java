package io.weir.testing;

import io.weir.api.connector.source.lib.NumberSequenceSource;
import io.weir.api.connector.sink2.CommitterInitContext;
import io.weir.api.connector.sink2.Committer;
import io.weir.api.connector.sink2.CommittingSinkWriter;
import io.weir.api.connector.sink2.Sink;
import io.weir.api.connector.sink2.SinkWriter;
import io.weir.api.connector.sink2.StatefulSinkWriter;
import io.weir.api.connector.sink2.SupportsCommitter;
import io.weir.api.connector.sink2.SupportsWriterState;
import io.weir.api.connector.sink2.WriterInitContext;
import io.weir.api.io.SimpleVersionedSerializer;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobExecutionResult;
import io.weir.api.restart.RestartStrategies;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Sink V2 sink with a committer and writer state, via {@code sinkTo}, under an injected failure: what its committer
 * made visible is exactly the input, each element once, and the writers' checkpointed counters add up to the input.
 */
@Timeout(300)
class SinkV2ExactlyOnceIT {
    static final long N = 4_000;
    /** Committed batches by id: what a reader of the external system would see. */
    static final Map<String, List<Long>> VISIBLE = new ConcurrentHashMap<>();
    /** The final counter of each subtask's writer, reported at the end of input. */
    static final Map<Integer, Long> FINAL_COUNTS = new ConcurrentHashMap<>();

    @TempDir
    Path checkpoints;

    /** A batch of elements under a unique id: the committable. */
    record Batch(String id, List<Long> elements) {}

    static final class BatchSerializer implements SimpleVersionedSerializer<Batch> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(Batch b) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(b.id());
            out.writeInt(b.elements().size());
            for (long e : b.elements()) {
                out.writeLong(e);
            }
            out.flush();
            return bytes.toByteArray();
        }

        @Override
        public Batch deserialize(int version, byte[] serialized) throws IOException {
            assertThat(version).isEqualTo(1);
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized));
            String id = in.readUTF();
            int n = in.readInt();
            List<Long> elements = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                elements.add(in.readLong());
            }
            return new Batch(id, elements);
        }
    }

    static final class CountSerializer implements SimpleVersionedSerializer<Long> {
        @Override
        public int getVersion() {
            return 7;
        }

        @Override
        public byte[] serialize(Long count) {
            return java.nio.ByteBuffer.allocate(8).putLong(count).array();
        }

        @Override
        public Long deserialize(int version, byte[] serialized) {
            assertThat(version).isEqualTo(7);
            return java.nio.ByteBuffer.wrap(serialized).getLong();
        }
    }

    /** Buffers elements into batches; counts what it wrote in its state; commits batches idempotently by id. */
    static final class BatchingSink implements Sink<Long>, SupportsCommitter<Batch>, SupportsWriterState<Long, Long> {
        private static final long serialVersionUID = 1L;

        final class Writer implements CommittingSinkWriter<Long, Batch>, StatefulSinkWriter<Long, Long> {
            private final WriterInitContext context;
            private List<Long> buffer = new ArrayList<>();
            private long count;
            private int sequence;

            Writer(WriterInitContext context, long count) {
                this.context = context;
                this.count = count;
            }

            @Override
            public void write(Long element, Context ctx) {
                buffer.add(element);
                count++;
            }

            @Override
            public void flush(boolean endOfInput) {
                if (endOfInput) {
                    FINAL_COUNTS.put(context.getSubtaskId(), count);
                }
            }

            @Override
            public Collection<Batch> prepareCommit() {
                if (buffer.isEmpty()) {
                    return List.of();
                }
                Batch b = new Batch("s" + context.getSubtaskId() + "-a" + context.getAttemptNumber() + "-" + sequence++, buffer);
                buffer = new ArrayList<>();
                return List.of(b);
            }

            @Override
            public List<Long> snapshotState(long checkpointId) {
                return List.of(count);
            }

            @Override
            public void close() {}
        }

        @Override
        public SinkWriter<Long> createWriter(WriterInitContext context) {
            return new Writer(context, 0);
        }

        @Override
        public StatefulSinkWriter<Long, Long> restoreWriter(WriterInitContext context, Collection<Long> recoveredState) {
            return new Writer(context, recoveredState.stream().mapToLong(Long::longValue).sum());
        }

        @Override
        public SimpleVersionedSerializer<Long> getWriterStateSerializer() {
            return new CountSerializer();
        }

        @Override
        public Committer<Batch> createCommitter(CommitterInitContext context) {
            return new Committer<>() {
                @Override
                public void commit(Collection<CommitRequest<Batch>> requests) {
                    for (CommitRequest<Batch> r : requests) {
                        if (r.getNumberOfRetries() == 0 && r.getCommittable().id().endsWith("-1")) {
                            r.retryLater(); // the second batch of each writer makes the committer retry once
                        } else if (VISIBLE.putIfAbsent(r.getCommittable().id(), r.getCommittable().elements()) != null) {
                            r.signalAlreadyCommitted();
                        }
                    }
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public SimpleVersionedSerializer<Batch> getCommittableSerializer() {
            return new BatchSerializer();
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 3})
    void whatTheCommitterMadeVisibleIsTheInputExactlyOnce(int parallelism) throws Exception {
        BroadcastStateRecoveryIT.FAILED.set(false);
        VISIBLE.clear();
        FINAL_COUNTS.clear();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.enableCheckpointing(20);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toUri().toString());
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(2, 0));
        env.fromSource(new PacedSource<>(new NumberSequenceSource(0, N - 1), N / 8 / parallelism), "numbers")
                .map(new BroadcastStateRecoveryIT.FailAfterCheckpoints()).sinkTo(new BatchingSink());

        JobClient client = env.executeAsync("sink v2 p" + parallelism);
        JobExecutionResult result = client.getJobExecutionResult().get(4, TimeUnit.MINUTES);

        assertThat(BroadcastStateRecoveryIT.FAILED).as("the failure was injected").isTrue();
        assertThat(result.getRestarts()).isEqualTo(1);
        List<Long> visible = new ArrayList<>();
        VISIBLE.values().forEach(visible::addAll);
        assertThat(visible).as("no duplicates").doesNotHaveDuplicates();
        assertThat(visible).hasSize((int) N);
        SameElements.assertSameElements("visible elements", visible, java.util.stream.LongStream.range(0, N).boxed().toList());
        assertThat(VISIBLE.keySet()).as("retried batches were committed too").anyMatch(id -> id.endsWith("-1"));
        assertThat(FINAL_COUNTS.values().stream().mapToLong(Long::longValue).sum()).as("writer state restored, counted once").isEqualTo(N);
    }
}
