package io.weir.runtime.internal.io;

import io.weir.api.tuple.Tuple2;
import io.weir.runtime.serialization.Serializers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The writer's outbox, channel and gate driven on one thread: no blocking, order kept, copies made. */
@Timeout(30)
class RecordWriterOutboxTest {

    private static Channel channel(int capacity) {
        return new Channel(capacity, new Wakeup(), 0);
    }

    private static List<Object> drainRecords(Channel c) {
        List<Object> out = new ArrayList<>();
        Object e;
        while ((e = c.poll()) != null) {
            if (e instanceof RecordBatch) {
                RecordBatch b = (RecordBatch) e;
                for (int i = 0; i < b.size(); i++) {
                    out.add(b.record(i));
                }
            } else {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void whenTheChannelIsFull_thenWritesGoToTheOutboxAndNothingBlocks() throws Exception {
        Channel c = channel(2);
        RecordWriter w = new RecordWriter(new Channel[] {c}, RecordWriter.Mode.FORWARD, null, 128, 1, 0, null);
        for (long i = 0; i < 5; i++) {
            w.emit(i, RecordBatch.NO_TIMESTAMP);
        }
        assertThat(c.queued()).isEqualTo(2);
        assertThat(w.hasBacklog()).isTrue();
        assertThat(w.isAvailable(1)).isFalse();
        assertThat(w.drain()).as("the channel is still full").isFalse();
    }

    @Test
    void whenTheConsumerMakesRoom_thenDrainDeliversEverythingInOrder() throws Exception {
        Channel c = channel(2);
        RecordWriter w = new RecordWriter(new Channel[] {c}, RecordWriter.Mode.FORWARD, null, 128, 1, 0, null);
        List<Object> received = new ArrayList<>();
        for (long i = 0; i < 5; i++) {
            w.emit(i, RecordBatch.NO_TIMESTAMP);
        }
        w.broadcastEvent(StreamEvent.END_OF_DATA);
        while (w.hasBacklog()) {
            received.addAll(drainRecords(c));
            w.drain();
        }
        received.addAll(drainRecords(c));
        assertThat(received).containsExactly(0L, 1L, 2L, 3L, 4L, StreamEvent.END_OF_DATA);
        assertThat(w.isAvailable(1)).isTrue();
    }

    @Test
    void whenABarrierIsBroadcast_thenItNeverOvertakesRecordsEmittedBeforeIt() throws Exception {
        Channel c = channel(1);
        RecordWriter w = new RecordWriter(new Channel[] {c}, RecordWriter.Mode.FORWARD, null, 128, 2, 0, null);
        w.emit(1L, RecordBatch.NO_TIMESTAMP);
        w.emit(2L, RecordBatch.NO_TIMESTAMP); // full batch: into the channel
        w.emit(3L, RecordBatch.NO_TIMESTAMP); // partial batch
        StreamEvent.Barrier barrier = new StreamEvent.Barrier(7, 0);
        w.broadcastEvent(barrier);
        w.emit(4L, RecordBatch.NO_TIMESTAMP);
        w.flush();
        List<Object> received = new ArrayList<>();
        while (w.hasBacklog() || !c.isEmpty()) {
            received.addAll(drainRecords(c));
            w.drain();
        }
        assertThat(received).containsExactly(1L, 2L, 3L, barrier, 4L);
    }

    @Test
    void whenAPriorityBarrierIsSent_thenItsMarkCountsTheElementsStillInTheOutbox() throws Exception {
        Channel c = channel(1);
        RecordWriter w = new RecordWriter(new Channel[] {c}, RecordWriter.Mode.FORWARD, null, 128, 1, 0, null);
        for (long i = 0; i < 3; i++) {
            w.emit(i, RecordBatch.NO_TIMESTAMP); // one in the channel, two in the outbox
        }
        w.broadcastPriorityBarrier(new StreamEvent.Barrier(3, 0));
        StreamEvent.PriorityBarrier p = (StreamEvent.PriorityBarrier) c.pollPriority();
        assertThat(p.mark).as("three elements precede the barrier").isEqualTo(3);
    }

    @Test
    void whenObjectReuseIsOff_thenEachRecordLeavesAsItsOwnCopy() throws Exception {
        Channel c = channel(16);
        RecordWriter w = new RecordWriter(new Channel[] {c}, RecordWriter.Mode.FORWARD, null, 128, 8, 0, Serializers.dynamic());
        Tuple2<Long, Long> reused = new Tuple2<>();
        for (long i = 0; i < 3; i++) {
            reused.f0 = i;
            reused.f1 = i * 10;
            w.emit(reused, RecordBatch.NO_TIMESTAMP);
        }
        w.flush();
        assertThat(drainRecords(c)).containsExactly(Tuple2.of(0L, 0L), Tuple2.of(1L, 10L), Tuple2.of(2L, 20L));
    }

    @Test
    void whenObjectReuseIsOn_thenRecordsPassByReference() throws Exception {
        Channel c = channel(16);
        RecordWriter w = new RecordWriter(new Channel[] {c}, RecordWriter.Mode.FORWARD, null, 128, 8, 0, null);
        Tuple2<Long, Long> t = Tuple2.of(1L, 2L);
        w.emit(t, RecordBatch.NO_TIMESTAMP);
        w.flush();
        assertThat(drainRecords(c).get(0)).isSameAs(t);
    }

    @Test
    void whenRecordsAreBroadcast_thenEveryConsumerGetsItsOwnCopy() throws Exception {
        Channel a = channel(16);
        Channel b = channel(16);
        RecordWriter w = new RecordWriter(new Channel[] {a, b}, RecordWriter.Mode.BROADCAST, null, 128, 8, 0, Serializers.dynamic());
        w.emit(Tuple2.of(1L, 2L), RecordBatch.NO_TIMESTAMP);
        w.flush();
        Object fromA = drainRecords(a).get(0);
        Object fromB = drainRecords(b).get(0);
        assertThat(fromA).isEqualTo(fromB).isNotSameAs(fromB);
    }
}
