package io.weir.runtime.internal.task;

import io.weir.api.execution.JobStatus;
import io.weir.runtime.internal.task.StreamTask.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The legal transitions of a subtask and of a job, as the diagrams in their javadoc draw them. */
@Timeout(10)
class TaskLifecycleTest {

    private static Set<State> next(State s) {
        Set<State> out = EnumSet.noneOf(State.class);
        for (State n : State.values()) {
            if (s.canMoveTo(n)) {
                out.add(n);
            }
        }
        return out;
    }

    @Test
    void aSubtaskMovesForwardOnlyAndCanBeCancelledOrFailUntilItEnds() {
        assertThat(next(State.CREATED)).containsExactlyInAnyOrder(State.INITIALIZING, State.CANCELING, State.FAILED);
        assertThat(next(State.INITIALIZING)).containsExactlyInAnyOrder(State.RUNNING, State.CANCELING, State.FAILED);
        assertThat(next(State.RUNNING)).containsExactlyInAnyOrder(State.FINISHING, State.CANCELING, State.FAILED);
        assertThat(next(State.FINISHING)).containsExactlyInAnyOrder(State.FINISHED, State.CANCELING, State.FAILED);
        assertThat(next(State.CANCELING)).containsExactly(State.CANCELED);
    }

    @Test
    void terminalSubtaskStatesHaveNoWayOut() {
        for (State s : State.values()) {
            assertThat(s.isTerminal()).isEqualTo(next(s).isEmpty());
        }
        assertThat(EnumSet.of(State.FINISHED, State.CANCELED, State.FAILED)).allMatch(State::isTerminal);
    }

    @Test
    void aJobFollowsFlinksStatusDiagram() {
        assertThat(JobStatus.CREATED.canMoveTo(JobStatus.RUNNING)).isTrue();
        assertThat(JobStatus.RUNNING.canMoveTo(JobStatus.RESTARTING)).isTrue();
        assertThat(JobStatus.RESTARTING.canMoveTo(JobStatus.RUNNING)).isTrue();
        assertThat(JobStatus.RUNNING.canMoveTo(JobStatus.FINISHED)).isTrue();
        assertThat(JobStatus.FAILING.canMoveTo(JobStatus.FAILED)).isTrue();
        assertThat(JobStatus.CANCELLING.canMoveTo(JobStatus.CANCELED)).isTrue();
        assertThat(JobStatus.RESTARTING.canMoveTo(JobStatus.FINISHED)).as("a restarting job has tasks to run first").isFalse();
        assertThat(JobStatus.CREATED.canMoveTo(JobStatus.FINISHED)).isFalse();
        for (JobStatus terminal : EnumSet.of(JobStatus.FINISHED, JobStatus.FAILED, JobStatus.CANCELED)) {
            for (JobStatus n : JobStatus.values()) {
                assertThat(terminal.canMoveTo(n)).as(terminal + " -> " + n).isFalse();
            }
        }
    }
}
