package io.weir.testing;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobExecutionResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a job twice, once with injected failures and once without, and compares what its
 * {@link CollectingSink} committed: with exactly-once the two are equal as multisets; with
 * at-least-once nothing may be missing.
 *
 * <pre>{@code
 * ExactlyOnceVerifier.Outcome<String> o = ExactlyOnceVerifier.run(
 *         () -> StreamExecutionEnvironment.createLocalEnvironment(2),
 *         (env, injector, sink) -> env.fromSequence(1, 10_000).map(injector).map(String::valueOf).addSink(sink),
 *         FaultInjector.of(seed, 3, 5_000));
 * o.assertExactlyOnce();
 * }</pre>
 */
public final class ExactlyOnceVerifier {
    private ExactlyOnceVerifier() {}

    /** Builds the job under test into {@code env}, with the injector somewhere in it and the sink at its end. */
    @FunctionalInterface
    public interface JobBuilder<T> {
        void build(StreamExecutionEnvironment env, FaultInjector<Object> injector, CollectingSink<T> sink) throws Exception;
    }

    /** The committed outputs of both runs. */
    public record Outcome<T>(List<T> expected, List<T> actual, int restarts, long seed) {

        /** Elements whose count differs: positive = duplicated in the faulty run, negative = missing. */
        public Map<T, Long> differences() {
            Map<T, Long> d = new HashMap<>();
            for (T t : actual) {
                d.merge(t, 1L, Long::sum);
            }
            for (T t : expected) {
                d.merge(t, -1L, Long::sum);
            }
            d.values().removeIf(v -> v == 0);
            return d;
        }

        public void assertExactlyOnce() {
            Map<T, Long> d = differences();
            if (!d.isEmpty()) {
                throw new AssertionError("Not exactly once (seed " + seed + ", " + restarts + " restarts): " + describe(d));
            }
        }

        public void assertAtLeastOnce() {
            Map<T, Long> missing = new HashMap<>(differences());
            missing.values().removeIf(v -> v > 0);
            if (!missing.isEmpty()) {
                throw new AssertionError("Records lost (seed " + seed + ", " + restarts + " restarts): " + describe(missing));
            }
        }

        private static <T> String describe(Map<T, Long> d) {
            List<String> parts = new ArrayList<>();
            int shown = 0;
            for (Map.Entry<T, Long> e : d.entrySet()) {
                if (shown++ == 10) {
                    parts.add("... " + (d.size() - 10) + " more");
                    break;
                }
                parts.add(e.getKey() + (e.getValue() > 0 ? " +" : " ") + e.getValue());
            }
            return d.size() + " differing elements: " + String.join(", ", parts);
        }
    }

    @SuppressWarnings("unchecked")
    public static <T> Outcome<T> run(Supplier<StreamExecutionEnvironment> environment, JobBuilder<T> job, FaultInjector<?> injector)
            throws Exception {
        CollectingSink<T> reference = CollectingSink.create();
        StreamExecutionEnvironment env = environment.get();
        job.build(env, (FaultInjector<Object>) injector.disabled(), reference);
        env.execute("reference run (seed " + injector.seed() + ")");
        CollectingSink<T> faulty = CollectingSink.create();
        StreamExecutionEnvironment env2 = environment.get();
        job.build(env2, (FaultInjector<Object>) injector, faulty);
        JobExecutionResult r = env2.execute("faulty run (seed " + injector.seed() + ")");
        return new Outcome<>(reference.committed(), faulty.committed(), r.getRestarts(), injector.seed());
    }
}
