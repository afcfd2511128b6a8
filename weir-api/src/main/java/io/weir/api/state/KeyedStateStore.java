package io.weir.api.state;

/** Creates keyed state; the same calls as on {@code RuntimeContext}. */
public interface KeyedStateStore {
    <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

    <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

    <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor);

    <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor);

    /**
     * The keyed aggregating state {@code descriptor} names, created (or restored) on first use; the same object for the
     * same name.
     *
     * @throws IllegalStateException if state of another kind exists under that name
     */
    <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> descriptor);
}
