package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.allot.cli.testing.AgainstARealServer;
import org.allot.cli.testing.Cli;
import org.allot.cli.testing.CountingProxy;
import org.allot.cli.testing.Run;
import org.allot.cli.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Administrative units from the command line: a unit created, a user added, an app given License Administrator over
 * it, which then sees that unit's user and not another user; the role taken back and the unit deleted. An app whose
 * role is held over a unit reports on that unit's users only. {@code whoami} names the roles an app holds over units,
 * with each unit; a tenant-wide administrator's is unchanged, and a server that refuses to list units leaves the
 * token's roles shown.
 */
class UnitCommandsIT extends AgainstARealServer {

    @Test
    void aUnitIsCreatedFilledAndDelegatedToAnAppThatThenSeesOnlyItsUsers() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String unit = "North " + suffix;
        String inside = "north." + suffix + "@contoso.com";
        String outside = "south." + suffix + "@contoso.com";
        assertThat(allot.run("user", "create", inside, "--name", "North " + suffix)
                        .exit())
                .isZero();
        assertThat(allot.run("user", "create", outside, "--name", "South " + suffix)
                        .exit())
                .isZero();

        Run created = allot.run("unit", "create", unit, "--description", "North business unit");
        assertThat(created.exit()).as(created.toString()).isZero();
        assertThat(allot.run("unit", "list", "-o", "csv").csv())
                .extracting(u -> u.get("displayName"))
                .contains(unit);
        Run added = allot.run("unit", "members", "add", unit, inside);
        assertThat(added.exit()).as(added.toString()).isZero();
        assertThat(allot.run("unit", "members", "list", unit, "-o", "csv").csv())
                .extracting(m -> m.get("userPrincipalName"))
                .containsExactly(inside);
        assertThat(allot.run("unit", "members", "add", unit, "nobody." + suffix + "@contoso.com")
                        .exit())
                .isEqualTo(3);

