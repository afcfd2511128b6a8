package io.weir.api.state;

import io.weir.api.functions.AggregateFunction;
import io.weir.api.typeinfo.TypeInformation;
import io.weir.api.typeutils.TypeSerializer;

import java.util.Objects;

/**
 * Describes an {@link AggregatingState}: its name, its aggregate function, and the type of the accumulator, which is
 * what the state stores and checkpoints.
 *
 * @param <IN> the type of the added values
 * @param <ACC> the type of the accumulator
 * @param <OUT> the type of the result
 */
public class AggregatingStateDescriptor<IN, ACC, OUT> extends StateDescriptor<ACC> {
    private static final long serialVersionUID = 1L;

    private final AggregateFunction<IN, ACC, OUT> aggFunction;

    /** Aggregating state named {@code name} whose accumulators of {@code accClass} are in the runtime's format for it. */
    public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> aggFunction, Class<ACC> accClass) {
        super(name, accClass, null);
        this.aggFunction = Objects.requireNonNull(aggFunction, "aggFunction");
    }

    /** Aggregating state named {@code name} whose accumulators {@code accTypeInfo}'s serializer writes. */
    public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> aggFunction, TypeInformation<ACC> accTypeInfo) {
        super(name, accTypeInfo);
        this.aggFunction = Objects.requireNonNull(aggFunction, "aggFunction");
    }

    /** Aggregating state named {@code name} whose accumulators {@code accSerializer} writes. */
    public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> aggFunction, TypeSerializer<ACC> accSerializer) {
        super(name, null, accSerializer);
        this.aggFunction = Objects.requireNonNull(aggFunction, "aggFunction");
    }

    /** The function that creates, updates and reads the accumulators. */
    public AggregateFunction<IN, ACC, OUT> getAggregateFunction() {
        return aggFunction;
    }

    @Override
    public Type getType() {
        return Type.AGGREGATING;
    }
}
