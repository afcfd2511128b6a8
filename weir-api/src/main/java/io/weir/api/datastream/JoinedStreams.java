package io.weir.api.datastream;

import io.weir.api.datastream.CoGroupedStreams.TaggedUnion;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.FlatJoinFunction;
import io.weir.api.functions.JoinFunction;
import io.weir.api.functions.KeySelector;
import io.weir.api.windowing.Time;
import io.weir.api.windowing.Window;
import io.weir.api.windowing.WindowAssigner;
import io.weir.api.windowing.evictors.Evictor;
import io.weir.api.windowing.triggers.Trigger;

import java.time.Duration;
import java.util.Objects;

/**
 * Two streams joined by key within windows, made by {@link DataStream#join}: name the key of each
 * input with {@link #where} and {@link Where#equalTo}, the windows with {@link Where.EqualTo#window},
 * then give a {@link JoinFunction} or {@link FlatJoinFunction} to {@link WithWindow#apply}:
 *
 * <pre>{@code
 * clicks.join(impressions)
 *     .where(c -> c.adId).equalTo(i -> i.adId)
 *     .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
 *     .apply((click, impression) -> click.userId + " saw " + impression.adId);
 * }</pre>
 *
 * <p>An inner join: when a window of a key fires, the function is called once for every pair of a
 * first-input and a second-input element of that key in that window (first-input elements in the outer
 * loop, each side in arrival order); a key with elements on one side only yields nothing. Results
 * carry the window's {@code maxTimestamp()}. With sliding windows a pair that shares several windows is
 * joined once per window, as in Flink.
 *
 * <p>It runs as a {@linkplain CoGroupedStreams co-group} whose function emits the cross product, on
 * Weir's keyed window operator: window contents are keyed state, checkpointed and restored (also at
 * another parallelism). The differences from Flink 1.20 are those listed on {@link CoGroupedStreams}.
 * This object and the steps it returns only build the job, on the thread that builds it; they are not
 * thread-safe.
 *
 * @param <T1> the type of the first input's elements
 * @param <T2> the type of the second input's elements
 */
public class JoinedStreams<T1, T2> {
    private final CoGroupedStreams<T1, T2> coGroup;

    /**
     * Joins {@code input1} with {@code input2}; {@link DataStream#join} is the usual way to call it.
     *
     * @throws NullPointerException if an input is null
     * @throws IllegalArgumentException if the inputs belong to different execution environments
     */
    public JoinedStreams(DataStream<T1> input1, DataStream<T2> input2) {
        this.coGroup = new CoGroupedStreams<>(input1, input2);
    }

    /** The environment both inputs belong to. */
    public StreamExecutionEnvironment getExecutionEnvironment() {
        return coGroup.getExecutionEnvironment();
    }

    /**
     * Names the key of the first input's elements.
     *
     * @param keySelector the key of a first-input element; must be deterministic and never return null
     * @return the next step, which names the second input's key
     * @throws NullPointerException if {@code keySelector} is null
     */
    public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector) {
        return new Where<>(coGroup.where(keySelector));
    }

    /**
     * The join with the first input's key set.
     *
     * @param <KEY> the key type, the same for both inputs
     */
    public class Where<KEY> {
        private final CoGroupedStreams<T1, T2>.Where<KEY> where;

        Where(CoGroupedStreams<T1, T2>.Where<KEY> where) {
            this.where = where;
        }

        /**
         * Names the key of the second input's elements: pairs are formed of elements whose keys are equal.
         *
         * @param keySelector the key of a second-input element, of the same type as the first input's
         * @return the next step, which names the windows
         * @throws NullPointerException if {@code keySelector} is null
         */
        public EqualTo equalTo(KeySelector<T2, KEY> keySelector) {
            return new EqualTo(where.equalTo(keySelector));
        }

        /** The join with both keys set. */
        public class EqualTo {
            private final CoGroupedStreams<T1, T2>.Where<KEY>.EqualTo equalTo;

            EqualTo(CoGroupedStreams<T1, T2>.Where<KEY>.EqualTo equalTo) {
                this.equalTo = equalTo;
            }

            /**
             * Names the windows: only elements in the same window are paired (by timestamp for
             * event-time assigners, which need timestamps on both inputs).
             *
             * @return the last step, which takes the join function
             * @throws IllegalArgumentException if {@code assigner} is null
             */
            public <W extends Window> WithWindow<T1, T2, KEY, W> window(WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
                return new WithWindow<>(equalTo.window(assigner));
            }
        }
    }

    /**
     * The join with keys and windows set; {@code apply} finishes it.
     *
     * @param <T1> the type of the first input's elements
     * @param <T2> the type of the second input's elements
     * @param <KEY> the key type
     * @param <W> the window type
     */
    public static class WithWindow<T1, T2, KEY, W extends Window> {
        private final CoGroupedStreams.WithWindow<T1, T2, KEY, W> coGroup;

        WithWindow(CoGroupedStreams.WithWindow<T1, T2, KEY, W> coGroup) {
            this.coGroup = coGroup;
        }

        /**
         * Keeps each event-time window for {@code lateness} after it fired: a late element makes the
         * window fire again, and then every pair of the window is joined again (also those already
         * emitted), as in Flink. Default zero; elements later than that are dropped.
         *
         * @throws IllegalArgumentException if {@code lateness} is negative or null
         */
        public WithWindow<T1, T2, KEY, W> allowedLateness(Duration lateness) {
            coGroup.allowedLateness(lateness);
            return this;
        }

        /** Flink's deprecated form of {@link #allowedLateness(Duration)}. */
        @Deprecated
        public WithWindow<T1, T2, KEY, W> allowedLateness(Time lateness) {
            coGroup.allowedLateness(lateness);
            return this;
        }

        /**
         * Sets the trigger of the window operator: each firing joins the pairs of the window's current
         * elements (see {@link WindowedStream#trigger}).
         *
         * @throws IllegalArgumentException if {@code trigger} is null
         */
        public WithWindow<T1, T2, KEY, W> trigger(Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger) {
            coGroup.trigger(trigger);
            return this;
        }

        /**
         * Sets the evictor of the window operator (see {@link WindowedStream#evictor}).
         *
         * @throws IllegalArgumentException if {@code evictor} is null
         */
        public WithWindow<T1, T2, KEY, W> evictor(Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor) {
            coGroup.evictor(evictor);
            return this;
        }

        /**
         * Joins with {@code function}: one result per pair.
         *
         * @return the results; set the window operator's parallelism, name or uid on it
         * @throws IllegalArgumentException if {@code function} is null
         */
        public <T> SingleOutputStreamOperator<T> apply(JoinFunction<T1, T2, T> function) {
            return coGroup.build(function, "JoinFunction");
        }

        /**
         * Joins with {@code function}: any number of results per pair.
         *
         * @return the results; set the window operator's parallelism, name or uid on it
         * @throws IllegalArgumentException if {@code function} is null
         */
        public <T> SingleOutputStreamOperator<T> apply(FlatJoinFunction<T1, T2, T> function) {
            return coGroup.build(function, "FlatJoinFunction");
        }

        /** Flink's deprecated twin of {@link #apply(JoinFunction)} (Flink's {@code apply} returned a plain DataStream). */
        @Deprecated
        public <T> SingleOutputStreamOperator<T> with(JoinFunction<T1, T2, T> function) {
            return apply(function);
        }

        /** Flink's deprecated twin of {@link #apply(FlatJoinFunction)}. */
        @Deprecated
        public <T> SingleOutputStreamOperator<T> with(FlatJoinFunction<T1, T2, T> function) {
            return apply(function);
        }
    }
}
