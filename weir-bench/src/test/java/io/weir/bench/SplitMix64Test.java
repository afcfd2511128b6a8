package io.weir.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SplitMix64Test {

    @Test
    void shouldMatchTheReferenceValuesOfTheWorkloadSpec() {
        assertThat(SplitMix64.splitmix64(0)).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(SplitMix64.splitmix64(1)).isEqualTo(0x6E789E6AA1B965F4L);
        assertThat(SplitMix64.key(0, 100_000)).isEqualTo(7535);
        assertThat(SplitMix64.key(1, 100_000)).isEqualTo(55700);
        assertThat(SplitMix64.key(0, 1000)).isEqualTo(535);
        assertThat(SplitMix64.key(1, 1000)).isEqualTo(700);
    }

    @Test
    void shouldMapEachPartitionsContiguousRangeToEveryPthEvent() {
        long n = 12;
        int p = 3;
        long per = n / p;
        // partition j reads s in [j*per, (j+1)*per) and must emit j, j+p, j+2p, ...
        for (int j = 0; j < p; j++) {
            for (long k = 0; k < per; k++) {
                assertThat(SplitMix64.eventIndex(j * per + k, per, p)).isEqualTo(j + k * p);
            }
        }
    }
}
