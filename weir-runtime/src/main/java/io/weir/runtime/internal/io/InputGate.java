package io.weir.runtime.internal.io;

/**
 * The input channels of one subtask. Reads round robin over the channels that are neither blocked
 * (held back by barrier alignment) nor finished. Used only by the owning task's thread.
 */
public final class InputGate {
    private final Channel[] channels;
    private final boolean[] blocked;
    private final boolean[] finished;
    private int finishedCount;
    private int blockedCount;
    private int next;
    private int lastChannel = -1;

    public InputGate(Channel[] channels) {
        this.channels = channels;
        this.blocked = new boolean[channels.length];
        this.finished = new boolean[channels.length];
    }

    public Channel channel(int i) {
        return channels[i];
    }

    /** Polls one priority event from any channel; sets {@link #lastChannel()}. Null if none. */
    public Object pollPriority() {
        for (int i = 0; i < channels.length; i++) {
            if (!finished[i] && channels[i].hasPriority()) {
                Object e = channels[i].pollPriority();
                if (e != null) {
                    lastChannel = i;
                    return e;
                }
            }
        }
        return null;
    }

    public boolean hasPriority() {
        for (int i = 0; i < channels.length; i++) {
            if (!finished[i] && channels[i].hasPriority()) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return channels.length;
    }

    /** The next element of any readable channel, or null if none has one; see {@link #lastChannel()}. */
    public Object poll() {
        int n = channels.length;
        for (int k = 0; k < n; k++) {
            int i = next;
            if (++next == n) {
                next = 0;
            }
            if (blocked[i] || finished[i]) {
                continue;
            }
            Object e = channels[i].poll();
            if (e != null) {
                lastChannel = i;
                return e;
            }
        }
        return null;
    }

    /** The channel the last polled element came from. */
    public int lastChannel() {
        return lastChannel;
    }

    /** Whether some readable channel has data (for the decision to park). */
    public boolean hasReadableData() {
        for (int i = 0; i < channels.length; i++) {
            if (!blocked[i] && !finished[i] && !channels[i].isEmpty()) {
                return true;
            }
        }
        return false;
    }

    public void block(int channel) {
        if (!blocked[channel]) {
            blocked[channel] = true;
            blockedCount++;
        }
    }

    public void unblockAll() {
        java.util.Arrays.fill(blocked, false);
        blockedCount = 0;
    }

    public boolean isBlocked(int channel) {
        return blocked[channel];
    }

    public int blockedCount() {
        return blockedCount;
    }

    public void markFinished(int channel) {
        if (!finished[channel]) {
            finished[channel] = true;
            finishedCount++;
        }
    }

    public boolean isFinished(int channel) {
        return finished[channel];
    }

    public int finishedCount() {
        return finishedCount;
    }

    public boolean allFinished() {
        return finishedCount == channels.length;
    }
}
