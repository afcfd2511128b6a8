package io.weir.api.graph;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A node of the logical graph that the DataStream calls build. Part of the executor SPI: executors
 * read it, job authors do not need it. Ids are unique within a JVM and increase in creation order.
 */
public abstract class Transformation<T> {
    private static final AtomicInteger NEXT_ID = new AtomicInteger();

    private final int id = NEXT_ID.incrementAndGet();
    private String name;
    private String uid;
    private int parallelism;
    private int maxParallelism = -1;
    private io.weir.api.typeinfo.TypeInformation<T> outputType;
    private ChainingStrategy chainingStrategy = ChainingStrategy.ALWAYS;
    private String slotSharingGroup;
    private String description;

    /** The description set with {@code setDescription}, or {@code null}; shown in logs and plans, no effect on running. */
    public String getDescription() {
        return description;
    }

    /** Sets the operator's description. */
    public void setDescription(String description) {
        this.description = description;
    }

    /**
     * Whether an operator may be chained with its neighbours, as Flink's operator chaining strategy: {@code ALWAYS}
     * (chained to its predecessor where possible), {@code HEAD} (starts a chain; later operators may chain to it),
     * {@code NEVER} (alone in its task).
     */
    public enum ChainingStrategy { ALWAYS, NEVER, HEAD }

    /** How this node chains with its neighbours; {@link ChainingStrategy#ALWAYS} unless set. */
    public ChainingStrategy getChainingStrategy() {
        return chainingStrategy;
    }

    /** Sets how this node chains with its neighbours. */
    public void setChainingStrategy(ChainingStrategy chainingStrategy) {
        this.chainingStrategy = java.util.Objects.requireNonNull(chainingStrategy, "chainingStrategy");
    }

    /** The slot sharing group set by the job, or {@code null}; recorded only (see {@code slotSharingGroup}). */
    public String getSlotSharingGroup() {
        return slotSharingGroup;
    }

    /** Records the slot sharing group; the embedded executor has no slots, so it does not change how the job runs. */
    public void setSlotSharingGroup(String slotSharingGroup) {
        this.slotSharingGroup = slotSharingGroup;
    }

    /** A node named {@code name} with {@code parallelism} (-1: the environment's default). */
    protected Transformation(String name, int parallelism) {
        this.name = name;
        this.parallelism = parallelism;
    }

    /** The node's id, unique in this JVM, increasing in creation order. */
    public int getId() {
        return id;
    }

    /** The node's name, shown in logs and task names. */
    public String getName() {
        return name;
    }

    /** Renames the node. */
    public void setName(String name) {
        this.name = name;
    }

    /** The user-given stable id, or {@code null}; it names the operator's state in checkpoints. */
    public String getUid() {
        return uid;
    }

    /** Sets the stable id that names the node's state in checkpoints. */
    public void setUid(String uid) {
        this.uid = uid;
    }

    /** The parallelism, or -1 for the environment's default. */
    public int getParallelism() {
        return parallelism;
    }

    /** Sets the parallelism (-1: the environment's default); checked when the job is built. */
    public void setParallelism(int parallelism) {
        this.parallelism = parallelism;
    }

    /** The maximum parallelism (number of key groups), or -1 for the job's default. */
    public int getMaxParallelism() {
        return maxParallelism;
    }

    /** Sets the maximum parallelism (number of key groups); checked when the job is built. */
    public void setMaxParallelism(int maxParallelism) {
        this.maxParallelism = maxParallelism;
    }

    /** The declared type of the elements this node produces ({@code returns(...)}), or {@code null} if undeclared. */
    public io.weir.api.typeinfo.TypeInformation<T> getOutputType() {
        return outputType;
    }

    /** Declares the type of the elements this node produces; the executor then writes and checks them in its format. */
    public void setOutputType(io.weir.api.typeinfo.TypeInformation<T> outputType) {
        this.outputType = outputType;
    }

    /** The nodes this node reads from, in input order. */
    public abstract List<Transformation<?>> getInputs();

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{id=" + id + ", name='" + name + "', parallelism=" + parallelism + "}";
    }
}
