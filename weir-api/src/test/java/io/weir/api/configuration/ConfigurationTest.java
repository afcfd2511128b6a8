package io.weir.api.configuration;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigurationTest {

    @Test
    void durationsAcceptFlinksForms() {
        Configuration c = new Configuration()
                .setString("a", "1000").setString("b", "500 ms").setString("c", "10 s").setString("d", "2 min").setString("e", "1 h");
        assertThat(c.getDuration("a", null)).isEqualTo(Duration.ofMillis(1000));
        assertThat(c.getDuration("b", null)).isEqualTo(Duration.ofMillis(500));
        assertThat(c.getDuration("c", null)).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.getDuration("d", null)).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.getDuration("e", null)).isEqualTo(Duration.ofHours(1));
        assertThat(c.getDuration("missing", Duration.ZERO)).isEqualTo(Duration.ZERO);
    }

    @Test
    void badValuesNameTheKeyTheValueAndWhatIsAllowed() {
        Configuration c = new Configuration().setString("execution.checkpointing.interval", "soon")
                .setString("huge", "200000000000000 d").setString("n", "x").setString("flag", "maybe");
        assertThatThrownBy(() -> c.getDuration("execution.checkpointing.interval", null)).isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("execution.checkpointing.interval").hasMessageContaining("soon").hasMessageContaining("500 ms");
        assertThatThrownBy(() -> c.getDuration("huge", null)).isInstanceOf(IllegalConfigurationException.class).hasMessageContaining("huge");
        assertThatThrownBy(() -> c.getInteger("n", 1)).isInstanceOf(IllegalConfigurationException.class).hasMessageContaining("'n' = 'x'").hasMessageContaining("an integer");
        assertThatThrownBy(() -> c.getBoolean("flag", false)).isInstanceOf(IllegalConfigurationException.class).hasMessageContaining("true or false");
    }
}
