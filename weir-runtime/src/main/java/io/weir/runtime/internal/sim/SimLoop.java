package io.weir.runtime.internal.sim;

import io.weir.runtime.internal.exec.Platform;
import io.weir.runtime.internal.exec.Scheduler;
import io.weir.runtime.internal.exec.TaskRunner;
import io.weir.runtime.internal.task.StreamTask;
import io.weir.runtime.internal.time.Clock;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.RejectedExecutionException;

/**
 * Everything a job does, on one thread and virtual time, in an order chosen by a seeded random:
 * which subtask steps next, when the master handles its next event, when a checkpoint's I/O
 * finishes, how far time moves between them. The same seed gives the same run.
 *
 * <p>What runs where: the master's actions in one FIFO queue (as its single thread would), I/O
 * actions in a bag (as a pool would, completing in any order), processing-time timers fire when
 * virtual time passes them, and every live subtask is a candidate for a step unless it reported
 * nothing to do since the last thing happened ({@code epoch}).
 */
public final class SimLoop {
    private final Random random;
    private final VirtualClock clock = new VirtualClock();
    private final ArrayDeque<Runnable> masterQueue = new ArrayDeque<>();
    private final List<Runnable> ioBag = new ArrayList<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final List<SimTask> tasks = new ArrayList<>();
    private long timerSeq;
    private long epoch;
    private long steps;
    private long trace = 1125899906842597L;
    private Generation generation = new Generation();

    /** What a simulated process owns: dropping a generation is a crash of that process. */
    private static final class Generation {
        boolean dead;
        boolean masterShutdown;
    }

    private static final class SimTask {
        final StreamTask task;
        final Generation generation;
        long idleEpoch = -1;

        SimTask(StreamTask task, Generation generation) {
            this.task = task;
            this.generation = generation;
        }
    }

    private static final class Timer implements Comparable<Timer> {
        final long dueNanos;
        final long seq;
        final Runnable action;
        final boolean toMaster;
        final Generation generation;
        boolean cancelled;

        Timer(long dueNanos, long seq, Runnable action, boolean toMaster, Generation generation) {
            this.dueNanos = dueNanos;
            this.seq = seq;
            this.action = action;
            this.toMaster = toMaster;
            this.generation = generation;
        }

        @Override
        public int compareTo(Timer o) {
            return dueNanos != o.dueNanos ? Long.compare(dueNanos, o.dueNanos) : Long.compare(seq, o.seq);
        }
    }

    public SimLoop(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    public Clock clock() {
        return clock;
    }

    public long steps() {
        return steps;
    }

    /** A fingerprint of every choice made so far: equal for equal seeds. */
    public long trace() {
        return trace;
    }

    private void record(long choice) {
        trace = trace * 31 + choice;
    }

    /** A platform for one simulated process (a job master and its tasks). */
    public Platform newProcess() {
        Generation g = new Generation();
        generation = g;
        Scheduler master = new SimScheduler(g, true);
        Scheduler timersScheduler = new SimScheduler(g, false);
        Scheduler io = new Scheduler() {
            @Override
            public void execute(Runnable action) {
                if (g.dead) {
                    throw new RejectedExecutionException("process crashed");
                }
                ioBag.add(guard(g, action));
            }

            @Override
            public Cancellable schedule(Runnable action, long delayMillis) {
                throw new UnsupportedOperationException("I/O is not scheduled");
            }

            @Override
            public Cancellable scheduleWithFixedDelay(Runnable action, long initialMillis, long periodMillis) {
                throw new UnsupportedOperationException("I/O is not scheduled");
            }

            @Override
            public void shutdown() {
                // queued writes still finish, as on a pool shut down gracefully
            }

            @Override
            public boolean isShutdown() {
                return g.dead;
            }
        };
        TaskRunner runner = new TaskRunner() {
            @Override
            public void start(StreamTask task) {
                // classic SourceFunctions (a thread of their own) are refused by Simulation before a job starts
                SimTask t = new SimTask(task, g);
                task.wakeup().setListener(() -> t.idleEpoch = -1); // input, a mail or output room arrived: step it again
                tasks.add(t);
            }

            @Override
            public List<String> awaitTermination(List<StreamTask> stopping, long timeoutMillis) {
                // single thread: a cancelled task stops within its next step, so run that step now
                for (StreamTask t : stopping) {
                    long guard = 0;
                    while (t.step() != StreamTask.StepResult.DONE) {
                        if (++guard > 1_000_000) {
                            return List.of(t.name() + " (" + t.state() + ") did not stop after a million steps");
                        }
                    }
                }
                return List.of();
            }
        };
        return new Platform(master, timersScheduler, io, runner, clock);
    }

    /** The current process crashes: none of its actions, timers or tasks run again. */
    public void crashProcess() {
        generation.dead = true;
        masterQueue.clear();
        ioBag.clear();
        timers.clear();
        tasks.clear();
        epoch++;
    }

    private static Runnable guard(Generation g, Runnable r) {
        return () -> {
            if (!g.dead) {
                r.run();
            }
        };
    }

    /**
     * Runs one choice: a master action, an I/O action or a subtask step; when everything is idle,
     * moves time to the next timer. Returns false when nothing can ever happen again.
     */
    public boolean runOne() {
        int candidates = 0;
        boolean master = !masterQueue.isEmpty();
        if (master) {
            candidates++;
        }
        candidates += ioBag.size();
        List<SimTask> ready = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            SimTask t = tasks.get(i);
            if (t.task.state().isTerminal()) {
                tasks.remove(i--);
                continue;
            }
            if (t.idleEpoch != epoch) {
                ready.add(t);
            }
        }
        candidates += ready.size();
        if (candidates == 0) {
            return advanceToNextTimer();
        }
        steps++;
        int pick = random.nextInt(candidates);
        record(pick);
        if (master && pick-- == 0) {
            masterQueue.poll().run();
            epoch++;
        } else if (pick < ioBag.size()) {
            ioBag.remove(pick).run();
            epoch++;
        } else {
            SimTask t = ready.get(pick - ioBag.size());
            StreamTask.StepResult r = t.task.step();
            if (r == StreamTask.StepResult.PROGRESS || r == StreamTask.StepResult.DONE) {
                epoch++;
            } else {
                t.idleEpoch = epoch;
            }
        }
        clock.advanceNanos(random.nextInt(200_000)); // up to 0.2 ms of virtual time per choice
        fireDueTimers();
        return true;
    }

