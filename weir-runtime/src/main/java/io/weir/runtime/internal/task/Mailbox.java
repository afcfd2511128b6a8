package io.weir.runtime.internal.task;

import io.weir.runtime.internal.io.Wakeup;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Control actions for a task thread (checkpoint triggers, notifications, timers, finish), put by
 * any thread and run by the task thread between records. Putting a mail wakes the task.
 */
public final class Mailbox {
    /** A control action; may throw, which fails the task. */
    @FunctionalInterface
    public interface Mail {
        void run() throws Exception;
    }

    private final ConcurrentLinkedQueue<Mail> queue = new ConcurrentLinkedQueue<>();
    private final Wakeup wakeup;

    public Mailbox(Wakeup wakeup) {
        this.wakeup = wakeup;
    }

    public void put(Mail mail) {
        queue.add(mail);
        wakeup.signal();
    }

    public boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Runs every mail present; returns how many ran. Task thread only. */
    public int runAll() throws Exception {
        int n = 0;
        Mail m;
        while ((m = queue.poll()) != null) {
            m.run();
            n++;
        }
        return n;
    }
}
