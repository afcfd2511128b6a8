package io.weir.runtime.internal.io;

import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * Parks one thread until another signals. The waiter announces itself before re-checking for work,
 * and signallers fence after publishing work before reading the announcement, so no wake-up is lost.
 */
public final class Wakeup {
    private volatile Thread waiter;
    private Runnable listener; // set before the owner runs; the simulator's way to learn that work arrived

    /** Called by the owner: announce, then the caller re-checks for work, then {@link #park}. */
    public void prepare() {
        waiter = Thread.currentThread();
    }

    public void park(long nanos) {
        LockSupport.parkNanos(this, nanos);
        waiter = null;
    }

    public void cancelPrepare() {
        waiter = null;
    }

    /** Called by producers after publishing work. */
    public void signal() {
        VarHandle.fullFence();
        Thread t = waiter;
        if (t != null) {
            LockSupport.unpark(t);
        }
        Runnable l = listener;
        if (l != null) {
            l.run();
        }
    }

    /** Also tells {@code l} of every signal (the simulator marks the owner as having work). Before the owner starts. */
    public void setListener(Runnable l) {
        this.listener = l;
    }
}
