package io.weir.testing;

import io.weir.api.connector.source.lib.NumberSequenceSource;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.KeyedStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.state.ReducingState;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.util.Collector;
import io.weir.api.windowing.GlobalWindow;
import io.weir.api.windowing.GlobalWindows;
import io.weir.api.windowing.triggers.TriggerResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Count windows and a custom trigger in one job whose output does not depend on interleaving: the numbers
 * 0..n-1 come from one source subtask, so each key ({@code x % KEYS}) sees its numbers in ascending order
 * at whichever window subtask it lands on. Three window operators on the keyed numbers:
 * <ul>
 *   <li>{@code countWindow(5)}: "tumbling k [five numbers]";</li>
 *   <li>{@code countWindow(4, 2)} (count trigger and count evictor): "sliding k [up to four numbers]" every two numbers;</li>
 *   <li>global windows with {@link SumAtLeast}, a custom trigger whose running sum is partitioned state:
 *       "sum k [numbers]" each time a key's numbers since the last firing add up to {@link #THRESHOLD}.</li>
 * </ul>
 * Window contents, trigger state and evictor-kept elements are all in checkpoints, so after a failure the
 * output must be exactly the failure-free one.
 */
final class TriggerWindowsJob {
    static final int KEYS = 7;
    static final long THRESHOLD = 2_000;

    private TriggerWindowsJob() {}

    /** Fires and purges once the elements since the last firing add up to {@link #THRESHOLD}. */
    static final class SumAtLeast extends WindowTriggerTest.ElementTrigger<Long, GlobalWindow> {
        private final ReducingStateDescriptor<Long> sum = new ReducingStateDescriptor<>("sum", Long::sum, Long.class);

        @Override
        public TriggerResult onElement(Long element, long timestamp, GlobalWindow window, TriggerContext ctx) throws Exception {
            ReducingState<Long> s = ctx.getPartitionedState(sum);
            s.add(element);
            if (s.get() < THRESHOLD) {
                return TriggerResult.CONTINUE;
            }
            s.clear();
            return TriggerResult.FIRE_AND_PURGE;
        }

        @Override
        public void clear(GlobalWindow window, TriggerContext ctx) {
            ctx.getPartitionedState(sum).clear();
        }
    }

    /** "label key [numbers]". */
    static final class Describe extends ProcessWindowFunction<Long, String, Long, GlobalWindow> {
        private final String label;

        Describe(String label) {
            this.label = label;
        }

        @Override
        public void process(Long key, Context ctx, Iterable<Long> elements, Collector<String> out) {
            List<Long> numbers = new ArrayList<>();
            elements.forEach(numbers::add);
            out.collect(label + " " + key + " " + numbers);
        }
    }

    /**
     * The job over 0..n-1, the numbers passing {@code beforeWindows} (a pass-through, for example a failure injector)
     * in the source's task; paced to {@code perCheckpoint} numbers between checkpoints when positive.
     */
    static DataStream<String> build(StreamExecutionEnvironment env, long n, long perCheckpoint, MapFunction<Long, Long> beforeWindows) {
        NumberSequenceSource source = new NumberSequenceSource(0, n - 1);
        DataStream<Long> numbers = (perCheckpoint > 0 ? env.fromSource(new PacedSource<>(source, perCheckpoint), "numbers")
                : env.fromSource(source, "numbers")).setParallelism(1)
                .map(beforeWindows).setParallelism(1);
        KeyedStream<Long, Long> keyed = numbers.keyBy(x -> x % KEYS);
        return keyed.countWindow(5).process(new Describe("tumbling")).uid("tumbling")
                .union(keyed.countWindow(4, 2).process(new Describe("sliding")).uid("sliding"),
                        keyed.window(GlobalWindows.create()).trigger(new SumAtLeast()).process(new Describe("sum")).uid("sum"));
    }

    /** The failure-free output for 0..n-1. */
    static List<String> expected(long n) {
        List<String> out = new ArrayList<>();
        Map<Long, List<Long>> tumbling = new HashMap<>();
        Map<Long, List<Long>> sliding = new HashMap<>();
        Map<Long, List<Long>> sums = new HashMap<>();
        for (long x = 0; x < n; x++) {
            long k = x % KEYS;
            List<Long> t = tumbling.computeIfAbsent(k, key -> new ArrayList<>());
            t.add(x);
            if (t.size() == 5) {
                out.add("tumbling " + k + " " + t);
                t.clear();
            }
            List<Long> s = sliding.computeIfAbsent(k, key -> new ArrayList<>());
            s.add(x);
            if ((x / KEYS) % 2 == 1) {
                if (s.size() > 4) {
                    s.subList(0, s.size() - 4).clear();
                }
                out.add("sliding " + k + " " + s);
            }
            List<Long> u = sums.computeIfAbsent(k, key -> new ArrayList<>());
            u.add(x);
            if (u.stream().mapToLong(Long::longValue).sum() >= THRESHOLD) {
                out.add("sum " + k + " " + u);
                u.clear();
            }
        }
        return out;
    }
}
