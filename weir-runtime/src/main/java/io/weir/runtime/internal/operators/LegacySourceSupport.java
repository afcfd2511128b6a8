package io.weir.runtime.internal.operators;

/** Helpers for rethrowing a classic source's failure on the task thread. */
public final class LegacySourceSupport {
    private LegacySourceSupport() {}

    public static Exception rethrow(Throwable failure) {
        if (failure instanceof Error) {
            throw (Error) failure;
        }
        if (failure instanceof Exception) {
            return (Exception) failure;
        }
        return new RuntimeException(failure);
    }
}
