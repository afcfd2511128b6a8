package io.weir.api.connector.sink2;

/** The {@link InitContext} given to {@link Sink#createWriter(WriterInitContext)}. */
public interface WriterInitContext extends InitContext {}
