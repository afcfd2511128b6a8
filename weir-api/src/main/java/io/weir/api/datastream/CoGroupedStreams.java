package io.weir.api.datastream;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.CoGroupFunction;
import io.weir.api.functions.Function;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.MapFunction;
import io.weir.api.windowing.Time;
import io.weir.api.windowing.Window;
import io.weir.api.windowing.WindowAssigner;
import io.weir.api.windowing.evictors.Evictor;
import io.weir.api.windowing.triggers.Trigger;

import java.time.Duration;
import java.util.Objects;

/**
 * Two streams grouped together by key and window, made by {@link DataStream#coGroup}: name the key of
 * each input with {@link #where} and {@link Where#equalTo}, the windows with
 * {@link Where.EqualTo#window}, then give a {@link CoGroupFunction} to
 * {@link WithWindow#apply(CoGroupFunction)}:
 *
 * <pre>{@code
 * orders.coGroup(payments)
 *     .where(o -> o.orderId).equalTo(p -> p.orderId)
 *     .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
 *     .apply(new MyCoGroupFunction());
 * }</pre>
 *
 * <p>When a window of a key fires (for event-time windows, when the watermark passes its end), the
 * function is called once with that key's elements of each input in that window; one of the two may be
 * empty. Like every DataStream call, this only builds the job; nothing runs until {@code execute}. This
 * object and the steps it returns are used by the thread that builds the job, and are not thread-safe.
 *
 * <p>How it runs (as in Flink): each input is mapped to a {@link TaggedUnion} that remembers which
 * input an element came from, the two are unioned, keyed by the key of each side and windowed with
 * Weir's ordinary keyed window operator, whose window function splits each window's contents back
 * into the two sides. So window contents are keyed state: they are part of every checkpoint, restored
 * after a failure, and redistributed when a job is restored at another parallelism.
 *
 * <p>Differences from Flink 1.20: {@code apply} returns a {@link SingleOutputStreamOperator} (Flink's
 * returns a {@code DataStream}; its deprecated {@code with} returns the operator and is kept here with
 * the same result); {@code trigger(...)} and {@code evictor(...)} change the returned step instead of
 * returning a new one, as {@code allowedLateness} does; there are no overloads taking a
 * {@code TypeInformation}, and the two key types are not checked against each other when the job is
 * built (keys of the two inputs meet only if they are {@code equals} with equal {@code hashCode}s).
 *
 * @param <T1> the type of the first input's elements
 * @param <T2> the type of the second input's elements
 */
public class CoGroupedStreams<T1, T2> {
    private final DataStream<T1> input1;
    private final DataStream<T2> input2;

    /**
     * Groups {@code input1} with {@code input2}; {@link DataStream#coGroup} is the usual way to call it.
     *
     * @throws NullPointerException if an input is null
     * @throws IllegalArgumentException if the inputs belong to different execution environments
     */
    public CoGroupedStreams(DataStream<T1> input1, DataStream<T2> input2) {
        this.input1 = Objects.requireNonNull(input1, "coGroup/join needs a first input, but got null.");
        this.input2 = Objects.requireNonNull(input2, "coGroup/join needs a stream to group with, but got null.");
        if (input1.getExecutionEnvironment() != input2.getExecutionEnvironment()) {
            throw new IllegalArgumentException("Cannot coGroup or join streams of different execution environments:"
                    + " build both streams with the same StreamExecutionEnvironment.");
        }
    }

    /** The environment both inputs belong to. */
    public StreamExecutionEnvironment getExecutionEnvironment() {
        return input1.getExecutionEnvironment();
    }

