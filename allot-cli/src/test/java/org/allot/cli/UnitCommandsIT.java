package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.allot.cli.testing.AgainstARealServer;
import org.allot.cli.testing.Run;
import org.junit.jupiter.api.Test;

/**
 * Administrative units from the command line: a unit created, a user added, an app given License Administrator over
 * it, which then sees that unit's user and not another user; the role taken back and the unit deleted. An app whose
 * role is held over a unit reports on that unit's users only.
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

    private Run run(String... args) {
        Run result = allot.run(args);
        assertThat(result.exit()).as(result.toString()).isZero();
        return result;
    }
}
