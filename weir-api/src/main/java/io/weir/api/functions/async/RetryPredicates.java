package io.weir.api.functions.async;

import java.io.Serializable;
import java.util.Collection;
import java.util.function.Predicate;

/**
 * Ready-made retry predicates for {@link AsyncRetryStrategies} builders, as Flink's {@code RetryPredicates}
 * (Flink's package {@code org.apache.flink.streaming.util.retryable}; Weir keeps it beside the async functions).
 * All are serializable, as a strategy's predicates must be.
 */
public final class RetryPredicates {
    private RetryPredicates() {}

    /**
     * Retries when a request completed with no results (an empty or null collection). Declared with a raw type, as in
     * Flink, so that it fits {@code ifResult(...)} of a builder of any result type.
     */
    @SuppressWarnings("rawtypes")
    public static final EmptyResultPredicate EMPTY_RESULT_PREDICATE = new EmptyResultPredicate();

    /** Retries on any error. */
    public static final Predicate<Throwable> HAS_EXCEPTION_PREDICATE = new HasExceptionPredicate();

    /** Retries on errors that are instances of {@code exceptionClass} (or of its subclasses). */
    public static Predicate<Throwable> createExceptionTypePredicate(Class<? extends Throwable> exceptionClass) {
        return new ExceptionTypePredicate(exceptionClass);
    }

    /** The same as {@link #createExceptionTypePredicate}. */
    public static Predicate<Throwable> exceptionTypePredicate(Class<? extends Throwable> exceptionClass) {
        return new ExceptionTypePredicate(exceptionClass);
    }

    /** The type of {@link #EMPTY_RESULT_PREDICATE}: true for a null or empty collection. */
    public static final class EmptyResultPredicate<T> implements Predicate<Collection<T>>, Serializable {
        private static final long serialVersionUID = 1L;

        private EmptyResultPredicate() {}

        @Override
        public boolean test(Collection<T> results) {
            return results == null || results.isEmpty();
        }
    }

    private static final class HasExceptionPredicate implements Predicate<Throwable>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean test(Throwable error) {
            return error != null;
        }
    }

    private static final class ExceptionTypePredicate implements Predicate<Throwable>, Serializable {
        private static final long serialVersionUID = 1L;
        private final Class<? extends Throwable> exceptionClass;

        ExceptionTypePredicate(Class<? extends Throwable> exceptionClass) {
            if (exceptionClass == null) {
                throw new NullPointerException("RetryPredicates.createExceptionTypePredicate needs an exception class, got null.");
            }
            this.exceptionClass = exceptionClass;
        }

        @Override
        public boolean test(Throwable error) {
            return exceptionClass.isInstance(error);
        }
    }
}