    /**
     * Names the key of the first input's elements.
     *
     * @param keySelector the key of a first-input element; must be deterministic and never return null
     * @return the next step, which names the second input's key
     * @throws NullPointerException if {@code keySelector} is null
     */
    public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector) {
        return new Where<>(Objects.requireNonNull(keySelector, "where(...) needs a KeySelector, but got null."));
    }

    /**
     * The co-group with the first input's key set.
     *
     * @param <KEY> the key type, the same for both inputs
     */
    public class Where<KEY> {
        private final KeySelector<T1, KEY> keySelector1;

        Where(KeySelector<T1, KEY> keySelector1) {
            this.keySelector1 = keySelector1;
        }

        /**
         * Names the key of the second input's elements: elements of the two inputs whose keys are
         * equal are grouped together.
         *
         * @param keySelector the key of a second-input element, of the same type as the first input's
         * @return the next step, which names the windows
         * @throws NullPointerException if {@code keySelector} is null
         */
        public EqualTo equalTo(KeySelector<T2, KEY> keySelector) {
            return new EqualTo(Objects.requireNonNull(keySelector, "equalTo(...) needs a KeySelector, but got null."));
        }

        /** The co-group with both keys set. */
        public class EqualTo {
            private final KeySelector<T2, KEY> keySelector2;

            EqualTo(KeySelector<T2, KEY> keySelector2) {
                this.keySelector2 = keySelector2;
            }

            /**
             * Names the windows: every element of either input is put into the windows that
             * {@code assigner} gives it (by its timestamp for event-time assigners, which need
             * timestamps on both inputs).
             *
             * @return the last step, which takes the function
             * @throws IllegalArgumentException if {@code assigner} is null
             */
            public <W extends Window> WithWindow<T1, T2, KEY, W> window(WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
                return new WithWindow<>(input1, input2, keySelector1, keySelector2, assigner);
            }
        }
    }

    /**
     * The co-group with keys and windows set; {@link #apply(CoGroupFunction)} finishes it.
     *
     * @param <T1> the type of the first input's elements
     * @param <T2> the type of the second input's elements
     * @param <KEY> the key type
     * @param <W> the window type
     */
    public static class WithWindow<T1, T2, KEY, W extends Window> {
        private final DataStream<T1> input1;
        private final DataStream<T2> input2;
        private final KeySelector<T1, KEY> keySelector1;
        private final KeySelector<T2, KEY> keySelector2;
        private final WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner;
        private Duration allowedLateness;
        private Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger;
        private Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor;

        WithWindow(DataStream<T1> input1, DataStream<T2> input2, KeySelector<T1, KEY> keySelector1, KeySelector<T2, KEY> keySelector2,
                WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
            if (assigner == null) {
                throw new IllegalArgumentException("window(...) needs a WindowAssigner, but got null.");
            }
            this.input1 = input1;
            this.input2 = input2;
            this.keySelector1 = keySelector1;
            this.keySelector2 = keySelector2;
            this.assigner = assigner;
        }

        /**
         * Keeps each event-time window for {@code lateness} after it fired, so that a late element of
         * either input makes it fire again, with all its elements (the function then sees the earlier
         * elements again). Default zero; elements later than that are dropped. No effect on
         * processing-time windows.
         *
         * @throws IllegalArgumentException if {@code lateness} is negative or null
         */
        public WithWindow<T1, T2, KEY, W> allowedLateness(Duration lateness) {
            if (lateness == null || lateness.isNegative()) {
                throw new IllegalArgumentException("allowedLateness must not be negative (or null), but is " + lateness + ".");
            }
            this.allowedLateness = lateness;
            return this;
        }

        /** Flink's deprecated form of {@link #allowedLateness(Duration)}. */
        @Deprecated
        public WithWindow<T1, T2, KEY, W> allowedLateness(Time lateness) {
            return allowedLateness(lateness == null ? null : lateness.toDuration());
        }

        /**
         * Sets the trigger of the window operator (see {@link WindowedStream#trigger}); it sees the
         * {@link TaggedUnion} elements of both inputs.
         *
         * @throws IllegalArgumentException if {@code trigger} is null
         */
        public WithWindow<T1, T2, KEY, W> trigger(Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger) {
            if (trigger == null) {
                throw new IllegalArgumentException("trigger(...) needs a Trigger, but got null.");
            }
            this.trigger = trigger;
            return this;
        }

        /**
         * Sets the evictor of the window operator (see {@link WindowedStream#evictor}); it sees the
         * {@link TaggedUnion} elements of both inputs.
         *
         * @throws IllegalArgumentException if {@code evictor} is null
         */
        public WithWindow<T1, T2, KEY, W> evictor(Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor) {
            if (evictor == null) {
                throw new IllegalArgumentException("evictor(...) needs an Evictor, but got null.");
            }
            this.evictor = evictor;
            return this;
        }

        /**
         * Applies {@code function} to every window of every key that has elements, when it fires. The
         * results carry the window's {@code maxTimestamp()}.
         *
         * @return the results; set the window operator's parallelism, name or uid on it
         * @throws IllegalArgumentException if {@code function} is null
         */
        public <T> SingleOutputStreamOperator<T> apply(CoGroupFunction<T1, T2, T> function) {
            return build(function, "CoGroupFunction");
        }

        /** Flink's deprecated twin of {@link #apply(CoGroupFunction)} (Flink's {@code apply} returned a plain DataStream). */
        @Deprecated
        public <T> SingleOutputStreamOperator<T> with(CoGroupFunction<T1, T2, T> function) {
            return apply(function);
        }

        /**
         * Builds tag, union, keyBy and window for {@code function}, a {@link CoGroupFunction},
         * {@code JoinFunction} or {@code FlatJoinFunction}; the join calls this too.
         */
        <T> SingleOutputStreamOperator<T> build(Function function, String what) {
            if (function == null) {
                throw new IllegalArgumentException("apply(...) needs a " + what + ", but got null.");
            }
            DataStream<TaggedUnion<T1, T2>> tagged1 = input1.map(new TagFirst<T1, T2>()).name("Tag first input");
            DataStream<TaggedUnion<T1, T2>> tagged2 = input2.map(new TagSecond<T1, T2>()).name("Tag second input");
            KeyedStream<TaggedUnion<T1, T2>, KEY> keyed = tagged1.union(tagged2).keyBy(new UnionKeySelector<>(keySelector1, keySelector2));
            WindowedStream<TaggedUnion<T1, T2>, KEY, W> windowed = keyed.window(assigner);
            if (allowedLateness != null) {
                windowed.allowedLateness(allowedLateness);
            }
            if (trigger != null) {
                windowed.trigger(trigger);
            }
            if (evictor != null) {
                windowed.evictor(evictor);
            }
            return windowed.process(new CoGroupWindowFunction<T1, T2, T, KEY, W>(function));
        }
    }

    /**
     * An element of either input of a co-group or window join, marked with the input it came from:
     * exactly one of {@link #getOne()} (first input) and {@link #getTwo()} (second input) is set.
     * These are what the window assigner of {@link Where.EqualTo#window} receives, and what the window
     * keeps in state. Jobs do not normally see this class; it is public so that a custom
     * {@link WindowAssigner} can be typed, and so that Weir's serializers treat it as a POJO (which is
     * also why it has a public no-argument constructor and setters; Flink's has neither).
     *
     * @param <T1> the type of the first input's elements
     * @param <T2> the type of the second input's elements
     */
    public static class TaggedUnion<T1, T2> {
        private T1 one;
        private T2 two;

        /** An empty union, for serializers; use {@link #one} or {@link #two}. */
        public TaggedUnion() {}

        /** A union holding an element of the first input. */
        public static <T1, T2> TaggedUnion<T1, T2> one(T1 one) {
            TaggedUnion<T1, T2> u = new TaggedUnion<>();
            u.one = one;
            return u;
        }

        /** A union holding an element of the second input. */
        public static <T1, T2> TaggedUnion<T1, T2> two(T2 two) {
            TaggedUnion<T1, T2> u = new TaggedUnion<>();
            u.two = two;
            return u;
        }

        /** Whether this holds an element of the first input. */
        public boolean isOne() {
            return one != null;
        }

        /** Whether this holds an element of the second input. */
        public boolean isTwo() {
            return two != null;
        }

        /** The first input's element, or null if this holds one of the second. */
        public T1 getOne() {
            return one;
        }

        /** The second input's element, or null if this holds one of the first. */
        public T2 getTwo() {
            return two;
        }

        /** For serializers only. */
        public void setOne(T1 one) {
            this.one = one;
        }

        /** For serializers only. */
        public void setTwo(T2 two) {
            this.two = two;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TaggedUnion && Objects.equals(one, ((TaggedUnion<?, ?>) o).one) && Objects.equals(two, ((TaggedUnion<?, ?>) o).two);
        }

        @Override
        public int hashCode() {
            return Objects.hash(one, two);
        }

        @Override
        public String toString() {
            return isOne() ? "One(" + one + ")" : "Two(" + two + ")";
        }
    }

    /** Wraps a first-input element. */
    static final class TagFirst<T1, T2> implements MapFunction<T1, TaggedUnion<T1, T2>> {
        private static final long serialVersionUID = 1L;

        @Override
        public TaggedUnion<T1, T2> map(T1 value) {
            return TaggedUnion.one(value);
        }
    }

    /** Wraps a second-input element. */
    static final class TagSecond<T1, T2> implements MapFunction<T2, TaggedUnion<T1, T2>> {
        private static final long serialVersionUID = 1L;

        @Override
        public TaggedUnion<T1, T2> map(T2 value) {
            return TaggedUnion.two(value);
        }
    }

    /** The key of a tagged element: the first or the second input's key selector, by tag. */
    static final class UnionKeySelector<T1, T2, KEY> implements KeySelector<TaggedUnion<T1, T2>, KEY> {
        private static final long serialVersionUID = 1L;
        private final KeySelector<T1, KEY> keySelector1;
        private final KeySelector<T2, KEY> keySelector2;

        UnionKeySelector(KeySelector<T1, KEY> keySelector1, KeySelector<T2, KEY> keySelector2) {
            this.keySelector1 = keySelector1;
            this.keySelector2 = keySelector2;
        }

        @Override
        public KEY getKey(TaggedUnion<T1, T2> value) throws Exception {
            return value.isOne() ? keySelector1.getKey(value.getOne()) : keySelector2.getKey(value.getTwo());
        }
    }
}
