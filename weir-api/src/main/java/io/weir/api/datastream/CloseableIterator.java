package io.weir.api.datastream;

import java.util.Iterator;

/** An iterator over a running job's output; {@link #close()} cancels the job if it still runs. */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
    @Override
    void close() throws Exception;
}
