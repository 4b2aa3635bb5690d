package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.core.catalog.Product;
import org.allot.server.security.store.Role;
import org.allot.server.testing.LicenseOracle;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The license check through the API, on drift made behind the server's back by SQL: a dry run lists every difference
 * and changes nothing, a repair leaves the tenant as the rules say (checked from the raw tables by the oracle) with
 * its audit records, and a tenant has one run under way at a time.
 */
class LicenseCheckApiIT extends ApiIT {
    private static final String RUNS = "/allot/v1/reconciliation/runs/";

    @Test
    void aDryRunFindsDriftMadeBySqlAndARepairBringsTheTenantBackInLine() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        Product e3 = product("ENTERPRISEPACK");
        UUID plan = e3.servicePlans().get(0).id().value();
        subscribe(admin, "ENTERPRISEPACK", 10);
        subscribe(admin, "EMS", 10);
        String ada = user(admin, "ada");
        String bob = user(admin, "bob");
        String cyd = user(admin, "cyd");
        String dan = user(admin, "dan");
        String staff = group(admin, "Staff", ada, bob, cyd);
        assertThat(admin.post(
                                "/v1.0/groups/" + staff + "/assignLicense",
                                "{\"addLicenses\":[{\"skuId\":\"" + e3.skuId() + "\",\"disabledPlans\":[\"" + plan
                                        + "\"]}],\"removeLicenses\":[]}")
                        .status())
                .isEqualTo(202);
        assertThat(admin.post(
                                "/v1.0/users/" + cyd + "/assignLicense",
                                "{\"addLicenses\":[{\"skuId\":\""
                                        + product("EMS").skuId() + "\",\"disabledPlans\":[]}],\"removeLicenses\":[]}")
                        .status())
                .isEqualTo(200);
        LicenseOracle oracle = new LicenseOracle(jdbc, admin.tenant, Map.of());
        assertThat(oracle.differences()).isEmpty();

        sql("delete from license_assignment where tenant_id = ? and user_id = ?::uuid", admin.tenant.value(), ada);
        sql(
                "update license_assignment set disabled_plans = '{}' where tenant_id = ? and user_id = ?::uuid",
                admin.tenant.value(),
                bob);
        sql("""
                insert into license_assignment (tenant_id, user_id, sku_id, source_group_id, disabled_plans, state,
                    requested_at, updated_at)
                values (?, ?::uuid, ?, ?::uuid, '{}', 'Active', now(), now())""", admin.tenant.value(), dan, e3.skuId().value(), staff);
        sql(
                "update seat_count set consumed = 7 where tenant_id = ? and sku_id = ?",
                admin.tenant.value(),
                product("EMS").skuId().value());
        List<String> drift = oracle.differences();
        assertThat(drift).isNotEmpty();

        JsonNode dryRun = runToTheEnd(admin, "{\"dryRun\": true}");

        assertThat(dryRun.path("dryRun").asBoolean()).isTrue();
        assertThat(dryRun.path("state").asString()).isEqualTo("Succeeded");
        assertThat(dryRun.path("usersChecked").asInt()).isEqualTo(4);
        assertThat(dryRun.path("differencesFound").asInt()).isEqualTo(4);
        assertThat(dryRun.path("consistent").asBoolean()).isFalse();
        List<String> found = differences(admin, dryRun.path("id").asString());
        assertThat(found.get(0))
                .as("seats first")
                .isEqualTo("ConsumedUnits EMS null null: expected 1, stored 7, repaired false");
        assertThat(found.subList(1, found.size()))
                .as("then users in id order")
                .containsExactlyInAnyOrder(
                        line("MissingAssignment", ada, staff, "Active, off: " + planName(e3, plan), "absent", false),
                        line("DisabledPlans", bob, staff, planName(e3, plan), "none", false),
                        line("UnexpectedAssignment", dan, staff, "absent", "Active", false));
        assertThat(oracle.differences()).as("a dry run changes nothing").isEqualTo(drift);

        JsonNode repair = runToTheEnd(admin, "{\"dryRun\": false}");

