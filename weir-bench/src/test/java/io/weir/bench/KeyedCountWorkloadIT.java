package io.weir.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Smoke runs of the keyed workloads at a small size: correctness only, never timings. */
class KeyedCountWorkloadIT {
    private static final long EVENTS = 200_000;
    private static final long KEYS = 1_000;

    @Test
    void shouldCountEveryEventOnceWithCheckpointing() throws Exception {
        KeyedCountWorkload.Result r = KeyedCountWorkload.run(KeyedCountWorkload.Kind.W1, EVENTS, KEYS);

        assertThat(r.correct()).as(r.json()).isTrue();
        assertThat(r.sumCounts()).isEqualTo(EVENTS);
        assertThat(r.outputs()).isEqualTo(KEYS);
        assertThat(r.restarts()).isZero();
    }

    @Test
    void shouldCountEveryEventOnceAfterTheInjectedFailure() throws Exception {
        KeyedCountWorkload.Result r = KeyedCountWorkload.run(KeyedCountWorkload.Kind.W3, EVENTS, KEYS);

        assertThat(r.correct()).as(r.json()).isTrue();
        assertThat(r.sumCounts()).isEqualTo(EVENTS);
        assertThat(r.restarts()).isEqualTo(1);
        assertThat(r.json()).contains("\"recovery_ms\":").doesNotContain("\"recovery_ms\":-1");
    }
}
