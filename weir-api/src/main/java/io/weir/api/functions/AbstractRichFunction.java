package io.weir.api.functions;

import io.weir.api.configuration.Configuration;

/** Base class of rich functions: empty {@code open}/{@code close} and runtime-context plumbing. */
public abstract class AbstractRichFunction implements RichFunction {
    private static final long serialVersionUID = 1L;

    private transient RuntimeContext runtimeContext;

    @Override
    public void setRuntimeContext(RuntimeContext context) {
        this.runtimeContext = context;
    }

    @Override
    public RuntimeContext getRuntimeContext() {
        if (runtimeContext == null) {
            throw new IllegalStateException("The runtime context has not been set: call getRuntimeContext() from open() or later, not from the constructor.");
        }
        return runtimeContext;
    }

    @Override
    public void open(Configuration parameters) throws Exception {}

    @Override
    public void close() throws Exception {}
}
