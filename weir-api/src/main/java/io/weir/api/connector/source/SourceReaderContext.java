package io.weir.api.connector.source;

/** Where a reader runs. */
public interface SourceReaderContext {
    int getIndexOfSubtask();

    int getParallelism();
}
