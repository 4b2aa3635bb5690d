package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.allot.server.security.store.Role;
import org.allot.server.testing.StatementLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * What one request costs the database, counted in statements (never timed): the everyday requests read what
 * changes rarely (the tenant, its catalogue, its subscriptions) once and check it is still current in statements they
 * run anyway. A license change runs in one unit of work and reads each row once (no statement runs twice).
 */
@Import(RequestStatementsIT.Logging.class)
class RequestStatementsIT extends ApiIT {
    static final StatementLog LOG = new StatementLog();

    @TestConfiguration
    static class Logging {
        @Bean
        static BeanPostProcessor statementLog() {
            return LOG.wrappingTheDataSource();
        }
    }

    /**
     * Statements of one assignLicense (13 before the tenant's settings were remembered and the seat row was locked and
     * written in one statement, then 7): the tenant's lock with its stamp, the user's lock, the seat figures, the
     * user's licenses, the assignment with its audit record (one statement), the seat row.
     */
    private static final int ASSIGN_LICENSE = 6;
    /**
     * Round trips of one join of a licensed group (22 statements before, then 15, 11, 9, 6): the tenant's lock, shared
     * because the member is a user, with the user named and the group (read once the lock is held, sent at once); the
     * membership with its audit record (one statement); the user's lock with their assignments, their licensed groups
     * with those groups' licenses and the seat figures (read without a lock), all sent at once and each read run once
     * the lock is held; the assignment with its audit record (one statement); and the seat taken with the commit. The
     * seat row is neither locked nor written before the commit.
     */
    private static final int JOIN = 5;
    /**
     * Statements of one POST /users, as many as the plain-JDBC baseline of allot-bench's {@code users}: the tenant's
     * shared lock with its stamp, and the user inserted with the record of its creation in one statement.
     */
    private static final int CREATE_USER = 2;
    /** Statements of one authenticated GET /organization: the tenant's stamp. */
    private static final int ORGANIZATION = 1;
    /**
     * Round trips of one GET licenseDetails (5 before, then 4, 3, 2): the user with their assignments (one statement)
     * and the tenant's stamp, sent at once; not the seat figures, which licenseDetails does not show.
     */
    private static final int LICENSE_DETAILS = 1;

    /** The units of work of the last {@link #measured} request. */
    private static int unitsOfWork;

    private ApiClient admin;
    private String sku;

    @BeforeEach
    void aTenantWithSeats() {
        admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        subscribe(admin, "SPE_E3", 100);
        sku = product("SPE_E3").skuId().toString();
    }

    @Test
    void assignLicense() {
        String first = createUser(admin, "first");
        String second = createUser(admin, "second");
        assertThat(assignLicense(admin, first, sku).status()).isEqualTo(200);

        List<String> statements = measured(
                () -> assertThat(assignLicense(admin, second, sku).status()).isEqualTo(200));

        print("assignLicense", statements);
        assertThat(statements).hasSizeLessThanOrEqualTo(ASSIGN_LICENSE);
        assertThat(statements).noneMatch(RequestStatementsIT::readsRememberedSettings);
        assertThat(statements).as("each row read once").doesNotHaveDuplicates();
        assertThat(unitsOfWork).as("one unit of work").isEqualTo(1);
    }

    /**
     * Named by principal name, as Graph PowerShell's {@code Set-MgUserLicense -UserId} scripts mostly do: the user is
     * found and locked in one read, so the request runs as many statements as by id.
     */
    @Test
    void assignLicenseByPrincipalName() {
        String first = createUser(admin, "first");
        createUser(admin, "second");
        assertThat(assignLicense(admin, first, sku).status()).isEqualTo(200);

        List<String> statements = measured(() -> assertThat(
                        assignLicense(admin, "Second@" + admin.domain, sku).status())
                .isEqualTo(200));

        print("assignLicense by principal name", statements);
        assertThat(statements).hasSizeLessThanOrEqualTo(ASSIGN_LICENSE);
        assertThat(statements)
                .as("the user read once")
                .filteredOn(sql -> sql.matches("(?is).*\\bfrom directory_user\\b.*"))
                .hasSize(1);
        assertThat(unitsOfWork).as("one unit of work").isEqualTo(1);
    }

    /**
     * A counted listing (as Graph PowerShell's {@code Get-MgUser -All -ConsistencyLevel eventual -CountVariable}
     * pages it) counts on its first page only: the next pages answer the same {@code @odata.count}, carried by their
     * {@code $skiptoken}, instead of counting the whole tenant again each page.
     */
    @Test
    void theNextPagesOfACountedListingDoNotCountAgain() {
        for (String name : List.of("a", "b", "c", "d", "e")) {
            createUser(admin, name);
        }
        Map<String, String> eventual = Map.of("ConsistencyLevel", "eventual");
        JsonNode first = admin.get("/v1.0/users?$count=true&$top=2", eventual).body();
        assertThat(first.path("@odata.count").asLong()).isEqualTo(5);
        URI next = URI.create(first.path("@odata.nextLink").asString());
        List<JsonNode> pages = new ArrayList<>();

        List<String> statements = measured(() -> pages.add(
                admin.get(next.getRawPath() + "?" + next.getRawQuery()).body()));

        print("the second page of a counted listing", statements);
        assertThat(pages.get(0).path("@odata.count").asLong()).isEqualTo(5);
        assertThat(pages.get(0).path("value")).hasSize(2);
        assertThat(statements).noneMatch(sql -> sql.matches("(?is).*\\bcount\\s*\\(.*"));
        URI third = URI.create(pages.get(0).path("@odata.nextLink").asString());
        JsonNode last =
                admin.get(third.getRawPath() + "?" + third.getRawQuery()).body();
        assertThat(last.path("@odata.count").asLong()).isEqualTo(5);
        assertThat(last.path("value")).hasSize(1);
        assertThat(last.has("@odata.nextLink")).isFalse();
    }