        Run app = allot.run("app", "create", "North app " + suffix, "--role", "Global Reader", "-o", "json");
        assertThat(app.exit()).as(app.toString()).isZero();
        String clientId = app.json().path("appId").asString();
        String secret = app.json().path("clientSecret").asString();
        Run granted = allot.run("unit", "role", "add", unit, "License Administrator", clientId);
        assertThat(granted.exit()).as(granted.toString()).isZero();
        assertThat(allot.run("unit", "role", "list", unit, "-o", "csv").csv())
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.get("role")).isEqualTo("License Administrator");
                    assertThat(r.get("appId")).isEqualTo(clientId);
                });
        Run badRole = allot.run("unit", "role", "add", unit, "Global Administrator", clientId);
        assertThat(badRole.exit()).isEqualTo(2);

        var northApp = allot.with("ALLOT_CLIENT_ID", clientId).with("ALLOT_CLIENT_SECRET", secret);
        Run whoami = northApp.run("whoami", "-o", "json");
        assertThat(whoami.exit()).as(whoami.toString()).isZero();
        assertThat(whoami.json().path("tenant").asString()).isEqualTo("Contoso");
        assertThat(whoami.json().path("roles").get(0).asString())
                .as("the token's role, unchanged for scripts")
                .isEqualTo("Global Reader");
        String unitId =
                allot.run("unit", "show", unit, "-o", "csv").csv().get(0).get("id");
        assertThat(whoami.json().path("scopedRoles").size()).as(whoami.out()).isEqualTo(1);
        assertThat(whoami.json().path("scopedRoles").get(0).path("role").asString())
                .isEqualTo("License Administrator");
        assertThat(whoami.json().path("scopedRoles").get(0).path("unitId").asString())
                .isEqualTo(unitId);
        assertThat(whoami.json().path("scopedRoles").get(0).path("unit").asString())
                .isEqualTo(unit);
        Run whoamiTable = northApp.run("whoami");
        assertThat(whoamiTable.exit()).as(whoamiTable.toString()).isZero();
        assertThat(whoamiTable.out()).containsPattern("License Administrator +" + unitId + " +" + unit);
        assertThat(whoamiTable.err())
                .as("the app's own role is set aside while it holds roles over units")
                .contains("Global Reader", "set aside");
        Run login = northApp.with(
                        "ALLOT_CONFIG", home.resolve("north-config.json").toString())
                .run("login", "-o", "json");
        assertThat(login.exit()).as(login.toString()).isZero();
        assertThat(login.json().path("scopedRoles").size())
                .as("login shows who the app is as whoami does: " + login.out())
                .isEqualTo(1);
        assertThat(login.json().path("scopedRoles").get(0).path("role").asString())
                .isEqualTo("License Administrator");
        Run seen = northApp.run("user", "show", inside, "-o", "json");
        assertThat(seen.exit()).as(seen.toString()).isZero();
        assertThat(northApp.run("user", "show", outside).exit()).isEqualTo(3);
        assertThat(northApp.run("unit", "list", "-o", "csv").csv())
                .extracting(u -> u.get("displayName"))
                .containsExactly(unit);
        assertThat(northApp.run("unit", "create", "Mine " + suffix).exit()).isNotZero();

        String roleId = allot.run("unit", "role", "list", unit, "-o", "csv")
                .csv()
                .get(0)
                .get("id");
        assertThat(allot.run("unit", "role", "remove", unit, roleId).exit()).isZero();
        assertThat(northApp.run("user", "show", outside).exit()).isZero();
        Run deleted = allot.run("unit", "delete", unit);
        assertThat(deleted.exit()).as(deleted.toString()).isZero();
        assertThat(allot.run("unit", "show", unit).exit()).isEqualTo(3);
    }

    @Test
    void anAppWhoseRoleIsHeldOverAUnitReportsOnItsUsersOnly() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String sku = "UNIT_REPORT_" + suffix.toUpperCase(java.util.Locale.ROOT);
        String inside = "north." + suffix + "@contoso.com";
        String outside = "south." + suffix + "@contoso.com";
        api.post("/allot/v1/products", """
                {"skuPartNumber": "%s", "displayName": "Unit report %s",
                 "servicePlans": [{"servicePlanName": "%s_PLAN", "displayName": "Unit report plan"}]}""".formatted(sku, suffix, sku));
        run("subscription", "add", "--sku", sku, "--seats", "5", "--price", "10", "--currency", "EUR");
        for (String user : java.util.List.of(inside, outside)) {
            run("user", "create", user, "--name", user, "--usage-location", "CH");
            run("license", "assign", "--user", user, "--sku", sku);
        }
        String unit = "North reports " + suffix;
        run("unit", "create", unit);
        run("unit", "members", "add", unit, inside);
        Run app = run("app", "create", "North reports " + suffix, "--role", "Global Reader", "-o", "json");
        run(
                "unit",
                "role",
                "add",
                unit,
                "License Administrator",
                app.json().path("appId").asString());
        var northApp = allot.with("ALLOT_CLIENT_ID", app.json().path("appId").asString())
                .with("ALLOT_CLIENT_SECRET", app.json().path("clientSecret").asString());

        Run holders = northApp.run("report", "holders");
        assertThat(holders.exit()).as(holders.toString()).isZero();
        assertThat(holders.csv())
                .extracting(r -> r.get("userPrincipalName"))
                .contains(inside)
                .doesNotContain(outside);
        Run costs = northApp.run("report", "costs", "--by", "line", "-o", "json");
        assertThat(costs.exit()).as(costs.toString()).isZero();
        java.util.List<String> lines = new java.util.ArrayList<>();
        costs.json().forEach(l -> {
            if (l.path("skuPartNumber").asString().equals(sku)) {
                lines.add(l.path("source").asString() + " " + l.path("seats").asInt() + " "
                        + l.path("monthlyAmount").asString());
            }
        });
        assertThat(lines)
                .as("the unit's seat, without the other unit's nor the seats nobody holds")
                .containsExactly("direct 1 10.00");
    }

    @Test
    void aTenantWideAdminsWhoamiIsUnchangedAndReadsTheRolesOfOneUnitOnly(TestServer server) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Run app = run("app", "create", "East app " + suffix, "--role", "Global Reader", "-o", "json");
        for (String unit : List.of("East " + suffix, "West " + suffix, "Centre " + suffix)) {
            run("unit", "create", unit);
            run(
                    "unit",
                    "role",
                    "add",
                    unit,
                    "User Administrator",
                    app.json().path("appId").asString());
        }
        try (CountingProxy proxy = CountingProxy.to(server.url())) {
            Cli counted = allot.with("ALLOT_URL", proxy.url());
            Run whoami = counted.run("whoami", "-o", "json");
            assertThat(whoami.exit()).as(whoami.toString()).isZero();
            assertThat(whoami.json().path("roles").get(0).asString()).isEqualTo("Global Administrator");
            assertThat(whoami.json().path("scopedRoles").isArray())
                    .as(whoami.out())
                    .isTrue();
            assertThat(whoami.json().path("scopedRoles").size()).isZero();
            assertThat(proxy.take())
                    .as("a tenant-wide role holds no role over units: the first unit's roles tell so")
                    .filteredOn(r -> r.contains("/scopedRoleMembers"))
                    .hasSize(1);

            Run table = counted.run("whoami");
            assertThat(table.exit()).as(table.toString()).isZero();
            assertThat(table.out()).contains("Global Administrator").doesNotContain("unitId");
            assertThat(table.err()).isEmpty();
        }

        var eastApp = allot.with("ALLOT_CLIENT_ID", app.json().path("appId").asString())
                .with("ALLOT_CLIENT_SECRET", app.json().path("clientSecret").asString());
        Run scoped = eastApp.run("whoami", "-o", "json");
        assertThat(scoped.exit()).as(scoped.toString()).isZero();
        List<String> held = new java.util.ArrayList<>();
        scoped.json()
                .path("scopedRoles")
                .forEach(r -> held.add(
                        r.path("role").asString() + " over " + r.path("unit").asString()));
        assertThat(held)
                .containsExactlyInAnyOrder(
                        "User Administrator over East " + suffix,
                        "User Administrator over West " + suffix,
                        "User Administrator over Centre " + suffix);
    }

    @Test
    void whoamiPrintsTheTokensRolesWhenTheRolesOverUnitsCannotBeRead(TestServer server) {
        try (CountingProxy proxy = CountingProxy.to(server.url()).refusing("/v1.0/directory/administrativeUnits")) {
            Cli refused = allot.with("ALLOT_URL", proxy.url());
            Run table = refused.run("whoami");
            assertThat(table.exit()).as(table.toString()).isZero();
            assertThat(table.out()).contains("Contoso", "Global Administrator");
            assertThat(table.err())
                    .contains("roles held over administrative units could not be read")
                    .contains("Insufficient privileges");

            Run json = refused.run("whoami", "-o", "json");
            assertThat(json.exit()).as(json.toString()).isZero();
            assertThat(json.json().path("roles").get(0).asString()).isEqualTo("Global Administrator");
            assertThat(json.json().has("scopedRoles"))
                    .as("unknown, not none: " + json.out())
                    .isFalse();
        }
    }

    private Run run(String... args) {
        Run result = allot.run(args);
        assertThat(result.exit()).as(result.toString()).isZero();
        return result;
    }
}
