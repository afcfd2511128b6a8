package io.weir.runtime.internal.task;

import java.util.Arrays;

/**
 * Combines the watermarks and idle statuses of a task's input channels into the task's event time.
 *
 * <p>The combined watermark is the minimum over the channels that are active and aligned, and never
 * goes back. A channel is aligned when its watermark is at or above the combined watermark; a channel
 * that resumes after being idle with an older watermark is left out until it catches up, so that it
 * does not stall the others. When every channel is idle the task's output becomes idle (after
 * advancing to the largest channel watermark); when any channel becomes active, so does the output.
 *
 * <p>Task thread only.
 */
final class WatermarkValve {

    /** Receives what the valve decides. */
    interface Target {
        void watermark(long watermark);

        void status(boolean idle);
    }

    private final long[] watermarks;
    private final boolean[] idle;
    private final Target target;
    private long combined = Long.MIN_VALUE;
    private boolean outputIdle;

    WatermarkValve(int channels, Target target) {
        this.watermarks = new long[channels];
        Arrays.fill(watermarks, Long.MIN_VALUE);
        this.idle = new boolean[channels];
        this.target = target;
    }

    void onWatermark(int channel, long watermark) {
        if (watermark <= watermarks[channel]) {
            return;
        }
        watermarks[channel] = watermark;
        if (!idle[channel]) {
            advance();
        }
    }

    void onStatus(int channel, boolean nowIdle) {
        if (idle[channel] == nowIdle) {
            return;
        }
        idle[channel] = nowIdle;
        if (!nowIdle) {
            if (outputIdle) {
                outputIdle = false;
                target.status(false);
            }
            advance();
            return;
        }
        if (allIdle()) {
            long max = Long.MIN_VALUE;
            for (long w : watermarks) {
                max = Math.max(max, w);
            }
            emitIfAdvanced(max);
            outputIdle = true;
            target.status(true);
        } else {
            advance();
        }
    }

    private void advance() {
        long min = Long.MAX_VALUE;
        boolean any = false;
        for (int i = 0; i < watermarks.length; i++) {
            if (!idle[i] && watermarks[i] >= combined) {
                min = Math.min(min, watermarks[i]);
                any = true;
            }
        }
        if (any) {
            emitIfAdvanced(min);
        }
    }

    private void emitIfAdvanced(long watermark) {
        if (watermark > combined) {
            combined = watermark;
            target.watermark(watermark);
        }
    }

    private boolean allIdle() {
        for (boolean b : idle) {
            if (!b) {
                return false;
            }
        }
        return true;
    }

    long combinedWatermark() {
        return combined;
    }
}
