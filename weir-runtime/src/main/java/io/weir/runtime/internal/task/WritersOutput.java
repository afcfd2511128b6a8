package io.weir.runtime.internal.task;

import io.weir.api.util.OutputTag;
import io.weir.runtime.internal.io.RecordWriter;
import io.weir.runtime.internal.io.StreamEvent;
import io.weir.runtime.internal.operators.Output;

import java.util.ArrayList;
import java.util.List;

/**
 * The output of a chain's last operator: the task's record writers, one per outgoing edge. Main
 * output goes to the edges without a tag, a side output only to the edges of its tag; watermarks
 * and watermark statuses go to every edge. Task thread only.
 */
public final class WritersOutput implements Output {
    private final RecordWriter[] main;
    private final OutputTag<?>[] sideTags;
    private final RecordWriter[] sideWriters;
    private final RecordWriter[] all;

    private WritersOutput(RecordWriter[] writers, OutputTag<?>[] tags) {
        List<RecordWriter> m = new ArrayList<>();
        List<OutputTag<?>> st = new ArrayList<>();
        List<RecordWriter> sw = new ArrayList<>();
        for (int i = 0; i < writers.length; i++) {
            if (tags[i] == null) {
                m.add(writers[i]);
            } else {
                st.add(tags[i]);
                sw.add(writers[i]);
            }
        }
        this.main = m.toArray(new RecordWriter[0]);
        this.sideTags = st.toArray(new OutputTag<?>[0]);
        this.sideWriters = sw.toArray(new RecordWriter[0]);
        this.all = writers.clone();
    }

    /** @param tags per writer, the side-output tag of its edge, or null for the main output */
    public static Output of(RecordWriter[] writers, OutputTag<?>[] tags) {
        if (writers.length != tags.length) {
            throw new IllegalArgumentException("one tag (or null) per writer");
        }
        return new WritersOutput(writers, tags);
    }

    @Override
    public void collect(Object record, long timestamp) {
        for (RecordWriter w : main) {
            emit(w, record, timestamp);
        }
    }

    @Override
    public void collect(OutputTag<?> tag, Object record, long timestamp) {
        for (int i = 0; i < sideTags.length; i++) {
            if (sideTags[i].equals(tag)) {
                emit(sideWriters[i], record, timestamp);
            }
        }
    }

    private static void emit(RecordWriter w, Object record, long timestamp) {
        try {
            w.emit(record, timestamp);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Key selector failed: " + e, e);
        }
    }

    @Override
    public void emitWatermark(long watermark) {
        StreamEvent.Watermark event = new StreamEvent.Watermark(watermark);
        for (RecordWriter w : all) {
            w.broadcastEvent(event);
        }
    }

    @Override
    public void emitWatermarkStatus(boolean idle) {
        StreamEvent event = idle ? StreamEvent.WatermarkStatus.IDLE : StreamEvent.WatermarkStatus.ACTIVE;
        for (RecordWriter w : all) {
            w.broadcastEvent(event);
        }
    }
}
