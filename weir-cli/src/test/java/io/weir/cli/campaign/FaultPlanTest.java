package io.weir.cli.campaign;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FaultPlanTest {
    @Test
    void aSeedAlwaysGivesTheSamePlan() {
        for (long seed = 0; seed < 200; seed++) {
            assertThat(FaultPlan.of(seed)).isEqualTo(FaultPlan.of(seed));
        }
    }

    @Test
    void aJobChangeIsNeverTheFirstRunSoThatThereIsACheckpointToRefuse() {
        for (long seed = 0; seed < 2000; seed++) {
            FaultPlan.Kind first = FaultPlan.of(seed).faults().get(0).kind();
            assertThat(first).as("seed %d", seed).isNotIn(FaultPlan.Kind.RENAMED_UID, FaultPlan.Kind.CHANGED_STATE_TYPE);
        }
    }

    @Test
    void aParallelismChangeAlwaysChangesIt() {
        for (long seed = 0; seed < 2000; seed++) {
            FaultPlan plan = FaultPlan.of(seed);
            int current = plan.parallelism();
            for (FaultPlan.Fault f : plan.faults()) {
                if (f.kind() == FaultPlan.Kind.CHANGED_PARALLELISM) {
                    assertThat(f.parallelism()).as("seed %d", seed).isBetween(1, 3).isNotEqualTo(current);
                    current = f.parallelism();
                }
            }
        }
    }

    @Test
    void theShortVersionCoversEveryFaultClassFromAnyFirstSeed() {
        for (long first : new long[] {0, 1, 1000, 123_456_789}) {
            Set<FaultPlan.Kind> covered = EnumSet.noneOf(FaultPlan.Kind.class);
            FaultCampaignIT.coveringSeeds(first).forEach(s -> covered.addAll(FaultPlan.of(s).kinds()));
            assertThat(covered).as("first seed %d", first).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(FaultPlan.Kind.class));
        }
    }
}
