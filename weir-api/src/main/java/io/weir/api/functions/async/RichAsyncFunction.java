package io.weir.api.functions.async;

import io.weir.api.functions.AbstractRichFunction;
import io.weir.api.functions.RuntimeContext;
import io.weir.api.state.State;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * An {@link AsyncFunction} with a lifecycle ({@code open}, {@code close}) and a {@link RuntimeContext}, as Flink's
 * {@code RichAsyncFunction}: open clients and thread pools in {@code open} and release them in {@code close}, which
 * runs at every end of the subtask (end of input, cancellation, failure).
 *
 * <p>As in Flink, the runtime context offers no state: every method of it that returns a {@link State}
 * ({@code getState}, {@code getListState}, ...) throws {@link UnsupportedOperationException}. Results arrive after
 * the operator moved on to other elements (and other keys), so state used for them would belong to the wrong key.
 *
 * @param <IN>  the type of the input elements
 * @param <OUT> the type of the results
 */
public abstract class RichAsyncFunction<IN, OUT> extends AbstractRichFunction implements AsyncFunction<IN, OUT> {
    private static final long serialVersionUID = 1L;

    /** Called by the runtime before {@code open}, on the subtask's thread; wraps {@code context} so that it refuses state. */
    @Override
    public void setRuntimeContext(RuntimeContext context) {
        super.setRuntimeContext(context == null ? null : withoutState(context));
    }

    // a proxy rather than a delegating class: methods added to RuntimeContext later are passed on without a change here
    private static RuntimeContext withoutState(RuntimeContext delegate) {
        return (RuntimeContext) Proxy.newProxyInstance(RuntimeContext.class.getClassLoader(), new Class<?>[] {RuntimeContext.class},
                (proxy, method, args) -> {
                    if (State.class.isAssignableFrom(method.getReturnType())) {
                        throw new UnsupportedOperationException("State is not supported in a RichAsyncFunction (as in Flink): "
                                + method.getName() + "(...) was called in task " + delegate.getTaskNameWithSubtasks()
                                + ". Results are emitted after the operator moved on to other elements and keys.");
                    }
                    if (method.getDeclaringClass() == Object.class) {
                        return objectMethod(proxy, method, args, delegate);
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args, RuntimeContext delegate) {
        switch (method.getName()) {
            case "equals": return proxy == args[0];
            case "hashCode": return System.identityHashCode(proxy);
            default: return "RichAsyncFunction context of " + delegate;
        }
    }
}
