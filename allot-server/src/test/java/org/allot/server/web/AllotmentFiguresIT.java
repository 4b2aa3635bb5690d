package org.allot.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.allot.server.security.store.Role;
import org.allot.server.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Allotments wherever seat figures show, over HTTP on PostgreSQL (docs/delegation.md#allotments): a group's seat-impact
 * preview breaks the product down by pool (a pool that fills and queues while the product has seats free), the
 * licenseHolders report names each holder's allotment (JSON and CSV), and the license check recounts a pool whose
 * figures were changed behind the server's back, reports it and repairs it.
 */
class AllotmentFiguresIT extends ApiIT {
    private ApiClient global;
    private String e3;
    private String pool;
    private String staff;
    private final List<String> northUsers = new ArrayList<>();

    /** E3 with 10 seats; North's pool of 2 seats; Staff: three North users and one other, not licensed yet. */
    private void twoUnits() {
        global = newTenant(Role.GLOBAL_ADMINISTRATOR);
        subscribe(global, "ENTERPRISEPACK", 10);
        e3 = product("ENTERPRISEPACK").skuId().toString();
        String north = global.post("/v1.0/directory/administrativeUnits", "{\"displayName\":\"North\"}")
                .body()
                .path("id")
                .asString();
        for (String name : List.of("n1", "n2", "n3")) {
            String user = createUser(global, name);
            assertThat(global.post("/v1.0/directory/administrativeUnits/" + north + "/members/$ref", ref(user))
                            .status())
                    .isEqualTo(204);
            northUsers.add(user);
        }
        String other = createUser(global, "other");
        Response created = global.post("/allot/v1/subscribedSkus/" + e3 + "/allotments", """
                {"displayName":"North seats","ownerType":"administrativeUnit","ownerId":"%s","cap":2}""".formatted(north));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        pool = created.body().path("id").asString();
        staff = global.post("/v1.0/groups", """
                        {"displayName":"Staff","mailEnabled":false,"mailNickname":"staff","securityEnabled":true}""").body().path("id").asString();
        for (String user : List.of(northUsers.get(0), northUsers.get(1), northUsers.get(2), other)) {
            assertThat(global.post("/v1.0/groups/" + staff + "/members/$ref", ref(user))
                            .status())
                    .isEqualTo(204);
        }
    }

    private String licenseStaff() {
        return """
                {"addLicenses":[{"skuId":"%s","disabledPlans":[]}],"removeLicenses":[]}""".formatted(e3);
    }

    private void licenseStaffAndWait() {
        assertThat(global.post("/v1.0/groups/" + staff + "/assignLicense", licenseStaff())
                        .status())
                .isEqualTo(202);
        await().atMost(Duration.ofMinutes(1)).until(() -> poolFigures().equals("2 1"));
    }

    @Test
    void theSeatImpactPreviewShowsAPoolThatFillsAndQueuesWhileTheProductHasFreeSeats() {
        twoUnits();

        Response preview = global.post("/allot/v1/groups/" + staff + "/seatImpact", licenseStaff());

        assertThat(preview.status()).as(preview.raw().body()).isEqualTo(200);
        JsonNode sku = preview.body().path("skus").get(0);
        assertThat(sku.path("availableNow").asInt()).isEqualTo(10);
        assertThat(sku.path("seatsTaken").asInt()).isEqualTo(3);
        assertThat(sku.path("wouldWait").asInt()).isEqualTo(1);
        JsonNode pools = sku.path("allotments");
        assertThat(pools).hasSize(2);
        assertThat(pools.get(0).path("allotmentId").asString()).isEqualTo(pool);
        assertThat(figures(pools.get(0))).isEqualTo("North seats cap 2 seats 2 used 0->2 waiting 0->1");
        assertThat(pools.get(1).path("allotmentId").asString(null))
                .as("the remainder")
                .isNull();
        assertThat(figures(pools.get(1))).isEqualTo("null cap null seats 8 used 0->1 waiting 0->0");
    }

    @Test
    void theLicenseHoldersReportNamesEachHoldersAllotment() {
        twoUnits();
        licenseStaffAndWait();

        JsonNode holders = global.get("/allot/v1/reports/licenseHolders").body().path("value");

        List<String> rows = new ArrayList<>();
        holders.forEach(h -> rows.add(h.path("userPrincipalName").asString().replaceAll("[0-9]*@.*", "") + " "
                + h.path("error").asString("-") + " " + h.path("allotmentId").asString("-") + " "
                + h.path("allotmentName").asString("-")));
        assertThat(rows)
                .as("two North users hold a seat of the pool and the third waits for one; the other user's seat is in"
                        + " no allotment")
                .containsExactlyInAnyOrder(
                        "n - " + pool + " North seats",
                        "n - " + pool + " North seats",
                        "n CountViolation " + pool + " North seats",
                        "other - - -");

        Response csv = global.get("/allot/v1/reports/licenseHolders.csv");
        assertThat(csv.status()).isEqualTo(200);
        List<String> lines = csv.raw().body().replace("\"", "").lines().toList();
        assertThat(lines.get(0)).endsWith(",since,allotmentId,allotmentName");
        assertThat(lines.stream().filter(l -> l.endsWith("," + pool + ",North seats")))
                .hasSize(3);
        assertThat(lines.stream().filter(l -> l.contains("other@")))
                .singleElement()
                .satisfies(l -> assertThat(l).endsWith(",,"));
    }

    @Test
    void theLicenseCheckReportsAndRepairsAPoolsFiguresChangedInTheDatabase() {
        twoUnits();
        licenseStaffAndWait();
        jdbc.sql("update allotment_count set consumed = 0, waiting = 3 where tenant_id = ? and allotment_id = ?::uuid")
                .params(global.tenant.value(), pool)
                .update();

        JsonNode dryRun = run("{\"dryRun\": true}");

        assertThat(dryRun.path("differencesFound").asInt()).isEqualTo(2);
        assertThat(differences(dryRun))
                .containsExactly(
                        "AllotmentConsumedUnits ENTERPRISEPACK North seats " + pool + ": expected 2, stored 0,"
                                + " repaired false",
                        "AllotmentWaitingUnits ENTERPRISEPACK North seats " + pool + ": expected 1, stored 3,"
                                + " repaired false");
        assertThat(poolFigures()).as("a dry run changes nothing").isEqualTo("0 3");

        JsonNode repair = run("{\"dryRun\": false}");

        assertThat(repair.path("differencesRepaired").asInt()).isEqualTo(2);
        assertThat(poolFigures()).isEqualTo("2 1");
        assertThat(jdbc.sql("select count(*) from audit_event where tenant_id = ? and activity = 'REPAIR_LICENSE_STATE'"
                                + " and target_name = 'North seats'")
                        .params(global.tenant.value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(run("{\"dryRun\": true}").path("differencesFound").asInt()).isZero();
    }

    /** The pool's figures as stored: holders, then waiting users. */
    private String poolFigures() {
        return jdbc.sql("select consumed || ' ' || waiting from allotment_count where tenant_id = ? and allotment_id ="
                        + " ?::uuid")
                .params(global.tenant.value(), pool)
                .query(String.class)
                .single();
    }

    private JsonNode run(String body) {
        Response started = global.post("/allot/v1/reconciliation", body);
        assertThat(started.status()).as(started.raw().body()).isEqualTo(202);
        String id = started.body().path("id").asString();
        await().atMost(Duration.ofMinutes(1)).until(() -> {
            String state = global.get("/allot/v1/reconciliation/runs/" + id)
                    .body()
                    .path("state")
                    .asString();
            return !state.equals("Queued") && !state.equals("Running");
        });
        JsonNode run = global.get("/allot/v1/reconciliation/runs/" + id).body();
        assertThat(run.path("state").asString()).isEqualTo("Succeeded");
        return run;
    }

    private List<String> differences(JsonNode run) {
        List<String> lines = new ArrayList<>();
        global.get("/allot/v1/reconciliation/runs/" + run.path("id").asString() + "/differences")
                .body()
                .path("value")
                .forEach(d -> lines.add(d.path("kind").asString() + " "
                        + d.path("skuPartNumber").asString() + " "
                        + d.path("allotmentName").asString() + " "
                        + d.path("allotmentId").asString()
                        + ": expected " + d.path("expected").asString() + ", stored "
                        + d.path("stored").asString()
                        + ", repaired " + d.path("repaired").asBoolean()));
        return lines;
    }

    private static String figures(JsonNode pool) {
        return pool.path("displayName").asString("null") + " cap "
                + pool.path("cap").asString("null") + " seats "
                + pool.path("seats").asInt() + " used "
                + pool.path("consumedUnitsNow").asInt() + "->"
                + pool.path("consumedUnitsAfter").asInt() + " waiting "
                + pool.path("waitingUnitsNow").asInt() + "->"
                + pool.path("waitingUnitsAfter").asInt();
    }

    private static String ref(String id) {
        return "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + id + "\"}";
    }
}
