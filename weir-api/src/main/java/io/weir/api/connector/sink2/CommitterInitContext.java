package io.weir.api.connector.sink2;

/** The {@link InitContext} given to {@link SupportsCommitter#createCommitter(CommitterInitContext)}. */
public interface CommitterInitContext extends InitContext {}
