package org.allot.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md, "Server: packages by role, and core is the only door": which package may use which (the table
 * of arrows names each test).
 */
class ServerArchitectureTest {
    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.allot.server");

    @Test
    void persistenceKnowsNothingOfTheLayersAboveIt() {
        noClasses()
                .that()
                .resideInAPackage("org.allot.server.persistence..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.allot.server.web..",
                        "org.allot.server.processing..",
                        "org.allot.server.ldap..",
                        "org.allot.server.config..",
                        "org.allot.server.demo..")
                .check(SERVER);
    }

    @Test
    void directorySyncDoesNotReachIntoTheWebOrTheDemo() {
        noClasses()
                .that()
                .resideInAPackage("org.allot.server.ldap..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.allot.server.web..",
                        "org.allot.server.demo..",
                        "org.allot.server.config..",
                        "org.allot.server.processing..")
                .check(SERVER);
    }

    @Test
    void onlyTheLdapAdapterTalksLdap() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.allot.server.ldap..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.unboundid..")
                .check(SERVER);
    }

    @Test
    void onlyTheServersCertificateUsesBouncyCastle() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.allot.server.security.tls..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.bouncycastle..")
                .check(SERVER);
    }

    @Test
    void processingDoesNotReachIntoTheWebOrTheDemo() {
        noClasses()
                .that()
                .resideInAPackage("org.allot.server.processing..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.allot.server.web..", "org.allot.server.demo..", "org.allot.server.config..")
                .check(SERVER);
    }

    @Test
    void onlyTheEngineDecidesLicenses() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.allot.core.assignment.LicensingEngine")
                .check(SERVER);
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
                .check(SERVER);
    }
}
