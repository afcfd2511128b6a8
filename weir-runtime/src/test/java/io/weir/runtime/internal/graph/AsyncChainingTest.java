package io.weir.runtime.internal.graph;

import io.weir.api.datastream.AsyncDataStream;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.async.AsyncFunction;
import io.weir.api.functions.async.ResultFuture;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.api.functions.source.SourceFunction;
import io.weir.api.spi.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The async operator chains like any one-to-one operator, except behind a classic source (whose thread cannot wait for a slot), as in Flink. */
@Timeout(30)
class AsyncChainingTest {
    static final class Echo implements AsyncFunction<Long, Long> {
        @Override
        public void asyncInvoke(Long input, ResultFuture<Long> resultFuture) {
            resultFuture.complete(List.of(input));
        }
    }

    static final class Classic implements SourceFunction<Long> {
        @Override
        public void run(SourceContext<Long> ctx) {
            ctx.collect(1L);
        }

        @Override
        public void cancel() {}
    }

    @Test
    void behindASplitSource_theAsyncOperatorChains() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<Long> source = env.fromSequence(1, 10);
        AsyncDataStream.orderedWait(source, new Echo(), 1, TimeUnit.SECONDS).name("async").addSink(new DiscardingSink<>()).name("sink");
        JobGraph g = JobGraphBuilder.build(new Pipeline("async chaining", env.getTransformations(), 1, -1, env.getCheckpointConfig(), null,
                env.getConfiguration()));
        assertThat(g.vertices().stream().map(v -> v.chain().stream().map(OperatorSpec::name).toList()).toList())
                .containsExactly(List.of("Sequence Source", "async", "sink"));
    }

    @Test
    void behindAClassicSource_theAsyncOperatorStartsATaskOfItsOwn() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<Long> source = env.addSource(new Classic(), "classic").map(x -> x).name("m");
        AsyncDataStream.unorderedWait(source, new Echo(), 1, TimeUnit.SECONDS).name("async").addSink(new DiscardingSink<>()).name("sink");
        JobGraph g = JobGraphBuilder.build(new Pipeline("async chaining", env.getTransformations(), 1, -1, env.getCheckpointConfig(), null,
                env.getConfiguration()));
        assertThat(g.vertices().stream().map(v -> v.chain().stream().map(OperatorSpec::name).toList()).toList())
                .containsExactly(List.of("classic", "m"), List.of("async", "sink"));
    }
}
