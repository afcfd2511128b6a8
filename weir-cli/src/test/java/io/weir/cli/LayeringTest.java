package io.weir.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module layering of DESIGN.md: api depends on nothing of Weir, runtime only on api, and runtime internals stay inside runtime. */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.weir");
    }

    @Test
    void apiDependsOnNothingElseOfWeir() {
        noClasses().that().resideInAPackage("io.weir.api..")
                .should().dependOnClassesThat().resideInAnyPackage("io.weir.runtime..", "io.weir.connectors..", "io.weir.testing..",
                        "io.weir.examples..", "io.weir.cli..", "io.weir.bench..")
                .check(classes);
    }

    @Test
    void runtimeDependsOnlyOnApi() {
        noClasses().that().resideInAPackage("io.weir.runtime..")
                .should().dependOnClassesThat().resideInAnyPackage("io.weir.connectors..", "io.weir.testing..", "io.weir.examples..",
                        "io.weir.cli..", "io.weir.bench..")
                .check(classes);
    }

    @Test
    void nothingOutsideRuntimeUsesRuntimeInternals() {
        noClasses().that().resideOutsideOfPackage("io.weir.runtime..")
                .should().dependOnClassesThat().resideInAPackage("io.weir.runtime.internal..")
                .check(classes);
    }

    @Test
    void connectorsDoNotDependOnToolsOrExamples() {
        noClasses().that().resideInAPackage("io.weir.connectors..")
                .should().dependOnClassesThat().resideInAnyPackage("io.weir.cli..", "io.weir.examples..", "io.weir.bench..", "io.weir.testing..")
                .check(classes);
    }

    @Test
    void examplesUseOnlyThePublicApi() {
        noClasses().that().resideInAPackage("io.weir.examples..")
                .should().dependOnClassesThat().resideInAPackage("io.weir.runtime..")
                .check(classes);
    }
}
