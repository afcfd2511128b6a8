package io.weir.runtime.it;

import io.weir.api.configuration.Configuration;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.util.ParameterTool;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Global job parameters set in main reach every subtask's rich functions, as in Flink. */
class GlobalJobParametersIT {

    static final class Suffix extends RichMapFunction<Long, String> {
        private transient String suffix;

        @Override
        public void open(Configuration parameters) {
            suffix = ParameterTool.fromMap(getRuntimeContext().getGlobalJobParameters()).getRequired("suffix");
        }

        @Override
        public String map(Long value) {
            return value + suffix + getRuntimeContext().getGlobalJobParameters().getOrDefault("from-config", "-");
        }
    }

    @Test
    void whenParametersAreSetInMain_thenEveryRichFunctionReadsThem() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.getConfig().setGlobalJobParameters(ParameterTool.fromArgs(new String[] {"--suffix", "x"}));
        env.getConfiguration().setString("pipeline.global-job-parameters.from-config", "!"); // one more, by its key

        List<String> out = new ArrayList<>();
        env.fromSequence(1, 4).rebalance().map(new Suffix()).executeAndCollect().forEachRemaining(out::add);

        assertThat(out).containsExactlyInAnyOrder("1x!", "2x!", "3x!", "4x!");
    }
}
