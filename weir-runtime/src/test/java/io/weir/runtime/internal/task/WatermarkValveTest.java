package io.weir.runtime.internal.task;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WatermarkValveTest {
    private final List<Object> out = new ArrayList<>();
    private final WatermarkValve valve = new WatermarkValve(3, new WatermarkValve.Target() {
        @Override
        public void watermark(long watermark) {
            out.add(watermark);
        }

        @Override
        public void status(boolean idle) {
            out.add(idle ? "idle" : "active");
        }
    });

    @Test
    void theWatermarkIsTheMinimumOverTheChannelsAndNeverGoesBack() {
        valve.onWatermark(0, 10);
        valve.onWatermark(1, 20);
        assertThat(out).isEmpty();
        valve.onWatermark(2, 5);
        valve.onWatermark(2, 30);
        valve.onWatermark(0, 40);
        valve.onWatermark(0, 35);
        assertThat(out).containsExactly(5L, 10L, 20L);
    }

    @Test
    void whenAChannelIsIdle_thenTheOthersDecideAndItRejoinsOnlyOnceCaughtUp() {
        valve.onWatermark(0, 10);
        valve.onWatermark(1, 100);
        valve.onWatermark(2, 100);
        valve.onStatus(0, true);
        assertThat(out).containsExactly(10L, 100L);
        valve.onStatus(0, false);      // back with watermark 10: left out until it catches up
        valve.onWatermark(1, 200);
        valve.onWatermark(2, 200);
        assertThat(out).containsExactly(10L, 100L, 200L);
        valve.onWatermark(0, 150);     // still behind 200, so the others advance alone
        valve.onWatermark(1, 300);
        valve.onWatermark(2, 300);
        assertThat(out).containsExactly(10L, 100L, 200L, 300L);
        valve.onWatermark(0, 350);     // caught up: from now on it holds the others back again
        valve.onWatermark(1, 400);
        valve.onWatermark(2, 400);
        assertThat(out).containsExactly(10L, 100L, 200L, 300L, 350L);
    }

    @Test
    void whenEveryChannelIsIdle_thenTheOutputAdvancesToTheLargestWatermarkAndBecomesIdleUntilOneIsActive() {
        valve.onWatermark(0, 10);
        valve.onWatermark(1, 20);
        valve.onWatermark(2, 30);
        valve.onStatus(0, true);
        valve.onStatus(1, true);
        valve.onStatus(2, true);
        assertThat(out).containsExactly(10L, 20L, 30L, "idle");
        valve.onStatus(1, false);
        valve.onWatermark(1, 40);
        assertThat(out).containsExactly(10L, 20L, 30L, "idle", "active", 40L);
        assertThat(valve.combinedWatermark()).isEqualTo(40);
    }
}
