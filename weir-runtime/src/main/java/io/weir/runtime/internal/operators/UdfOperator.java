package io.weir.runtime.internal.operators;

import io.weir.api.checkpoint.CheckpointedFunction;
import io.weir.api.checkpoint.FunctionInitializationContext;
import io.weir.api.checkpoint.FunctionSnapshotContext;
import io.weir.api.functions.Function;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichFunction;
import io.weir.api.state.CheckpointListener;
import io.weir.api.state.KeyedStateStore;
import io.weir.api.state.OperatorStateStore;

import java.util.OptionalLong;

/** An operator that wraps a user function and drives its lifecycle: runtime context, initializeState, open, close, checkpoint hooks. */
public abstract class UdfOperator<F extends Function> extends StreamOperator {
    private static final OpenContext OPEN_CONTEXT = new OpenContext() {};

    protected final F userFunction;

    protected UdfOperator(F userFunction) {
        this.userFunction = userFunction;
    }

    public F getUserFunction() {
        return userFunction;
    }

    @Override
    protected void initializeUserState() throws Exception {
        if (userFunction instanceof RichFunction) {
            ((RichFunction) userFunction).setRuntimeContext(new StreamingRuntimeContext(context, keyedState));
        }
        if (userFunction instanceof CheckpointedFunction) {
            final KeyedStateStore keyed = keyedState;
            final OperatorStateStore ops = operatorState;
            final boolean restored = context.restored() != null;
            final long restoredId = context.restoredCheckpointId();
            ((CheckpointedFunction) userFunction).initializeState(new FunctionInitializationContext() {
                @Override
                public boolean isRestored() {
                    return restored;
                }

                @Override
                public OptionalLong getRestoredCheckpointId() {
                    return restored ? OptionalLong.of(restoredId) : OptionalLong.empty();
                }

                @Override
                public OperatorStateStore getOperatorStateStore() {
                    return ops;
                }

                @Override
                public java.util.Optional<String> getJobLineage() {
                    return java.util.Optional.ofNullable(context.lineage());
                }

                @Override
                public boolean isRewindAllowed() {
                    return context.allowRewind();
                }

                @Override
                public KeyedStateStore getKeyedStateStore() {
                    if (keyed == null) {
                        throw new UnsupportedOperationException("Keyed state is only available on a keyed stream: operator '"
                                + context.operatorName() + "' is not after keyBy(...).");
                    }
                    return keyed;
                }
            });
        }
    }

    @Override
    public void open() throws Exception {
        if (userFunction instanceof RichFunction) {
            try {
                ((RichFunction) userFunction).open(OPEN_CONTEXT);
            } catch (Exception e) {
                throw new OperatorException(name(), context.subtaskIndex(), e);
            }
        }
    }

    @Override
    protected void snapshotUserState(long checkpointId, long timestamp) throws Exception {
        if (userFunction instanceof CheckpointedFunction) {
            ((CheckpointedFunction) userFunction).snapshotState(new FunctionSnapshotContext() {
                @Override
                public long getCheckpointId() {
                    return checkpointId;
                }

                @Override
                public long getCheckpointTimestamp() {
                    return timestamp;
                }
            });
        }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        if (userFunction instanceof CheckpointListener) {
            try {
                ((CheckpointListener) userFunction).notifyCheckpointComplete(checkpointId);
            } catch (Exception e) {
                throw new OperatorException(name(), context.subtaskIndex(), e);
            }
        }
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
        if (userFunction instanceof CheckpointListener) {
            try {
                ((CheckpointListener) userFunction).notifyCheckpointAborted(checkpointId);
            } catch (Exception e) {
                throw new OperatorException(name(), context.subtaskIndex(), e);
            }
        }
    }

    @Override
    protected void doClose() throws Exception {
        if (userFunction instanceof RichFunction) {
            ((RichFunction) userFunction).close();
        }
    }
}
