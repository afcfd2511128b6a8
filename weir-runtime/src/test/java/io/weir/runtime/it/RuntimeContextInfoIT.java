package io.weir.runtime.it;

import io.weir.api.configuration.Configuration;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.functions.sink.DiscardingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** getTaskInfo() and getJobInfo() tell a function where it runs, as Flink 1.19+ does. */
@Timeout(60)
class RuntimeContextInfoIT {
    static final Map<Integer, String> SEEN = new ConcurrentHashMap<>();

    static final class Report extends RichMapFunction<Long, Long> {
        @Override
        public void open(Configuration parameters) {
            var task = getRuntimeContext().getTaskInfo();
            var job = getRuntimeContext().getJobInfo();
            SEEN.put(task.getIndexOfThisSubtask(), task.getIndexOfThisSubtask() + "/" + task.getNumberOfParallelSubtasks() + " max "
                    + task.getMaxNumberOfParallelSubtasks() + " attempt " + task.getAttemptNumber() + " " + task.getTaskName() + " | "
                    + job.getJobName() + " " + job.getJobId());
        }

        @Override
        public Long map(Long value) {
            return value;
        }
    }

    @Test
    void aFunctionSeesItsSubtaskAndItsJob() throws Exception {
        SEEN.clear();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
        env.fromSequence(1, 10).map(new Report()).name("report").addSink(new DiscardingSink<>());
        JobClient client = env.executeAsync("info job");
        client.getJobExecutionResult().get(1, TimeUnit.MINUTES);
        assertThat(SEEN).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(SEEN.get(i)).startsWith(i + "/3 max 128 attempt 0 ").contains("report").endsWith("| info job " + client.getJobID());
        }
    }
}