    private boolean advanceToNextTimer() {
        Timer next;
        while ((next = timers.peek()) != null && (next.cancelled || next.generation.dead)) {
            timers.poll();
        }
        if (next == null) {
            return false;
        }
        if (next.dueNanos > clock.relativeTimeNanos()) {
            clock.advanceNanos(next.dueNanos - clock.relativeTimeNanos());
        }
        fireDueTimers();
        return true;
    }

    private void fireDueTimers() {
        Timer t;
        while ((t = timers.peek()) != null && t.dueNanos <= clock.relativeTimeNanos()) {
            timers.poll();
            if (t.cancelled || t.generation.dead) {
                continue;
            }
            epoch++;
            if (t.toMaster) {
                if (!t.generation.masterShutdown) {
                    masterQueue.add(t.action);
                }
            } else {
                t.action.run();
            }
        }
    }

    /** The current process's tasks that are still running (for fault injection). */
    public List<StreamTask> liveTasks() {
        List<StreamTask> live = new ArrayList<>();
        for (SimTask t : tasks) {
            if (!t.task.state().isTerminal() && !t.generation.dead) {
                live.add(t.task);
            }
        }
        return live;
    }

    /** A scheduler of one process: the master's (actions queue in order) or the timers' (callbacks run when due). */
    private final class SimScheduler implements Scheduler {
        private final Generation g;
        private final boolean isMaster;
        private boolean shutdown;

        SimScheduler(Generation g, boolean isMaster) {
            this.g = g;
            this.isMaster = isMaster;
        }

        @Override
        public void execute(Runnable action) {
            if (shutdown || g.dead) {
                throw new RejectedExecutionException("scheduler shut down");
            }
            if (isMaster) {
                masterQueue.add(guard(g, action));
            } else {
                schedule(action, 0);
            }
        }

        @Override
        public Cancellable schedule(Runnable action, long delayMillis) {
            if (shutdown || g.dead) {
                throw new RejectedExecutionException("scheduler shut down");
            }
            Timer t = new Timer(clock.relativeTimeNanos() + Math.max(0, delayMillis) * 1_000_000L, timerSeq++, action, isMaster, g);
            timers.add(t);
            return () -> t.cancelled = true;
        }

        @Override
        public Cancellable scheduleWithFixedDelay(Runnable action, long initialMillis, long periodMillis) {
            boolean[] cancelled = new boolean[1];
            Runnable[] self = new Runnable[1];
            self[0] = () -> {
                if (cancelled[0] || shutdown || g.dead) {
                    return;
                }
                action.run();
                if (!cancelled[0] && !shutdown && !g.dead) {
                    timers.add(new Timer(clock.relativeTimeNanos() + periodMillis * 1_000_000L, timerSeq++, self[0], isMaster, g));
                }
            };
            timers.add(new Timer(clock.relativeTimeNanos() + initialMillis * 1_000_000L, timerSeq++, self[0], isMaster, g));
            return () -> cancelled[0] = true;
        }

        @Override
        public void shutdown() {
            shutdown = true;
            if (isMaster) {
                g.masterShutdown = true;
            }
        }

        @Override
        public boolean isShutdown() {
            return shutdown || g.dead;
        }
    }

    /** Virtual time: starts at a fixed epoch so that runs are reproducible. */
    static final class VirtualClock implements Clock {
        private long nanos;

        void advanceNanos(long n) {
            nanos += n;
        }

        @Override
        public long currentTimeMillis() {
            return 1_700_000_000_000L + nanos / 1_000_000L;
        }

        @Override
        public long relativeTimeMillis() {
            return nanos / 1_000_000L;
        }

        @Override
        public long relativeTimeNanos() {
            return nanos;
        }
    }
}
