package io.weir.api.datastream;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.graph.SideOutputTransformation;
import io.weir.api.graph.Transformation;
import io.weir.api.util.OutputTag;

/** The result of an operation: settings here apply to the operator that produced the stream. */
public class SingleOutputStreamOperator<T> extends DataStream<T> {
    /** Set for operators that must run with parallelism 1 ({@code windowAll}). */
    boolean nonParallel;

    /** The stream produced by {@code transformation}; made by the DataStream API, not by user code. */
    public SingleOutputStreamOperator(StreamExecutionEnvironment environment, Transformation<T> transformation) {
        super(environment, transformation);
    }

    /**
     * Sets this operator's parallelism.
     *
     * @throws IllegalArgumentException for an operator that must run with parallelism 1 ({@code windowAll}) and another value
     */
    public SingleOutputStreamOperator<T> setParallelism(int parallelism) {
        if (nonParallel && parallelism != 1) {
            throw new IllegalArgumentException("Operator '" + transformation.getName() + "' is not parallel (windowAll sends every element to one "
                    + "window operator): its parallelism must be 1, not " + parallelism + ".");
        }
        transformation.setParallelism(parallelism);
        return this;
    }

    /** Sets this operator's maximum parallelism: its number of key groups, fixed for the life of its keyed state. */
    public SingleOutputStreamOperator<T> setMaxParallelism(int maxParallelism) {
        transformation.setMaxParallelism(maxParallelism);
        return this;
    }

    /** Names this operator (shown in logs and task names). */
    public SingleOutputStreamOperator<T> name(String name) {
        transformation.setName(name);
        return this;
    }

    /**
     * Runs this operator in a task of its own: it is chained neither to its predecessor nor to its successors, as
     * Flink's {@code disableChaining}. Costs a hand-over between threads per record; useful to give a heavy operator a
     * thread of its own.
     *
     * @return this operator, for chaining calls
     */
    public SingleOutputStreamOperator<T> disableChaining() {
        transformation.setChainingStrategy(Transformation.ChainingStrategy.NEVER);
        return this;
    }

    /**
     * Starts a new chain at this operator: it is not chained to its predecessor, but its successors may chain to it,
     * as Flink's {@code startNewChain}.
     *
     * @return this operator, for chaining calls
     */
    public SingleOutputStreamOperator<T> startNewChain() {
        transformation.setChainingStrategy(Transformation.ChainingStrategy.HEAD);
        return this;
    }

    /**
     * Accepted for source compatibility with Flink, where it decides which operators may share a task slot. Where Weir
     * differs on purpose: the embedded executor has no slots (every task is a thread of one process), so the group is
     * recorded and changes nothing.
     *
     * @return this operator, for chaining calls
     */
    public SingleOutputStreamOperator<T> slotSharingGroup(String slotSharingGroup) {
        transformation.setSlotSharingGroup(slotSharingGroup);
        return this;
    }

    /**
     * A description of the operator, as Flink's {@code setDescription}: kept with the job's graph for people reading
     * it; changes nothing at run time.
     *
     * @return this operator, for chaining calls
     */
    public SingleOutputStreamOperator<T> setDescription(String description) {
        transformation.setDescription(description);
        return this;
    }

    /** A stable id for the operator's state in checkpoints; set it on stateful operators of long-lived jobs. */
    public SingleOutputStreamOperator<T> uid(String uid) {
        transformation.setUid(uid);
        return this;
    }

    /**
     * The elements this operator emitted to the side output {@code sideOutputTag}: with
     * {@code ctx.output(tag, value)} in a process function, or late elements of a window with
     * {@code sideOutputLateData(tag)}. Tags are equal when their ids are.
     */
    public <X> DataStream<X> getSideOutput(OutputTag<X> sideOutputTag) {
        if (sideOutputTag == null) {
            throw new IllegalArgumentException("getSideOutput needs an OutputTag, but got null.");
        }
        return new DataStream<>(environment, new SideOutputTransformation<>(transformation, sideOutputTag));
    }

    /**
     * Declares the type of this operator's output elements, as Flink's {@code returns}. Weir does not need it to run
     * the job (undeclared elements are serialized self-describing), but a declared closed type (a basic type, a tuple,
     * an enum, a final class) fixes the format in which elements leave their task and checks each one: an element of
     * another class fails the task with a message naming the operator and both types. {@link #getType()} returns it.
     *
     * @return this operator, for chaining
     * @throws NullPointerException if {@code typeInfo} is null
     */
    public SingleOutputStreamOperator<T> returns(io.weir.api.typeinfo.TypeInformation<T> typeInfo) {
        transformation.setOutputType(java.util.Objects.requireNonNull(typeInfo, "returns(...) needs a TypeInformation, got null"));
        return this;
    }

    /**
     * As {@link #returns(io.weir.api.typeinfo.TypeInformation)} with the type a hint captured:
     * {@code returns(new TypeHint<Tuple2<String, Long>>(){})}.
     */
    public SingleOutputStreamOperator<T> returns(io.weir.api.typeinfo.TypeHint<T> typeHint) {
        return returns(typeHint.getTypeInfo());
    }

    /**
     * As {@link #returns(io.weir.api.typeinfo.TypeInformation)} with {@code TypeInformation.of(typeClass)}.
     *
     * @throws io.weir.api.functions.InvalidTypesException for a raw tuple class: use a {@code TypeHint}
     */
    public SingleOutputStreamOperator<T> returns(Class<T> typeClass) {
        return returns(io.weir.api.typeinfo.TypeInformation.of(typeClass));
    }
}
