package io.weir.api.configuration;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigOptionTest {
    enum Mode { FAST, SAFE_MODE }

    static final ConfigOption<Integer> WORKERS = ConfigOptions.key("my.workers").intType().defaultValue(4).withDescription("workers");
    static final ConfigOption<Duration> PAUSE = ConfigOptions.key("my.pause").durationType().noDefaultValue().withDeprecatedKeys("my.old-pause");
    static final ConfigOption<Mode> MODE = ConfigOptions.key("my.mode").enumType(Mode.class).defaultValue(Mode.FAST);

    @Test
    void whenUnset_thenTheDefaultOrEmpty() {
        Configuration conf = new Configuration();
        assertThat(conf.get(WORKERS)).isEqualTo(4);
        assertThat(conf.get(PAUSE)).isNull();
        assertThat(conf.getOptional(PAUSE)).isEmpty();
        assertThat(conf.contains(WORKERS)).isFalse();
    }

    @Test
    void whenSet_thenReadBackAsTheType() {
        Configuration conf = new Configuration().set(WORKERS, 9).set(PAUSE, Duration.ofSeconds(3)).set(MODE, Mode.SAFE_MODE);
        assertThat(conf.get(WORKERS)).isEqualTo(9);
        assertThat(conf.get(PAUSE)).isEqualTo(Duration.ofSeconds(3));
        assertThat(conf.get(MODE)).isEqualTo(Mode.SAFE_MODE);
        assertThat(conf.getString("my.workers", null)).isEqualTo("9");
        conf.setString("my.mode", "safe-mode");
        assertThat(conf.get(MODE)).isEqualTo(Mode.SAFE_MODE);
        assertThat(conf.removeConfig(WORKERS)).isTrue();
        assertThat(conf.get(WORKERS)).isEqualTo(4);
    }

    @Test
    void whenOnlyAFallbackKeyIsSet_thenItIsRead() {
        Configuration conf = new Configuration();
        conf.setString("my.old-pause", "2 min");
        assertThat(conf.contains(PAUSE)).isTrue();
        assertThat(conf.get(PAUSE)).isEqualTo(Duration.ofMinutes(2));
        conf.setString("my.pause", "5 s");
        assertThat(conf.get(PAUSE)).as("the option's own key first").isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void whenTheValueDoesNotParse_thenTheErrorNamesKeyAndValue() {
        Configuration conf = new Configuration();
        conf.setString("my.workers", "many");
        assertThatThrownBy(() -> conf.get(WORKERS)).isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("my.workers").hasMessageContaining("many");
        assertThatThrownBy(() -> ConfigOptions.key(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
