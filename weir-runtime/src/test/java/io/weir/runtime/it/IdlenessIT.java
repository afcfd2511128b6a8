package io.weir.runtime.it;

import io.weir.api.configuration.ConfigKeys;
import io.weir.api.configuration.Configuration;
import io.weir.api.connector.source.Boundedness;
import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.sink.SinkFunction;
import io.weir.api.typeutils.TypeSerializer;
import io.weir.api.windowing.TumblingEventTimeWindows;
import io.weir.runtime.serialization.Serializers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A source subtask without data must not hold back event time once it is idle: the window closes
 * while that subtask is still running (it ends only after the window result has arrived).
 */
class IdlenessIT {
    static final AtomicLong RESULT = new AtomicLong(-1);

    /** Subtask 0 emits 0..999 and 1500, subtask 1 nothing; both end only after the window result arrived. */
    static final class OneBusyOneIdle implements Source<Long, Integer> {
        @Override
        public Boundedness getBoundedness() {
            return Boundedness.BOUNDED;
        }

        @Override
        public List<Integer> createSplits(int parallelism) {
            List<Integer> splits = new ArrayList<>();
            for (int i = 0; i < parallelism; i++) {
                splits.add(i);
            }
            return splits;
        }

        @Override
        public SourceReader<Long, Integer> createReader(SourceReaderContext context) {
            return new SourceReader<>() {
                private final List<Integer> splits = new ArrayList<>();
                private final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                private boolean emitted;

                @Override
                public void addSplits(List<Integer> added) {
                    splits.addAll(added);
                }

                @Override
                public InputStatus pollNext(ReaderOutput<Long> output) {
                    if (!emitted && splits.contains(0)) {
                        for (long ts = 0; ts < 1000; ts++) {
                            output.collect(ts, ts);
                        }
                        output.collect(1500L, 1500L);
                    }
                    emitted = true;
                    if (RESULT.get() >= 0) {
                        return InputStatus.END_OF_INPUT;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the window did not fire within 60 s while a source subtask was idle");
                    }
                    return InputStatus.NOTHING_AVAILABLE;
                }

                @Override
                public List<Integer> snapshotState(long checkpointId) {
                    return List.copyOf(splits);
                }
            };
        }

        @Override
        public TypeSerializer<Integer> getSplitSerializer() {
            return Serializers.forClass(Integer.class);
        }
    }

    /** Notes the result of the window [0, 1000). */
    static final class FirstWindow implements SinkFunction<Long> {
        @Override
        public void invoke(Long value, Context context) {
            if (context.timestamp() == 999L) {
                RESULT.set(value);
            }
        }
    }

    @Test
    void anIdleSourceSubtaskDoesNotHoldBackTheWindows() throws Exception {
        RESULT.set(-1);
        Configuration conf = new Configuration();
        conf.setString(ConfigKeys.AUTO_WATERMARK_INTERVAL, "20 ms");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        env.fromSource(new OneBusyOneIdle(), "one busy, one idle")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps().withIdleness(Duration.ofMillis(100)))
                .keyBy(x -> 0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .reduce(Long::sum)
                .addSink(new FirstWindow());
        env.execute("idleness");
        assertThat(RESULT).hasValue(999L * 1000 / 2);
    }
}
