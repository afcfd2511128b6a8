package io.weir.runtime.internal.task;

import io.weir.api.environment.CheckpointingMode;
import io.weir.api.functions.Function;
import io.weir.runtime.internal.io.Channel;
import io.weir.runtime.internal.io.InputGate;
import io.weir.runtime.internal.io.StreamEvent;
import io.weir.runtime.internal.io.TestBatches;
import io.weir.runtime.internal.io.Wakeup;
import io.weir.runtime.internal.operators.OperatorContext;
import io.weir.runtime.internal.operators.Output;
import io.weir.runtime.internal.operators.ProcessingTimeService;
import io.weir.runtime.internal.operators.TwoInputUdfOperator;
import io.weir.runtime.internal.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The input side of a two-input subtask, driven step by step: channels 0 and 1 feed the first input
 * (two upstream subtasks), channel 2 the second. Every record, watermark and checkpoint the head sees
 * is logged in order.
 */
class TwoInputTaskInputTest {
    private static final boolean[] SECOND_INPUT = {false, false, true};

    private final List<String> log = new ArrayList<>();
    private final Channel[] channels = new Channel[3];

    /** Logs what reaches each input and the combined watermark. */
    static final class Recording extends TwoInputUdfOperator<Function> {
        private final List<String> log;

        Recording(List<String> log) {
            super(new Function() {}, null);
            this.log = log;
        }

        @Override
        protected void process(Object record, long timestamp) {
            log.add("1:" + record);
        }

        @Override
        protected void process2(Object record, long timestamp) {
            log.add("2:" + record);
        }

        @Override
        protected void onWatermark(long watermark) {
            log.add("wm:" + watermark);
        }
    }

    private TaskInput input(CheckpointingMode mode) {
        Wakeup wakeup = new Wakeup();
        for (int i = 0; i < channels.length; i++) {
            channels[i] = new Channel(16, wakeup, i);
        }
        TaskServices services = new TaskServices("job", 0, mode, null, null, null, new ManualClock(), null, 16, 0, false, 0, null,
                false, null, false, null, "job-id");
        Recording head = new Recording(log);
        ProcessingTimeService pts = new ProcessingTimeService() {
            @Override
            public long currentProcessingTime() {
                return 0;
            }

            @Override
            public void scheduleAt(long timestamp, Runnable action) {}
        };
        head.setup(new OperatorContext("job", "op", "co-op", "task", 0, 1, 128, 0, null, null, -1, pts, false, null, false, null, null), new Output() {
            @Override
            public void collect(Object record, long timestamp) {}

            @Override
            public void emitWatermark(long watermark) {}
        });
        return new TaskInput(services, new InputGate(channels), head, SECOND_INPUT, "task", 0, new TaskInput.Owner() {
            @Override
            public void checkpoint(long id, long timestamp, long alignmentNanos, boolean unaligned) {
                log.add("checkpoint " + id);
            }

            @Override
            public void allInputsEnded() {
                log.add("end");
            }
        });
    }

    private void send(int channel, Object... elements) {
        for (Object e : elements) {
            assertThat(channels[channel].offer(e instanceof String ? TestBatches.of(0, e) : e)).isTrue();
        }
    }

    private static void drain(TaskInput in) throws Exception {
        while (in.processNext()) {
            // every readable element
        }
    }

    @Test
    void eachChannelsRecordsReachTheMethodOfItsInput() throws Exception {
        TaskInput in = input(CheckpointingMode.EXACTLY_ONCE);
        send(0, "a");
        send(1, "b");
        send(2, "x");
        drain(in);
        assertThat(log).containsExactlyInAnyOrder("1:a", "1:b", "2:x");
    }

    @Test
    void theOperatorsWatermarkIsTheMinimumOfBothInputsWatermarks() throws Exception {
        TaskInput in = input(CheckpointingMode.EXACTLY_ONCE);
        send(0, new StreamEvent.Watermark(10));
        send(1, new StreamEvent.Watermark(12));
        drain(in);
        assertThat(log).as("the second input has no watermark yet").isEmpty();
        send(2, new StreamEvent.Watermark(5));
        drain(in);
        assertThat(log).containsExactly("wm:5");
        send(2, new StreamEvent.Watermark(50));
        drain(in);
        assertThat(log).as("now the first input holds event time back").containsExactly("wm:5", "wm:10");
        send(0, new StreamEvent.Watermark(60));
        drain(in);
        assertThat(log).as("the first input's watermark is its slower channel's").containsExactly("wm:5", "wm:10", "wm:12");
        send(1, new StreamEvent.Watermark(70));
        drain(in);
        assertThat(log).containsExactly("wm:5", "wm:10", "wm:12", "wm:50");
    }

    @Test
    void whenBarrierArrivesOnTheFirstInput_thenItIsHeldUntilTheSecondInputDeliversIt() throws Exception {
        TaskInput in = input(CheckpointingMode.EXACTLY_ONCE);
        send(0, new StreamEvent.Barrier(1, 0), "a-after");
        send(1, new StreamEvent.Barrier(1, 0), "b-after");
        send(2, "x-before");
        drain(in);
        assertThat(log).as("records after barrier 1 on the first input wait for the second input's barrier").containsExactly("2:x-before");
        send(2, new StreamEvent.Barrier(1, 0), "x-after");
        drain(in);
        assertThat(log.subList(0, 2)).containsExactly("2:x-before", "checkpoint 1");
        assertThat(log.subList(2, log.size())).containsExactlyInAnyOrder("1:a-after", "1:b-after", "2:x-after");
    }

    @Test
    void whenBarrierArrivesOnTheSecondInput_thenItIsHeldUntilTheFirstInputDeliversIt() throws Exception {
        TaskInput in = input(CheckpointingMode.EXACTLY_ONCE);
        send(2, new StreamEvent.Barrier(1, 0), "x-after");
        send(0, "a-before", new StreamEvent.Barrier(1, 0), "a-after");
        drain(in);
        assertThat(log).containsExactly("1:a-before");
        send(1, new StreamEvent.Barrier(1, 0));
        drain(in);
        assertThat(log.subList(0, 2)).containsExactly("1:a-before", "checkpoint 1");
        assertThat(log.subList(2, log.size())).containsExactlyInAnyOrder("1:a-after", "2:x-after");
    }

    @Test
    void atLeastOnceHoldsNothingBackAndCheckpointsOnceBothInputsDeliveredTheBarrier() throws Exception {
        TaskInput in = input(CheckpointingMode.AT_LEAST_ONCE);
        send(0, new StreamEvent.Barrier(1, 0), "a-after");
        send(1, new StreamEvent.Barrier(1, 0), "b-after");
        drain(in);
        assertThat(log).containsExactlyInAnyOrder("1:a-after", "1:b-after");
        send(2, "x-before", new StreamEvent.Barrier(1, 0));
        drain(in);
        assertThat(log.subList(2, log.size())).containsExactly("2:x-before", "checkpoint 1");
    }

    @Test
    void whenOneInputEnds_thenBarriersOfTheOtherAloneCompleteTheCheckpoint() throws Exception {
        TaskInput in = input(CheckpointingMode.EXACTLY_ONCE);
        send(2, StreamEvent.END_OF_DATA, StreamEvent.END_OF_PARTITION);
        send(0, new StreamEvent.Barrier(1, 0), "a-after");
        send(1, new StreamEvent.Barrier(1, 0));
        drain(in);
        assertThat(log.get(0)).isEqualTo("checkpoint 1");
        assertThat(log).contains("1:a-after");
    }
}
