package io.weir.api.util;

import io.weir.api.common.ExecutionConfig;
import io.weir.api.configuration.ConfigKeys;
import io.weir.api.configuration.Configuration;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParameterToolTest {

    @Test
    void whenReadingArgs_thenKeysWithOneOrTwoDashesTakeTheNextArgumentAndFlagsHaveNoValue() {
        ParameterTool p = ParameterTool.fromArgs(new String[] {"--input", "/data/in", "-limit", "1000", "--verbose", "--offset", "-5",
                "--ratio", "-0.5", "--last"});

        assertThat(p.getRequired("input")).isEqualTo("/data/in");
        assertThat(p.getLong("limit")).isEqualTo(1000L);
        assertThat(p.has("verbose")).isTrue();
        assertThat(p.get("verbose")).isEqualTo(ParameterTool.NO_VALUE_KEY);
        assertThat(p.getInt("offset")).isEqualTo(-5);
        assertThat(p.getDouble("ratio")).isEqualTo(-0.5);
        assertThat(p.has("last")).isTrue();
        assertThat(p.getNumberOfParameters()).isEqualTo(6);
    }

    @Test
    void whenAKeyIsMissing_thenDefaultsApplyAndRequiredNamesTheKey() {
        ParameterTool p = ParameterTool.fromArgs(new String[] {"--a", "1"});

        assertThat(p.get("b")).isNull();
        assertThat(p.get("b", "x")).isEqualTo("x");
        assertThat(p.getInt("b", 7)).isEqualTo(7);
        assertThat(p.getBoolean("b", true)).isTrue();
        assertThatThrownBy(() -> p.getRequired("b")).hasMessageContaining("'b'");
        assertThatThrownBy(() -> p.getInt("a2")).hasMessageContaining("'a2'");
    }

    @Test
    void whenAnArgumentIsNotAKey_thenTheErrorNamesIt() {
        assertThatThrownBy(() -> ParameterTool.fromArgs(new String[] {"--a", "1", "stray"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("argument 3 'stray'");
        assertThatThrownBy(() -> ParameterTool.fromArgs(new String[] {"--"})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParameterTool.fromArgs(new String[] {"--a", "1", "--b", "x"}).getInt("b"))
                .isInstanceOf(NumberFormatException.class);
    }

    @Test
    void whenSomeParametersAreNeverRead_thenTheyAreReportedAsUnrequested() {
        ParameterTool p = ParameterTool.fromArgs(new String[] {"--input", "x", "--inptu", "y", "--flag"});
        p.get("input");
        p.has("flag");

        assertThat(p.getUnrequestedParameters()).containsExactly("inptu");
    }

    @Test
    void whenMergingAndReadingPropertiesAndMaps_thenTheLaterValueWins() throws Exception {
        ParameterTool file = ParameterTool.fromPropertiesFile(new ByteArrayInputStream("a=1\nb=2\n".getBytes(StandardCharsets.ISO_8859_1)));
        ParameterTool merged = file.mergeWith(ParameterTool.fromMap(Map.of("b", "3", "c", "4")));

        assertThat(merged.toMap()).containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "b", "3", "c", "4"));
        assertThat(merged.getProperties()).containsEntry("b", "3");
        assertThat(merged.getConfiguration().getInteger("c", 0)).isEqualTo(4);
        assertThatThrownBy(() -> ParameterTool.fromPropertiesFile("/no/such/file.properties")).hasMessageContaining("/no/such/file.properties");
    }

    @Test
    void whenSerialized_thenTheCopyIsEqual() throws Exception {
        ParameterTool p = ParameterTool.fromArgs(new String[] {"--k", "v"});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(p);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(p);
        }
    }

    @Test
    void whenSetAsGlobalJobParameters_thenTheyTravelInTheConfigurationAndReadBackAsAParameterTool() {
        Configuration conf = new Configuration();
        conf.setString(ConfigKeys.GLOBAL_JOB_PARAMETERS_PREFIX + "stale", "old");
        ExecutionConfig config = new ExecutionConfig(conf);
        config.setGlobalJobParameters(ParameterTool.fromArgs(new String[] {"--input", "/in", "--n", "3"}));

        assertThat(conf.toMap()).containsEntry("pipeline.global-job-parameters.input", "/in").doesNotContainKey("pipeline.global-job-parameters.stale");
        ParameterTool back = config.getGlobalJobParameters();
        assertThat(back.getRequired("input")).isEqualTo("/in");
        assertThat(back.getInt("n")).isEqualTo(3);
        assertThat(ConfigKeys.unknownKeyWarnings(conf, java.util.List.of())).as("not taken for mistyped engine keys").isEmpty();
    }

    @Test
    void whenTheWatermarkIntervalIsSet_thenItIsReadBackInMilliseconds() {
        ExecutionConfig config = new ExecutionConfig();
        assertThat(config.getAutoWatermarkInterval()).isEqualTo(200);
        config.setAutoWatermarkInterval(50);
        assertThat(config.getAutoWatermarkInterval()).isEqualTo(50);
        assertThatThrownBy(() -> config.setAutoWatermarkInterval(-1)).hasMessageContaining("-1");
    }
}
