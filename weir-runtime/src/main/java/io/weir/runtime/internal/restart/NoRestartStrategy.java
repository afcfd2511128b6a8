package io.weir.runtime.internal.restart;

/** Never restarts: the first failure fails the job. */
public final class NoRestartStrategy implements RestartBackoffTimeStrategy {

    NoRestartStrategy() {}

    @Override
    public void notifyFailure(Throwable cause) {}

    @Override
    public boolean canRestart() {
        return false;
    }

    @Override
    public long getBackoffTime() {
        return 0L;
    }

    @Override
    public String describe() {
        return "NoRestart";
    }

    @Override
    public String toString() {
        return describe();
    }
}
