package io.weir.api.configuration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(10)
class ConfigKeysTest {

    private static List<String> warnings(String... keys) {
        Configuration conf = new Configuration();
        for (String k : keys) {
            conf.setString(k, "1");
        }
        return ConfigKeys.unknownKeyWarnings(conf, List.of());
    }

    @Test
    void whenAnEngineKeyIsMisspelt_thenTheWarningNamesTheNearestKnownKey() {
        assertThat(warnings("execution.checkpointing.dirr")).containsExactly(
                "Unknown configuration key 'execution.checkpointing.dirr' (ignored); did you mean 'execution.checkpointing.dir'?");
        assertThat(warnings("restart-strategy.fixed-delay.attempt")).singleElement().asString()
                .contains("did you mean 'restart-strategy.fixed-delay.attempts'?");
    }

    @Test
    void whenKeysAreKnownOrTheJobsOwn_thenNothingIsSaid() {
        assertThat(warnings(ConfigKeys.CHECKPOINTING_INTERVAL, ConfigKeys.OBJECT_REUSE, "my.app.input", "custom.key")).isEmpty();
    }

    @Test
    void whenAnEngineKeyIsFarFromAnyKnownKey_thenTheWarningSuggestsNothing() {
        assertThat(warnings("weir.something.entirely.different")).containsExactly(
                "Unknown configuration key 'weir.something.entirely.different' (ignored).");
    }

    @Test
    void everyDeclaredKeyIsKnown() {
        assertThat(ConfigKeys.known()).contains(ConfigKeys.CHECKPOINTING_RESTORE, ConfigKeys.RESTORE_ALLOW_REWIND,
                ConfigKeys.EXECUTION_TARGET, ConfigKeys.LOCAL_RECOVERY);
    }

    @Test
    void whenAJobUsesFlinksOtherNamesForAKey_thenTheyAreReadAndNotWarnedAbout() {
        Configuration conf = new Configuration();
        conf.setString("execution.state-recovery.path", "/ckpt/job/chk-7"); // Flink 1.20's restore key
        conf.setString("state.checkpoints.dir", "file:///ckpt");
        conf.setString("state.checkpoints.num-retained", "4");

        assertThat(conf.getString(ConfigKeys.CHECKPOINTING_RESTORE, null)).isEqualTo("/ckpt/job/chk-7");
        assertThat(conf.containsKey(ConfigKeys.CHECKPOINTING_DIR)).isTrue();
        assertThat(conf.getString(ConfigKeys.CHECKPOINTING_DIR, null)).isEqualTo("file:///ckpt");
        assertThat(conf.getInteger(ConfigKeys.CHECKPOINTING_NUM_RETAINED, 1)).isEqualTo(4);
        assertThat(ConfigKeys.unknownKeyWarnings(conf, java.util.List.of())).isEmpty();

        conf.setString("execution.savepoint.path", "/older");
        assertThat(conf.getString(ConfigKeys.CHECKPOINTING_RESTORE, null)).as("the 1.20 key before the older one").isEqualTo("/ckpt/job/chk-7");
        conf.setString(ConfigKeys.CHECKPOINTING_RESTORE, "latest");
        assertThat(conf.getString(ConfigKeys.CHECKPOINTING_RESTORE, null)).as("Weir's own key first").isEqualTo("latest");
    }
}
