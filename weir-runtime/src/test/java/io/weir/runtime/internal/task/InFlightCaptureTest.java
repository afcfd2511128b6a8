package io.weir.runtime.internal.task;

import io.weir.runtime.internal.io.Channel;
import io.weir.runtime.internal.io.InputGate;
import io.weir.runtime.internal.io.RecordBatch;
import io.weir.runtime.internal.io.RecordWriter;
import io.weir.runtime.internal.io.StreamEvent;
import io.weir.runtime.internal.io.Wakeup;
import io.weir.runtime.serialization.Serializers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an unaligned checkpoint stores of its input: exactly the records its barriers overtook,
 * whether they were consumed after the snapshot or still queued, including those the producer had
 * only in its outbox when it sent the barrier. One thread, no task.
 */
@Timeout(30)
class InFlightCaptureTest {

    private static List<Long> records(List<byte[]> blobs) throws IOException {
        List<Long> out = new ArrayList<>();
        for (byte[] blob : blobs) {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(blob));
            in.readInt(); // channel
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                in.readLong(); // timestamp
                out.add((Long) Serializers.dynamic().deserialize(in));
            }
        }
        return out;
    }

    private static void consumeOne(InputGate gate, InFlightCapture c) {
        Object e = gate.poll();
        c.onConsumed(gate.lastChannel(), gate.channel(gate.lastChannel()).dequeuedCount() - 1, e);
    }

    @Test
    void whenAPriorityBarrierOvertakesQueuedAndOutboxedRecords_thenExactlyThoseAreCaptured() throws Exception {
        Channel ch = new Channel(2, new Wakeup(), 0);
        InputGate gate = new InputGate(new Channel[] {ch});
        RecordWriter w = new RecordWriter(new Channel[] {ch}, RecordWriter.Mode.FORWARD, null, 128, 1, 0, null);
        for (long i = 0; i < 5; i++) {
            w.emit(i, RecordBatch.NO_TIMESTAMP); // 0 and 1 queued in the channel, 2..4 in the outbox
        }
        w.broadcastPriorityBarrier(new StreamEvent.Barrier(1, 0));
        w.emit(5L, RecordBatch.NO_TIMESTAMP); // after the barrier: must not be captured

        // the consumer sees the barrier first and snapshots at once
        StreamEvent.PriorityBarrier b = (StreamEvent.PriorityBarrier) gate.pollPriority();
        InFlightCapture c = new InFlightCapture(1, gate);
        c.setEnd(0, b.mark);
        consumeOne(gate, c); // record 0, overtaken: captured as it is consumed
        assertThat(c.isComplete(gate)).as("records 2..4 have not reached the channel yet").isFalse();
        while (w.hasBacklog()) {
            if (!w.drain()) {
                consumeOne(gate, c);
            }
        }
        assertThat(c.isComplete(gate)).isTrue();
        c.captureQueued(gate);
        assertThat(records(c.blobs())).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void whenAChannelIsAlreadyAtItsBarrier_thenNothingOfItIsCaptured() throws Exception {
        Channel a = new Channel(8, new Wakeup(), 0);
        Channel b = new Channel(8, new Wakeup(), 1);
        InputGate gate = new InputGate(new Channel[] {a, b});
        RecordWriter wa = new RecordWriter(new Channel[] {a}, RecordWriter.Mode.FORWARD, null, 128, 1, 0, null);
        RecordWriter wb = new RecordWriter(new Channel[] {b}, RecordWriter.Mode.FORWARD, null, 128, 1, 0, null);
        wa.emit(10L, RecordBatch.NO_TIMESTAMP);
        wb.emit(20L, RecordBatch.NO_TIMESTAMP);
        wb.emit(21L, RecordBatch.NO_TIMESTAMP);
        InFlightCapture c = new InFlightCapture(2, gate);
        c.setEnd(0, a.dequeuedCount()); // channel a's barrier was consumed in-band before the snapshot
        wb.broadcastPriorityBarrier(new StreamEvent.Barrier(2, 0));
        c.setEnd(1, ((StreamEvent.PriorityBarrier) b.pollPriority()).mark);
        assertThat(c.isComplete(gate)).isTrue();
        c.captureQueued(gate);
        assertThat(records(c.blobs())).containsExactly(20L, 21L);
    }
}
