package org.allot.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md, "The modules": the CLI is a client of the REST API; of Allot's code it uses the wire records
 * only.
 */
class CliArchitectureTest {
    private static final JavaClasses CLI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.allot.cli");

    @Test
    void dependsOnTheApiRecordsOnly() {
        noClasses()
                .that()
                .resideInAPackage("org.allot.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.allot.core..", "org.allot.server..", "org.allot.bench..")
                .check(CLI);
    }

    @Test
    void usesOnlyTheApiRecordsTheJdkAndItsCommandLineLibraries() {
        classes()
                .that()
                .resideInAPackage("org.allot.cli..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "org.allot.cli..",
                        "org.allot.api..",
                        "java..",
                        "javax.net.ssl..",
                        "picocli..",
                        "me.tongfei.progressbar..",
                        "tools.jackson..",
                        "com.fasterxml.jackson.annotation..",
                        // the JDK's small HTTP server: the stand-in of the build's training run only (below)
                        "com.sun.net.httpserver..")
                .check(CLI);
    }

    @Test
    void onlyTheTrainingRunOfTheClassDataArchiveServesHttp() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(Training.class.getName())
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.sun.net.httpserver..")
                .check(CLI);
    }

    /**
     * The CLI is a one-way stack of packages (docs/architecture.md, "The package graph"): the application ({@code
     * org.allot.cli}: {@code Allot}, which wires the commands) above the commands ({@code command}, {@code bulk}),
     * above what a command runs with ({@code context}), above the API client, the lookups and the output, above the
     * process's exit codes, failures and environment ({@code process}).
     */
    @Test
    void packagesHaveNoCyclesAndNothingReachesUpToTheApplication() {
        slices().matching("org.allot.cli.(**)").should().beFreeOfCycles().check(CLI);
        noClasses()
                .that()
                .resideInAPackage("org.allot.cli.*..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.allot.cli")
                .check(CLI);
    }

    @Test
    void noJunkDrawerNames() {
        noClasses()
                .should()
                .haveSimpleNameEndingWith("Impl")
                .orShould()
                .haveSimpleNameEndingWith("Manager")
                .orShould()
                .haveSimpleNameEndingWith("Util")
                .orShould()
                .haveSimpleNameEndingWith("Utils")
                .check(CLI);
    }
}
