package org.allot.server;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
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
                        "org.allot.server.http..",
                        "org.allot.server.processing..",
                        "org.allot.server.ldap..",
                        "org.allot.server.config..",
                        "org.allot.server.demo..")
                .check(SERVER);
        noClasses()
                .that()
                .resideInAPackage("org.allot.server.persistence..")
                .should()
                .dependOnClassesThat(resideInAPackage("org.allot.server.security..")
                        .and(not(resideInAPackage("org.allot.server.security.store"))))
                .because("persistence implements security's ports (security.store) and knows nothing else of it")
                .check(SERVER);
    }

    /** What security keeps in the database is a set of ports and records that depend on nothing of the server. */
    @Test
    void securitysStoreIsPortsAndRecordsOnly() {
        noClasses()
                .that()
                .resideInAPackage("org.allot.server.security.store")
                .should()
                .dependOnClassesThat(resideInAPackage("org.allot.server..")
                        .and(not(resideInAPackage("org.allot.server.security.store"))))
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
                        "org.allot.server.persistence..",
                        "org.allot.server.web..",
                        "org.allot.server.demo..",
                        "org.allot.server.config..",
                        "org.allot.server.processing..")
                .check(SERVER);
    }

    /** Core is the only door: the web reaches storage only through core's use cases, never through persistence. */
    @Test
    void theWebDoesNotReachIntoStorageJobsOrSync() {
        noClasses()
                .that()
                .resideInAPackage("org.allot.server.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.allot.server.persistence..",
                        "org.allot.server.processing..",
                        "org.allot.server.ldap..",
                        "org.allot.server.demo..",
                        "org.allot.server.config..")
                .check(SERVER);
    }

    /**
     * Controllers and pages are given core's use cases (the classes that own a unit of work), never its ports: a port
     * reached from the web would be a door around the core.
     */
    @Test
    void theWebIsGivenUseCasesNotPorts() {
        classes()
                .that()
                .resideInAPackage("org.allot.server.web..")
                .should(beGivenNoPortBut(Set.of()))
                .check(SERVER);
    }

    /**
     * Background jobs, the directory sync's schedule and the demo data are given use cases too, and open no unit of
     * work of their own, with three exceptions and their reasons: {@code ClusterSchedule} claims a periodic step's
     * turn ({@code jobs.ScheduledSteps}) before any use case runs; {@code LicenseCheckDryRun} is an adapter (it
     * implements {@code jobs.DryRuns}, reading in transactions that share one snapshot); {@code DemoTenant} creates
     * the demo tenant and all in it in one unit of work, so that a failed start leaves no half tenant.
     */
    @Test
    void jobsAndTheDemoDataAreGivenUseCasesNotPorts() {
        classes()
                .that()
                .resideInAnyPackage(
                        "org.allot.server.processing..", "org.allot.server.ldap..", "org.allot.server.demo..")
                .and()
                .doNotImplement(org.allot.core.jobs.DryRuns.class)
                .should(beGivenNoPortBut(Set.of(
                        "org.allot.server.processing.ClusterSchedule:org.allot.core.jobs.ScheduledSteps",
                        "org.allot.server.demo.DemoTenant:org.allot.core.Transactions")))
                .check(SERVER);
    }

    /** Given no port of core or of security's store (constructor parameter or field), but for {@code class:port}. */
    private static ArchCondition<JavaClass> beGivenNoPortBut(Set<String> allowed) {
        return new ArchCondition<>("not be given a port of the core") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                Set<JavaClass> ports = new java.util.LinkedHashSet<>();
                type.getConstructors().forEach(c -> c.getRawParameterTypes().stream()
                        .filter(ServerArchitectureTest::isCorePort)
                        .forEach(ports::add));
                type.getFields().stream()
                        .map(f -> f.getRawType())
                        .filter(ServerArchitectureTest::isCorePort)
                        .forEach(ports::add);
                ports.stream()
                        .filter(port -> !allowed.contains(type.getName() + ":" + port.getName()))
                        .forEach(port -> events.add(SimpleConditionEvent.violated(
                                type, type.getName() + " is given the port " + port.getName())));
            }
        };
    }

    /**
     * A port of the core, or of security's store: an interface of {@code org.allot.core} or of {@code
     * security.store} that is not a closed set of values.
     */
    private static boolean isCorePort(JavaClass type) {
        return type.isInterface()
                && (type.getPackageName().startsWith("org.allot.core")
                        || type.getPackageName().equals("org.allot.server.security.store"))
                && !type.reflect().isSealed();
    }

    /** Storage adapters live in persistence, security's stores too (behind the ports of {@code security.store}). */
    @Test
    void jdbcAdaptersLiveInPersistence() {
        classes()
                .that()
                .haveSimpleNameStartingWith("Jdbc")
                .and()
                .areTopLevelClasses()
                .should()
                .resideInAPackage("org.allot.server.persistence..")
                .check(SERVER);
    }

    /**
     * Nothing runs back up: security sits below the web, and what both need of HTTP sits below them both. Security
     * reaches storage through its own ports ({@code security.store}) and core's, never through persistence.
     */
    @Test
    void securityDoesNotReachUpIntoTheWeb() {
        noClasses()
                .that()
                .resideInAPackage("org.allot.server.security..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.allot.server.persistence..",
                        "org.allot.server.web..",
                        "org.allot.server.demo..",
                        "org.allot.server.config..",
                        "org.allot.server.processing..",
                        "org.allot.server.ldap..")
                .check(SERVER);
        noClasses()
                .that()
                .resideInAPackage("org.allot.server.http..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.allot.server.web..",
                        "org.allot.server.security..",
                        "org.allot.server.persistence..",
                        "org.allot.server.processing..",
                        "org.allot.server.ldap..",
                        "org.allot.server.demo..",
                        "org.allot.server.config..")
                .check(SERVER);
    }

    /** The demo data goes through core's use cases like any other client of the core. */
    @Test
    void theDemoDataDoesNotReachIntoStorage() {
        noClasses()
                .that()
                .resideInAPackage("org.allot.server.demo..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.allot.server.persistence..", "org.allot.server.web..")
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

    /**
     * Background work reaches storage only through core: its units of work through {@code Transactions}, its queue
     * through {@code JobQueue}, every step through a use case. One exception, with its reason: the license check's dry
     * run ({@code LicenseCheckDryRun}) reads ranges at once in transactions that share one exported snapshot of the
     * database ({@code persistence.SharedSnapshots}), a PostgreSQL mechanism that no core port describes.
     */
    @Test
    void processingReachesStorageOnlyThroughCore() {
        String dryRun = "org\\.allot\\.server\\.processing\\.LicenseCheckDryRun(\\$.*)?";
        noClasses()
                .that()
                .resideInAPackage("org.allot.server.processing..")
                .and()
                .haveNameNotMatching(dryRun)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.allot.server.persistence..", "java.sql..", "org.springframework.jdbc..")
                .check(SERVER);
        noClasses()
                .that()
                .haveNameMatching(dryRun)
                .should()
                .dependOnClassesThat(
                        resideInAnyPackage("org.allot.server.persistence..", "java.sql..", "org.springframework.jdbc..")
                                .and(not(nameMatching("org\\.allot\\.server\\.persistence\\.SharedSnapshots(\\$.*)?"))))
                .check(SERVER);
    }

    /**
     * The server's packages depend on each other in one direction (scripts/package-imports.sh draws them): a cycle
     * would be an arrow back up, e.g. persistence or security reaching into the web.
     */
    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.allot.server.(**)").should().beFreeOfCycles().check(SERVER);
        assertThat(PackageGraph.of(SERVER).cycles()).isEmpty();
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
