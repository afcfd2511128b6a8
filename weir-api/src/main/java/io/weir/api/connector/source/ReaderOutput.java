package io.weir.api.connector.source;

/** Where a {@link SourceReader} emits. Only valid during {@link SourceReader#pollNext}. */
public interface ReaderOutput<T> {
    void collect(T record);

    void collect(T record, long timestamp);
}