    @Test
    void createAUser() {
        createUser(admin, "first");

        List<String> statements = measured(() -> assertThat(
                        admin.post("/v1.0/users", """
                        {"accountEnabled":true,"displayName":"Second","mailNickname":"second",
                         "userPrincipalName":"second@%s"}""".formatted(admin.domain)).status())
                .isEqualTo(201));

        print("POST /users", statements);
        assertThat(statements).hasSizeLessThanOrEqualTo(CREATE_USER);
        assertThat(statements).noneMatch(RequestStatementsIT::readsRememberedSettings);
    }

    @Test
    void organization() {
        assertThat(admin.get("/v1.0/organization").status()).isEqualTo(200);

        List<String> statements = measured(
                () -> assertThat(admin.get("/v1.0/organization").status()).isEqualTo(200));

        print("GET /organization", statements);
        assertThat(statements).hasSizeLessThanOrEqualTo(ORGANIZATION);
        assertThat(statements).noneMatch(RequestStatementsIT::readsRememberedSettings);
    }

    @Test
    void joinALicensedGroup() {
        String group = admin.post("/v1.0/groups", """
                        {"displayName":"Staff","mailEnabled":false,"mailNickname":"staff","securityEnabled":true}""").body().path("id").asString();
        assertThat(admin.post("/v1.0/groups/" + group + "/assignLicense", """
                        {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(sku))
                        .status())
                .isLessThan(300);
        String first = createUser(admin, "first");
        String second = createUser(admin, "second");
        join(group, first);

        List<String> joining = measured(() -> join(group, second));
        assertThat(unitsOfWork).as("one unit of work").isEqualTo(1);
        List<String> details = measured(() -> assertThat(admin.get("/v1.0/users/" + second + "/licenseDetails")
                        .body()
                        .path("value"))
                .hasSize(1));

        print("join", joining);
        print("licenseDetails", details);
        assertThat(joining).hasSizeLessThanOrEqualTo(JOIN);
        assertThat(joining).as("each row read once").doesNotHaveDuplicates();
        assertThat(joining).noneMatch(RequestStatementsIT::readsRememberedSettings);
        assertThat(details).hasSizeLessThanOrEqualTo(LICENSE_DETAILS);
        assertThat(details).noneMatch(RequestStatementsIT::readsRememberedSettings);
    }

    /** A read of the tenant's row, its custom products or plan rules, its subscriptions or its dynamic groups. */
    private static boolean readsRememberedSettings(String sql) {
        return sql.matches("(?i).*\\bfrom (tenant|custom_product|custom_service_plan|plan_rule|subscription)\\b.*")
                || sql.contains("'DynamicMembership' = any");
    }

    private void join(String group, String user) {
        assertThat(admin.post("/v1.0/groups/" + group + "/members/$ref", """
                        {"@odata.id":"https://graph.microsoft.com/v1.0/directoryObjects/%s"}""".formatted(user))
                        .status())
                .isEqualTo(204);
    }

    /**
     * The statements the request's thread ran, but for the reads of the calling app (with its certificates and its
     * roles over administrative units) and of the signing keys: those
     * are remembered for seconds by security ({@code ApiTokens.STALE}, {@code SigningKeys.FRESH}), so whether a
     * request makes them depends on the clock, not on the request.
     */
    private static List<String> measured(Runnable request) {
        LOG.clear();
        request.run();
        List<StatementLog.Entry> entries = LOG.of(StatementLog::requestThread);
        unitsOfWork = unitsOfWork(entries);
        return entries.stream()
                .filter(StatementLog.Entry::isStatement)
                .map(StatementLog.Entry::sql)
                .filter(sql -> !remembered(sql))
                .toList();
    }

    /** A read of the calling app or of the signing keys, which security remembers for seconds. */
    private static boolean remembered(String sql) {
        return sql.matches("(?i).*\\bfrom (app_registration|app_certificate|unit_role_assignment|signing_key)\\b.*");
    }

    /**
     * The transactions that ran a {@link #measured} statement: each ends with a commit or a rollback, and a statement
     * after the last end ran on its own.
     */
    private static int unitsOfWork(List<StatementLog.Entry> entries) {
        int units = 0;
        boolean measuredSinceEnd = false;
        for (StatementLog.Entry e : entries) {
            if (e.isStatement()) {
                if (!remembered(e.sql())) {
                    measuredSinceEnd = true;
                }
            } else if (measuredSinceEnd) {
                units++;
                measuredSinceEnd = false;
            }
        }
        return measuredSinceEnd ? units + 1 : units;
    }

    private static void print(String what, List<String> statements) {
        System.out.println("=== " + what + ": " + statements.size() + " statements");
        statements.forEach(s -> System.out.println("  " + s));
    }
}
