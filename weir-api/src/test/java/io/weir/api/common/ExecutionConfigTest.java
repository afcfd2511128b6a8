package io.weir.api.common;

import io.weir.api.configuration.ConfigKeys;
import io.weir.api.configuration.Configuration;
import io.weir.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Object reuse is a view over {@code pipeline.object-reuse} in the environment's configuration, off by default. */
@Timeout(10)
class ExecutionConfigTest {

    @Test
    void objectReuseIsOffByDefault() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        assertThat(env.getConfig().isObjectReuseEnabled()).isFalse();
        assertThat(new ExecutionConfig().isObjectReuseEnabled()).isFalse();
    }

    @Test
    void enablingObjectReuseWritesFlinksKeyIntoTheEnvironmentsConfiguration() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        ExecutionConfig config = env.getConfig();
        assertThat(config.enableObjectReuse()).isSameAs(config);
        assertThat(config.isObjectReuseEnabled()).isTrue();
        assertThat(env.getConfiguration().getBoolean(ConfigKeys.OBJECT_REUSE, false)).isTrue();
        assertThat(ConfigKeys.OBJECT_REUSE).isEqualTo("pipeline.object-reuse");

        assertThat(config.disableObjectReuse()).isSameAs(config);
        assertThat(config.isObjectReuseEnabled()).isFalse();
        assertThat(env.getConfiguration().getBoolean(ConfigKeys.OBJECT_REUSE, true)).isFalse();
    }

    @Test
    void theKeySetInTheConfigurationShowsInTheExecutionConfig() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                new Configuration().setBoolean(ConfigKeys.OBJECT_REUSE, true));
        assertThat(env.getConfig().isObjectReuseEnabled()).isTrue();

        env.configure(new Configuration().setString(ConfigKeys.OBJECT_REUSE, "false"));
        assertThat(env.getConfig().isObjectReuseEnabled()).isFalse();
    }

    @Test
    void aBadValueNamesTheKey() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                new Configuration().setString(ConfigKeys.OBJECT_REUSE, "sometimes"));
        assertThatThrownBy(() -> env.getConfig().isObjectReuseEnabled())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pipeline.object-reuse").hasMessageContaining("sometimes");
    }
}
