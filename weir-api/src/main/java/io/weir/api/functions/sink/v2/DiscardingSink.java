package io.weir.api.functions.sink.v2;

import io.weir.api.connector.sink2.Sink;
import io.weir.api.connector.sink2.SinkWriter;
import io.weir.api.connector.sink2.WriterInitContext;

/**
 * A Sink V2 sink that drops every element ({@code stream.sinkTo(new DiscardingSink<>())}), for jobs whose effect lies
 * elsewhere and for benchmarks. Writers run on their subtask's thread.
 *
 * @param <IN> the type of the elements
 */
public class DiscardingSink<IN> implements Sink<IN> {
    private static final long serialVersionUID = 1L;

    /** A sink that drops everything. */
    public DiscardingSink() {}

    @Override
    public SinkWriter<IN> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(IN element, Context ctx) {}

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
