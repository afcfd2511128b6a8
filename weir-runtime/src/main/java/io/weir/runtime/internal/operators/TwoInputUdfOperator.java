package io.weir.runtime.internal.operators;

import io.weir.api.functions.Function;
import io.weir.api.functions.KeySelector;

/**
 * An operator with two inputs around one user function. Records of the first input arrive through
 * {@link #processElement} (as for every operator) and reach {@link #process}; records of the second
 * through {@link #processElement2} and {@link #process2}. On a keyed operator each input sets the
 * current key with its own key selector; both key into the same keyed state backend, so state and
 * timers are shared per key. Watermarks arrive already combined over both inputs (the task's valve
 * takes the minimum over all input channels). When the second input is a broadcast stream, only the first may be
 * keyed, and records of the second are processed with no current key. Task thread only.
 */
public abstract class TwoInputUdfOperator<F extends Function> extends UdfOperator<F> {
    private final KeySelector<Object, ?> keySelector2;
    private final boolean broadcastSecondInput;

    protected TwoInputUdfOperator(F userFunction, KeySelector<?, ?> keySelector2) {
        this(userFunction, keySelector2, false);
    }

    /** @param broadcastSecondInput the second input is a broadcast stream: never keyed, whether the first is or not */
    @SuppressWarnings("unchecked")
    protected TwoInputUdfOperator(F userFunction, KeySelector<?, ?> keySelector2, boolean broadcastSecondInput) {
        super(userFunction);
        this.keySelector2 = (KeySelector<Object, ?>) keySelector2;
        this.broadcastSecondInput = broadcastSecondInput;
    }

    @Override
    public void setup(OperatorContext context, Output output) {
        super.setup(context, output);
        if (broadcastSecondInput) {
            if (keySelector2 != null) {
                throw new IllegalStateException("Operator '" + context.operatorName() + "': a broadcast input is never keyed.");
            }
        } else if (context.isKeyed() != (keySelector2 != null)) {
            throw new IllegalStateException("Operator '" + context.operatorName() + "': a two-input operator needs a key selector for both"
                    + " inputs or for neither (first: " + context.isKeyed() + ", second: " + (keySelector2 != null) + ").");
        }
    }

    /** Processes one record of the second input; sets the current key first on keyed inputs. */
    public final void processElement2(Object record, long timestamp) {
        try {
            if (keySelector2 != null) {
                keyedState.setCurrentKey(keySelector2.getKey(record));
            } else if (keyedState != null) {
                keyedState.setCurrentKey(null, -1); // a broadcast record has no key: keyed state access throws
            }
            process2(record, timestamp);
        } catch (OperatorException | io.weir.runtime.internal.io.RecordWriter.TaskCancelledException e) {
            throw e;
        } catch (Exception e) {
            throw new OperatorException(name(), context.subtaskIndex(), e);
        }
    }

    /** A record of the second input. */
    protected abstract void process2(Object record, long timestamp) throws Exception;
}
