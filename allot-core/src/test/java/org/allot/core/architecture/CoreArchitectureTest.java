package org.allot.core.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md, "The modules" and "Core": core is pure Java, and its packages depend on each other in one
 * direction.
 */
class CoreArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.allot.core");

    @Test
    void coreUsesNoFrameworkJdbcOrJsonLibrary() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "jakarta..",
                        "javax.sql..",
                        "java.sql..",
                        "com.fasterxml..",
                        "tools.jackson..",
                        "org.postgresql..")
                .check(CORE);
    }

    @Test
    void coreKnowsNothingOfTheOtherModules() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.allot.server..", "org.allot.api..", "org.allot.cli..", "org.allot.bench..")
                .check(CORE);
    }

    @Test
    void domainPackagesHaveNoCycles() {
        slices().matching("org.allot.core.(*)..").should().beFreeOfCycles().check(CORE);
    }

    /** {@code org.allot.core} itself (Caller, Outcome, ErrorCode, TenantId…) is the bottom of the stack. */
    @Test
    void theCoreOfTheCoreUsesNoDomainPackage() {
        noClasses()
                .that()
                .resideInAPackage("org.allot.core")
                .should()
                .dependOnClassesThat(resideInAPackage("org.allot.core..").and(not(resideInAPackage("org.allot.core"))))
                .check(CORE);
    }

    @Test
    void lowerPackagesDoNotReachUpToLicensing() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.allot.core.directory..",
                        "org.allot.core.catalog..",
                        "org.allot.core.subscription..",
                        "org.allot.core.audit..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.allot.core.assignment..")
                .check(CORE);
        noClasses()
                .that()
                .resideInAPackage("org.allot.core.audit..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.allot.core.directory..", "org.allot.core.catalog..", "org.allot.core.subscription..")
                .check(CORE);
    }

    @Test
    void noClassIsNamedLikeAJunkDrawer() {
        noClasses()
                .should()
                .haveSimpleNameEndingWith("Impl")
                .orShould()
                .haveSimpleNameEndingWith("Manager")
                .orShould()
                .haveSimpleNameEndingWith("Util")
                .orShould()
                .haveSimpleNameEndingWith("Utils")
                .check(CORE);
    }
}
