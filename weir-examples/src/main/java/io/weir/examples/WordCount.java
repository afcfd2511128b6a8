package io.weir.examples;

import io.weir.api.environment.CheckpointingMode;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.restart.RestartStrategies;
import io.weir.api.tuple.Tuple2;
import io.weir.api.util.Collector;

/** The README's example job: word count with checkpoints every second, exactly once, and a restart strategy. */
public class WordCount {
    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(1000);                               // a checkpoint every second
        env.setCheckpointingMode(CheckpointingMode.EXACTLY_ONCE);    // as the seed article writes it
        env.getCheckpointConfig().setCheckpointStorage(args.length > 0 ? args[0] : "file:///tmp/weir-checkpoints");
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, 1000));
        env.fromElements("to be or not to be", "that is the question")
           .flatMap((String line, Collector<Tuple2<String, Integer>> out) -> {
               for (String w : line.split(" ")) out.collect(Tuple2.of(w, 1));
           })
           .keyBy(t -> t.f0)
           .sum(1)
           .print();
        env.execute("word count");
    }
}
