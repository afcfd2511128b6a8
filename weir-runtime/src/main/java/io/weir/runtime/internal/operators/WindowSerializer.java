package io.weir.runtime.internal.operators;

import io.weir.api.typeutils.TypeSerializer;
import io.weir.api.windowing.GlobalWindow;
import io.weir.api.windowing.TimeWindow;
import io.weir.runtime.serialization.Serializers;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Windows as keys of the window operator's state: a {@link TimeWindow} as a tag byte and two longs,
 * the {@link GlobalWindow} as a tag byte; any other window class through the dynamic serializer. Windows are values, treated as immutable.
 */
final class WindowSerializer implements TypeSerializer<Object> {
    private static final long serialVersionUID = 1L;
    private static final int TIME_WINDOW = 0;
    private static final int OTHER = 1;
    private static final int GLOBAL_WINDOW = 2;

    private final TypeSerializer<Object> other = Serializers.dynamic();

    @Override
    public void serialize(Object value, DataOutput out) throws IOException {
        if (value instanceof TimeWindow) {
            TimeWindow w = (TimeWindow) value;
            out.writeByte(TIME_WINDOW);
            out.writeLong(w.getStart());
            out.writeLong(w.getEnd());
        } else if (value instanceof GlobalWindow) {
            out.writeByte(GLOBAL_WINDOW);
        } else {
            out.writeByte(OTHER);
            other.serialize(value, out);
        }
    }

    @Override
    public Object deserialize(DataInput in) throws IOException {
        int tag = in.readByte();
        switch (tag) {
            case TIME_WINDOW: return new TimeWindow(in.readLong(), in.readLong());
            case OTHER: return other.deserialize(in);
            case GLOBAL_WINDOW: return GlobalWindow.get();
            default: throw new IOException("Unknown window tag " + tag + " in window operator state; the checkpoint is damaged or from another format.");
        }
    }

    @Override
    public Object copy(Object value) {
        return value;
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializer<Object> duplicate() {
        return new WindowSerializer();
    }

    @Override
    public String snapshotIdentifier() {
        return "weir:window";
    }

    /** A list of windows (an {@code ArrayList}); the list is copied, the windows are shared. */
    static final class ListOf implements TypeSerializer<Object> {
        private static final long serialVersionUID = 1L;
        private final WindowSerializer windows = new WindowSerializer();

        @Override
        public void serialize(Object value, DataOutput out) throws IOException {
            List<?> list = (List<?>) value;
            out.writeInt(list.size());
            for (Object w : list) {
                windows.serialize(w, out);
            }
        }

        @Override
        public Object deserialize(DataInput in) throws IOException {
            int n = in.readInt();
            if (n < 0) {
                throw new IOException("Negative window list length " + n + " in window operator state; the checkpoint is damaged.");
            }
            ArrayList<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(windows.deserialize(in));
            }
            return list;
        }

        @Override
        public Object copy(Object value) {
            return new ArrayList<>((List<?>) value);
        }

        @Override
        public boolean isImmutableType() {
            return false;
        }

        @Override
        public TypeSerializer<Object> duplicate() {
            return new ListOf();
        }

        @Override
        public String snapshotIdentifier() {
            return "weir:window-list";
        }
    }
}
