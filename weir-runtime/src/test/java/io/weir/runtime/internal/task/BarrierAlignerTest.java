package io.weir.runtime.internal.task;

import io.weir.api.environment.CheckpointingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the alignment rules step by step, single-threaded: channels are queues of records and
 * barriers, a seeded random schedule picks which readable channel delivers next. The invariants:
 * in EXACTLY_ONCE a record that follows barrier n on its channel is processed only after
 * checkpoint n was taken, and one that precedes it only before (so the snapshot holds exactly the
 * records before the barriers); in AT_LEAST_ONCE no channel is ever held back and no record is
 * processed after a checkpoint whose barrier followed it. Every checkpoint is taken exactly once,
 * in order. Rerun a failure with -Dweir.test.seed=N.
 */
class BarrierAlignerTest {
    private static final long BASE_SEED = Long.getLong("weir.test.seed", new Random().nextLong());

    /** A record with the number of barriers before it on its channel. */
    private record Rec(int epoch) {}

    /** A barrier of checkpoint {@code id}. */
    private record Bar(long id) {}

    /** An end of partition. */
    private record End() {}

    private static final class FakeInputs implements BarrierAligner.Inputs {
        final boolean[] blocked;
        final boolean[] finished;
        int blockCalls;

        FakeInputs(int n) {
            blocked = new boolean[n];
            finished = new boolean[n];
        }

        @Override
        public int size() {
            return blocked.length;
        }

        @Override
        public boolean isFinished(int channel) {
            return finished[channel];
        }

        @Override
        public boolean isBlocked(int channel) {
            return blocked[channel];
        }

        @Override
        public void block(int channel) {
            blocked[channel] = true;
            blockCalls++;
        }

        @Override
        public void unblockAll() {
            java.util.Arrays.fill(blocked, false);
        }
    }

    @ParameterizedTest
    @EnumSource(CheckpointingMode.class)
    void randomInterleavingsKeepTheCheckpointInvariants(CheckpointingMode mode) throws Exception {
        System.out.println("BarrierAlignerTest seed " + BASE_SEED + " (rerun with -Dweir.test.seed=" + BASE_SEED + ")");
        Random seeds = new Random(BASE_SEED);
        for (int run = 0; run < 500; run++) {
            long seed = seeds.nextLong();
            runOnce(mode, seed);
        }
    }

    private static void runOnce(CheckpointingMode mode, long seed) throws Exception {
        Random r = new Random(seed);
        int channels = 1 + r.nextInt(8);
        int checkpoints = 1 + r.nextInt(6);
        List<ArrayDeque<Object>> queues = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            ArrayDeque<Object> q = new ArrayDeque<>();
            boolean endsEarly = r.nextInt(5) == 0;
            int barriersHere = endsEarly ? r.nextInt(checkpoints + 1) : checkpoints;
            for (int b = 0; b <= barriersHere; b++) {
                int records = r.nextInt(6);
                for (int i = 0; i < records; i++) {
                    q.add(new Rec(b));
                }
                if (b < barriersHere) {
                    q.add(new Bar(b + 1));
                }
            }
            if (endsEarly) {
                q.add(new End());
            }
            queues.add(q);
        }
        FakeInputs inputs = new FakeInputs(channels);
        List<Long> taken = new ArrayList<>();
        BarrierAligner aligner = new BarrierAligner(mode, inputs, (id, ts, alignment) -> taken.add(id));
        long now = 0;
        while (true) {
            List<Integer> readable = new ArrayList<>();
            for (int c = 0; c < channels; c++) {
                if (!inputs.finished[c] && !inputs.blocked[c] && !queues.get(c).isEmpty()) {
                    readable.add(c);
                }
            }
            if (readable.isEmpty()) {
                break;
            }
            int c = readable.get(r.nextInt(readable.size()));
            Object e = queues.get(c).poll();
            now++;
            if (e instanceof Rec) {
                int epoch = ((Rec) e).epoch();
                if (mode == CheckpointingMode.EXACTLY_ONCE) {
                    assertThat(taken.size()).as("seed %d: record of epoch %d on channel %d processed with checkpoints %s", seed, epoch, c, taken)
                            .isEqualTo(epoch);
                } else {
                    assertThat(taken.size()).as("seed %d: record of epoch %d processed after a later checkpoint", seed, epoch)
                            .isLessThanOrEqualTo(epoch);
                }
            } else if (e instanceof Bar) {
                aligner.onBarrier(c, ((Bar) e).id(), 0, now);
            } else {
                inputs.finished[c] = true;
                aligner.onEndOfPartition(now);
            }
        }
        for (int c = 0; c < channels; c++) {
            assertThat(queues.get(c)).as("seed %d: channel %d was left blocked with data", seed, c).isEmpty();
        }
        List<Long> expected = new ArrayList<>();
        for (long id = 1; id <= checkpoints; id++) {
            expected.add(id);
        }
        boolean everyChannelSawAll = true;
        for (int c = 0; c < channels; c++) {
            everyChannelSawAll &= !inputs.finished[c];
        }
        if (everyChannelSawAll) {
            assertThat(taken).as("seed %d: checkpoints taken", seed).isEqualTo(expected);
        } else {
            assertThat(taken).as("seed %d: checkpoints taken in order, each once", seed).isSorted().doesNotHaveDuplicates();
        }
        if (mode == CheckpointingMode.AT_LEAST_ONCE) {
            assertThat(inputs.blockCalls).as("seed %d: at-least-once never holds a channel back", seed).isZero();
        }
    }

    @Test
    void whenACheckpointIsAborted_thenItsAlignmentEndsAndItsLateBarriersAreIgnored() throws Exception {
        FakeInputs inputs = new FakeInputs(2);
        List<Long> taken = new ArrayList<>();
        BarrierAligner aligner = new BarrierAligner(CheckpointingMode.EXACTLY_ONCE, inputs, (id, ts, a) -> taken.add(id));
        aligner.onBarrier(0, 1, 0, 0);
        assertThat(inputs.blocked[0]).isTrue();
        aligner.abort(1);
        assertThat(inputs.blocked[0]).isFalse();
        aligner.onBarrier(1, 1, 0, 1);
        assertThat(taken).isEmpty();
        aligner.onBarrier(0, 2, 0, 2);
        aligner.onBarrier(1, 2, 0, 3);
        assertThat(taken).containsExactly(2L);
    }

    @Test
    void whenANewerBarrierArrivesDuringAnAlignment_thenTheOlderOneIsAbandoned() throws Exception {
        FakeInputs inputs = new FakeInputs(3);
        List<Long> taken = new ArrayList<>();
        BarrierAligner aligner = new BarrierAligner(CheckpointingMode.EXACTLY_ONCE, inputs, (id, ts, a) -> taken.add(id));
        aligner.onBarrier(0, 1, 0, 0);
        aligner.onBarrier(1, 2, 0, 1); // channel 1 skipped checkpoint 1 (it was aborted upstream)
        assertThat(inputs.blocked[0]).isFalse();
        assertThat(inputs.blocked[1]).isTrue();
        aligner.onBarrier(0, 2, 0, 2);
        aligner.onBarrier(2, 2, 0, 3);
        assertThat(taken).containsExactly(2L);
    }
}
