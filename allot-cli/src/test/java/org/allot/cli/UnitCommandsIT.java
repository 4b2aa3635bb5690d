package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.allot.cli.testing.AgainstARealServer;
import org.allot.cli.testing.Run;
import org.junit.jupiter.api.Test;

/**
 * Administrative units from the command line: a unit created, a user added, an app given License Administrator over
 * it, which then sees that unit's user and not another user; the role taken back and the unit deleted.
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
}
