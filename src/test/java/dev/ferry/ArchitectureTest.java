package dev.ferry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of docs/architecture.md: the engine knows nothing of Azure, the command line or the demo's server. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.ferry");

    @Test
    void engineHasNoAzureCliOrEmbeddedServerDependencies() {
        noClasses().that().resideInAPackage("dev.ferry.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ferry.cli..", "dev.ferry.functions..",
                        "dev.ferry.sample..", "com.microsoft.azure.functions..", "com.azure..", "picocli..",
                        "io.zonky..", "com.microsoft.durabletask..")
                .check(CLASSES);
    }

    @Test
    void dialectsDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("dev.ferry.engine.source.sqlserver..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ferry.engine.source.h2..", "dev.ferry.engine.source.postgres..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("dev.ferry.engine.source.h2..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ferry.engine.source.sqlserver..", "dev.ferry.engine.source.postgres..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("dev.ferry.engine.source.postgres..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ferry.engine.source.sqlserver..", "dev.ferry.engine.source.h2..")
                .check(CLASSES);
    }

    @Test
    void theTargetDoesNotReachIntoSourceDialects() {
        noClasses().that().resideInAPackage("dev.ferry.engine.convert..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ferry.engine.source.sqlserver..",
                        "dev.ferry.engine.source.h2..", "dev.ferry.engine.source.postgres..")
                .check(CLASSES);
    }

    /** The workflow decides; it does no I/O, keeps no clock, draws no random number and starts no thread (issue 5). */
    @Test
    void theWorkflowIsDeterministic() {
        noClasses().that().haveSimpleNameEndingWith("Workflow").or().haveSimpleNameStartingWith("MigrationWorkflow")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "java.io..", "java.nio..", "java.net..",
                        "java.util.concurrent..", "com.zaxxer..", "org.postgresql..")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Math.class, "random")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.util.Random.class)
                .check(CLASSES);
    }

    /** A contract lives below all its users: no engine package reaches back into one that uses it (issue 18). */
    @Test
    void enginePackagesFormNoCycle() {
        slices().matching("dev.ferry.engine.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void functionsPackagesFormNoCycle() {
        slices().matching("dev.ferry.functions.(*)..").should().beFreeOfCycles().check(CLASSES);
        noClasses().that().resideInAnyPackage("dev.ferry.functions.arm..", "dev.ferry.functions.routing..").should()
                .dependOnClassesThat().resideInAPackage("dev.ferry.functions").check(CLASSES);
    }

    /** The engine asks the source's dialect or the target (engine.destination), never a dialect class by name. */
    @Test
    void onlyDialectsAndTheTargetKnowSpecificDialects() {
        noClasses().that().resideInAPackage("dev.ferry.engine..").and().resideOutsideOfPackages("dev.ferry.engine.source..",
                        "dev.ferry.engine.destination..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ferry.engine.source.postgres..", "dev.ferry.engine.source.h2..",
                        "dev.ferry.engine.source.sqlserver..")
                .check(CLASSES);
    }

    @Test
    void theSampleDoesNotUseTheCommandLine() {
        noClasses().that().resideInAPackage("dev.ferry.sample..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ferry.cli..", "picocli..")
                .check(CLASSES);
    }
}
