package io.weir.api.windowing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WindowAssignersTest {

    private static final WindowAssigner.WindowAssignerContext CLOCK_AT_1234 = new WindowAssigner.WindowAssignerContext() {
        @Override
        public long getCurrentProcessingTime() {
            return 1234;
        }
    };

    @Test
    void tumblingWindowsAlignToTheEpochPlusTheOffsetAlsoForNegativeTimestamps() {
        TumblingEventTimeWindows w = TumblingEventTimeWindows.of(Duration.ofSeconds(1));
        assertThat(w.assignWindows("e", 0, null)).containsExactly(new TimeWindow(0, 1000));
        assertThat(w.assignWindows("e", 999, null)).containsExactly(new TimeWindow(0, 1000));
        assertThat(w.assignWindows("e", 1000, null)).containsExactly(new TimeWindow(1000, 2000));
        assertThat(w.assignWindows("e", -1, null)).containsExactly(new TimeWindow(-1000, 0));
        assertThat(TumblingEventTimeWindows.of(Duration.ofSeconds(1), Duration.ofMillis(-200)).assignWindows("e", 100, null))
                .containsExactly(new TimeWindow(-200, 800));
        assertThat(TumblingEventTimeWindows.of(Time.seconds(1)).getSize()).isEqualTo(1000);
        assertThat(w.isEventTime()).isTrue();
    }

    @Test
    void slidingWindowsCoverEachTimestampSizeOverSlideTimes() {
        SlidingEventTimeWindows w = SlidingEventTimeWindows.of(Duration.ofMillis(100), Duration.ofMillis(30));
        List<TimeWindow> windows = new ArrayList<>(w.assignWindows("e", 95, null));
        assertThat(windows).containsExactlyInAnyOrder(new TimeWindow(90, 190), new TimeWindow(60, 160), new TimeWindow(30, 130),
                new TimeWindow(0, 100));
        for (TimeWindow t : windows) {
            assertThat(95).isBetween((int) t.getStart(), (int) t.maxTimestamp());
        }
    }

    @Test
    void processingTimeAssignersUseTheTaskClock() {
        assertThat(TumblingProcessingTimeWindows.of(Duration.ofSeconds(1)).assignWindows("e", Long.MIN_VALUE, CLOCK_AT_1234))
                .containsExactly(new TimeWindow(1000, 2000));
        assertThat(SlidingProcessingTimeWindows.of(Duration.ofSeconds(2), Duration.ofSeconds(1)).assignWindows("e", Long.MIN_VALUE, CLOCK_AT_1234))
                .containsExactlyInAnyOrder(new TimeWindow(1000, 3000), new TimeWindow(0, 2000));
        assertThat(ProcessingTimeSessionWindows.withGap(Duration.ofMillis(10)).assignWindows("e", 5, CLOCK_AT_1234))
                .containsExactly(new TimeWindow(1234, 1244));
        assertThat(TumblingProcessingTimeWindows.of(Duration.ofSeconds(1)).isEventTime()).isFalse();
    }

    @Test
    void sessionWindowsMergeOverlappingAndTouchingWindowsOnly() {
        List<List<TimeWindow>> groups = new ArrayList<>();
        List<TimeWindow> results = new ArrayList<>();
        EventTimeSessionWindows.withGap(Duration.ofMillis(10)).mergeWindows(List.of(new TimeWindow(30, 40), new TimeWindow(0, 10),
                new TimeWindow(10, 20), new TimeWindow(21, 31), new TimeWindow(50, 60)), (toBeMerged, result) -> {
                    groups.add(new ArrayList<>(toBeMerged));
                    results.add(result);
                });
        assertThat(results).containsExactly(new TimeWindow(0, 20), new TimeWindow(21, 40));
        assertThat(groups.get(0)).containsExactlyInAnyOrder(new TimeWindow(0, 10), new TimeWindow(10, 20));
        assertThat(groups.get(1)).containsExactlyInAnyOrder(new TimeWindow(21, 31), new TimeWindow(30, 40));
    }

    @Test
    void invalidSizesSlidesGapsAndOffsetsFailAtConstructionNamingTheSetting() {
        assertThatThrownBy(() -> TumblingEventTimeWindows.of(Duration.ofMillis(-5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TumblingEventTimeWindows").hasMessageContaining("window size")
                .hasMessageContaining("-5 ms");
        assertThatThrownBy(() -> TumblingProcessingTimeWindows.of(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window size must be positive");
        assertThatThrownBy(() -> TumblingEventTimeWindows.of(Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset");
        assertThatThrownBy(() -> SlidingEventTimeWindows.of(Duration.ofSeconds(1), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SlidingEventTimeWindows").hasMessageContaining("slide must be positive");
        assertThatThrownBy(() -> SlidingEventTimeWindows.of(Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window size must be positive");
        assertThatThrownBy(() -> SlidingProcessingTimeWindows.of(Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SlidingProcessingTimeWindows")
                .hasMessageContaining("slide (2000 ms) must not be larger than the window size (1000 ms)");
        assertThatThrownBy(() -> EventTimeSessionWindows.withGap(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("session gap must be positive");
        assertThatThrownBy(() -> ProcessingTimeSessionWindows.withGap(Time.milliseconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ProcessingTimeSessionWindows");
    }

    @Test
    void eventTimeAssignersRejectElementsWithoutATimestamp() {
        assertThatThrownBy(() -> EventTimeSessionWindows.withGap(Duration.ofSeconds(1)).assignWindows("e", Long.MIN_VALUE, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("assignTimestampsAndWatermarks");
    }
}