        assertThat(repair.path("differencesRepaired").asInt()).isEqualTo(4);
        assertThat(repair.path("consistent").asBoolean()).isTrue();
        assertThat(oracle.differences()).isEmpty();
        JsonNode audits = admin.get(
                        "/v1.0/auditLogs/directoryAudits?$filter=activityDisplayName%20eq%20'Repair%20license%20state'")
                .body()
                .path("value");
        List<String> targets = new ArrayList<>();
        for (JsonNode audit : audits) {
            assertThat(audit.path("initiatedBy").path("app").path("displayName").asString())
                    .isEqualTo("reconciliation");
            targets.add(audit.path("targetResources").get(0).path("id").asString());
        }
        assertThat(targets)
                .containsExactlyInAnyOrder(ada, bob, dan, product("EMS").skuId().toString());
        assertThat(runToTheEnd(admin, null).path("differencesFound").asInt())
                .as("a dry run by default, finding nothing now")
                .isZero();
    }

    @Test
    void runsAreListedNewestFirstAndPaged() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        String first = runToTheEnd(admin, "{\"dryRun\": true}").path("id").asString();
        String second = runToTheEnd(admin, "{\"dryRun\": false}").path("id").asString();

        Response page = admin.get("/allot/v1/reconciliation/runs?$top=1");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().path("value").get(0).path("id").asString()).isEqualTo(second);
        String next = page.body().path("@odata.nextLink").asString();
        assertThat(next).contains("$skip=1");
        JsonNode rest = admin.get(next.substring(next.indexOf("/allot/v1"))).body();
        assertThat(rest.path("value").get(0).path("id").asString()).isEqualTo(first);
        assertThat(rest.has("@odata.nextLink")).isFalse();
    }

    @Test
    void aSecondRequestWhileARunIsUnderWayIsAConflict() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        UUID running = UUID.randomUUID();
        sql("""
                insert into license_check_run (tenant_id, id, dry_run, state, requested_by_kind, requested_by_id,
                    requested_by_name, requested_at, started_at)
                values (?, ?, true, 'Running', 'SYSTEM', 'reconciliation', 'reconciliation', now(), now())""", admin.tenant.value(), running);

        Response refused = admin.post("/allot/v1/reconciliation", "{\"dryRun\": false}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorMessage()).contains(running.toString()).contains("already running");
        assertThat(admin.get(RUNS + running).body().path("state").asString()).isEqualTo("Running");
    }

    @Test
    void globalAndLicenseAdministratorsStartRunsAndEveryRoleReadsThem() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        String run = runToTheEnd(as(admin, Role.LICENSE_ADMINISTRATOR), "{\"dryRun\": false}")
                .path("id")
                .asString();
        for (Role role : List.of(Role.GLOBAL_READER, Role.USER_ADMINISTRATOR, Role.GROUPS_ADMINISTRATOR)) {
            ApiClient other = as(admin, role);
            assertThat(other.post("/allot/v1/reconciliation", "{}").status())
                    .as(role.displayName())
                    .isEqualTo(403);
            assertThat(other.get(RUNS + run).status()).isEqualTo(200);
            assertThat(other.get(RUNS + run + "/differences").status()).isEqualTo(200);
        }
    }

    @Test
    void badRequestsAreAnsweredWithGraphsBody() {
        ApiClient admin = newTenant(Role.GLOBAL_ADMINISTRATOR);
        for (String body : List.of("{\"dryRun\": \"yes\"}", "{\"repair\": true}", "[]", "null")) {
            Response refused = admin.post("/allot/v1/reconciliation", body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.errorCode()).as(body).isNotBlank();
        }
        assertThat(admin.get(RUNS + "not-a-run").status()).isEqualTo(404);
        assertThat(admin.get(RUNS + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(admin.get("/allot/v1/reconciliation/runs?$top=0").status()).isEqualTo(400);
        assertThat(admin.get("/allot/v1/reconciliation/runs")
                        .body()
                        .path("value")
                        .size())
                .isZero();
    }

    /** Asks for a run and waits until it has ended; returns it. */
    private static JsonNode runToTheEnd(ApiClient admin, String body) {
        Response started = admin.post("/allot/v1/reconciliation", body);
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        String id = started.body().path("id").asString();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            JsonNode run = admin.get(RUNS + id).body();
            String state = run.path("state").asString();
            if (!state.equals("Queued") && !state.equals("Running")) {
                return run;
            }
            assertThat(System.nanoTime()).as("run " + id + " still " + state).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Every difference of a run, read a page of two at a time, one line each. */
    private static List<String> differences(ApiClient admin, String run) {
        List<String> lines = new ArrayList<>();
        String next = RUNS + run + "/differences?$top=2";
        while (next != null) {
            JsonNode page = admin.get(next).body();
            for (JsonNode d : page.path("value")) {
                lines.add(d.path("kind").asString() + " "
                        + d.path("skuPartNumber").asString() + " "
                        + d.path("userId").asString(null) + " "
                        + d.path("assignedByGroup").asString(null)
                        + ": expected " + d.path("expected").asString() + ", stored "
                        + d.path("stored").asString()
                        + ", repaired " + d.path("repaired").asBoolean());
            }
            String link = page.path("@odata.nextLink").asString(null);
            next = link == null ? null : link.substring(link.indexOf("/allot/v1"));
        }
        return lines;
    }

    private static String line(
            String kind, String user, String group, String expected, String stored, boolean repaired) {
        return kind + " ENTERPRISEPACK " + user + " " + group + ": expected " + expected + ", stored " + stored
                + ", repaired " + repaired;
    }

    private static String planName(Product product, UUID plan) {
        return product.servicePlans().stream()
                .filter(p -> p.id().value().equals(plan))
                .findFirst()
                .orElseThrow()
                .name();
    }

    private String user(ApiClient admin, String name) {
        Response created = admin.post(
                "/v1.0/users",
                "{\"accountEnabled\":true,\"displayName\":\"" + name + "\",\"mailNickname\":\"" + name
                        + "\",\"userPrincipalName\":\"" + name + "@" + admin.domain + "\",\"usageLocation\":\"US\"}");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().path("id").asString();
    }

    private String group(ApiClient admin, String name, String... members) {
        String id = admin.post(
                        "/v1.0/groups",
                        "{\"displayName\":\"" + name
                                + "\",\"mailEnabled\":false,\"mailNickname\":\"x\",\"securityEnabled\":true}")
                .body()
                .path("id")
                .asString();
        for (String member : members) {
            assertThat(admin.post(
                                    "/v1.0/groups/" + id + "/members/$ref",
                                    "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + member
                                            + "\"}")
                            .status())
                    .isEqualTo(204);
        }
        return id;
    }

    private void sql(String statement, Object... params) {
        jdbc.sql(statement).params(params).update();
    }
}
