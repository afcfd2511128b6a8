package io.weir.api.functions;

/**
 * Chooses the downstream subtask of each element for {@code DataStream.partitionCustom(partitioner, keySelector)},
 * under Flink's name. Called on the sending subtask's thread, once per element, with the element's key; it must return
 * a number from 0 to {@code numPartitions - 1}, else the task fails with a message naming the partitioner and the
 * value. It is serialized with the job, so it must be {@link java.io.Serializable} (a lambda or a static class).
 *
 * @param <K> the key type
 */
@FunctionalInterface
public interface Partitioner<K> extends Function {
    /**
     * @param key           the key the key selector returned for the element
     * @param numPartitions the parallelism of the receiving operator
     * @return the index of the receiving subtask, {@code 0 <= index < numPartitions}
     */
    int partition(K key, int numPartitions);
}
