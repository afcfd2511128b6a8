package io.weir.runtime.internal.exec;

import io.weir.runtime.internal.task.StreamTask;

import java.util.ArrayList;
import java.util.List;

/**
 * One daemon thread per subtask, stepping it until it is done; between steps that found nothing
 * to do, the task's own idle strategy parks the thread until work arrives.
 */
public final class ThreadedTaskRunner implements TaskRunner {

    @Override
    public void start(StreamTask task) {
        Thread t = new Thread(() -> run(task), "weir " + task.name());
        t.setDaemon(true);
        task.bindThread(t);
        t.start();
    }

    private static void run(StreamTask task) {
        StreamTask.StepResult r;
        while ((r = task.step()) != StreamTask.StepResult.DONE) {
            if (r != StreamTask.StepResult.PROGRESS) {
                task.awaitWork(r);
            }
        }
    }

    @Override
    public List<String> awaitTermination(List<StreamTask> tasks, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        List<String> stuck = new ArrayList<>();
        for (StreamTask task : tasks) {
            Thread th = task.thread();
            if (th == null) {
                continue;
            }
            th.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
            if (th.isAlive()) {
                StringBuilder sb = new StringBuilder(th.getName()).append(" (").append(task.state()).append(')');
                StackTraceElement[] st = th.getStackTrace();
                for (int i = 0; i < Math.min(8, st.length); i++) {
                    sb.append("\n    at ").append(st[i]);
                }
                stuck.add(sb.toString());
            }
        }
        return stuck;
    }
}
