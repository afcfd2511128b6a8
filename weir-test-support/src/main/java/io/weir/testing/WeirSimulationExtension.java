package io.weir.testing;

import io.weir.runtime.simulation.FaultMix;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** Expands a {@link WeirSimulation} method into one invocation per seed; see the annotation. */
public final class WeirSimulationExtension implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.isAnnotationPresent(WeirSimulation.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        WeirSimulation a = context.getRequiredTestMethod().getAnnotation(WeirSimulation.class);
        if (a.seeds() < 1) {
            throw new IllegalArgumentException("@WeirSimulation(seeds = " + a.seeds() + ") on " + context.getRequiredTestMethod()
                    + ": allowed: at least 1.");
        }
        FaultMix mix = new FaultMix(a.taskFailure(), a.processCrash(), a.ioFailure(), a.maxFaults(), a.localRecovery());
        String replay = System.getProperty("weir.sim.seed");
        LongStream seeds = replay != null ? LongStream.of(Long.parseLong(replay.trim())) : LongStream.range(a.firstSeed(), a.firstSeed() + a.seeds());
        return seeds.mapToObj(seed -> invocation(new SimulationSeed(seed, mix)));
    }

    private static TestTemplateInvocationContext invocation(SimulationSeed seed) {
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int invocationIndex) {
                return seed.toString();
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(new ParameterResolver() {
                    @Override
                    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
                        return p.getParameter().getType() == SimulationSeed.class;
                    }

                    @Override
                    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
                        return seed;
                    }
                });
            }
        };
    }
}
