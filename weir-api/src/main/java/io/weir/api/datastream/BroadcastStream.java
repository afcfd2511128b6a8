package io.weir.api.datastream;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.state.MapStateDescriptor;

import java.util.List;

/**
 * A stream whose every element goes to every subtask of the operator it is connected to, together with the broadcast
 * state that operator keeps ({@link MapStateDescriptor}s). Made by {@link DataStream#broadcast(MapStateDescriptor[])};
 * its only use is {@link DataStream#connect(BroadcastStream)}, whose {@code process} function receives its elements
 * in {@code processBroadcastElement}.
 *
 * @param <T> the type of the elements
 */
public class BroadcastStream<T> {
    private final StreamExecutionEnvironment environment;
    private final DataStream<T> broadcastInput;
    private final List<MapStateDescriptor<?, ?>> broadcastStateDescriptors;

    /** Use {@link DataStream#broadcast(MapStateDescriptor[])}. {@code input} is already broadcast-partitioned. */
    protected BroadcastStream(StreamExecutionEnvironment environment, DataStream<T> input, List<MapStateDescriptor<?, ?>> descriptors) {
        this.environment = environment;
        this.broadcastInput = input;
        this.broadcastStateDescriptors = List.copyOf(descriptors);
    }

    /** The environment the stream belongs to. */
    public StreamExecutionEnvironment getEnvironment() {
        return environment;
    }

    /** The broadcast state that an operator connected to this stream holds, in the order given to {@code broadcast}. */
    public List<MapStateDescriptor<?, ?>> getBroadcastStateDescriptors() {
        return broadcastStateDescriptors;
    }

    /** The broadcast-partitioned stream itself (for the graph; not part of Flink's user API). */
    DataStream<T> getInput() {
        return broadcastInput;
    }
}
