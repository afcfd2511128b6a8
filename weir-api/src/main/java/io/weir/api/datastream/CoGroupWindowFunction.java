package io.weir.api.datastream;

import io.weir.api.configuration.Configuration;
import io.weir.api.datastream.CoGroupedStreams.TaggedUnion;
import io.weir.api.functions.CoGroupFunction;
import io.weir.api.functions.FlatJoinFunction;
import io.weir.api.functions.Function;
import io.weir.api.functions.JoinFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichFunction;
import io.weir.api.functions.RuntimeContext;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.util.Collector;
import io.weir.api.windowing.Window;

import java.util.ArrayList;
import java.util.List;

/**
 * The window function of a co-group or window join: splits a window's tagged elements back into the
 * two inputs and hands them to the user's {@link CoGroupFunction}, or, for a join, each pair of them
 * to the {@link JoinFunction} / {@link FlatJoinFunction}. The user function's lifecycle (runtime
 * context, open, close) is driven through this one, which the window operator drives.
 */
final class CoGroupWindowFunction<T1, T2, T, KEY, W extends Window> extends ProcessWindowFunction<TaggedUnion<T1, T2>, T, KEY, W> {
    private static final long serialVersionUID = 1L;

    private final Function userFunction;

    /** @param userFunction a {@link CoGroupFunction}, {@link JoinFunction} or {@link FlatJoinFunction} */
    CoGroupWindowFunction(Function userFunction) {
        if (!(userFunction instanceof CoGroupFunction || userFunction instanceof JoinFunction || userFunction instanceof FlatJoinFunction)) {
            throw new IllegalArgumentException("Not a CoGroupFunction, JoinFunction or FlatJoinFunction: " + userFunction.getClass().getName());
        }
        this.userFunction = userFunction;
    }

    @Override
    public void setRuntimeContext(RuntimeContext context) {
        super.setRuntimeContext(context);
        if (userFunction instanceof RichFunction) {
            ((RichFunction) userFunction).setRuntimeContext(context);
        }
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        if (userFunction instanceof RichFunction) {
            ((RichFunction) userFunction).open(openContext);
        }
    }

    @Override
    public void open(Configuration parameters) throws Exception {
        if (userFunction instanceof RichFunction) {
            ((RichFunction) userFunction).open(parameters);
        }
    }

    @Override
    public void close() throws Exception {
        if (userFunction instanceof RichFunction) {
            ((RichFunction) userFunction).close();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(KEY key, Context context, Iterable<TaggedUnion<T1, T2>> elements, Collector<T> out) throws Exception {
        List<T1> first = new ArrayList<>();
        List<T2> second = new ArrayList<>();
        for (TaggedUnion<T1, T2> e : elements) {
            if (e.isOne()) {
                first.add(e.getOne());
            } else {
                second.add(e.getTwo());
            }
        }
        if (userFunction instanceof CoGroupFunction) {
            ((CoGroupFunction<T1, T2, T>) userFunction).coGroup(first, second, out);
        } else if (userFunction instanceof FlatJoinFunction) {
            FlatJoinFunction<T1, T2, T> join = (FlatJoinFunction<T1, T2, T>) userFunction;
            for (T1 a : first) {
                for (T2 b : second) {
                    join.join(a, b, out);
                }
            }
        } else {
            JoinFunction<T1, T2, T> join = (JoinFunction<T1, T2, T>) userFunction;
            for (T1 a : first) {
                for (T2 b : second) {
                    T result = join.join(a, b);
                    if (result == null) {
                        throw new NullPointerException("The JoinFunction " + userFunction.getClass().getName() + " returned null for (" + a
                                + ", " + b + "); streams cannot carry null elements (use a FlatJoinFunction to drop pairs).");
                    }
                    out.collect(result);
                }
            }
        }
    }
}
