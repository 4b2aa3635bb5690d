package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.allot.cli.testing.AgainstARealServer;
import org.allot.cli.testing.Run;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * License requests from the command line: filed, listed, shown, approved (the user holds the license), denied with a
 * reason, and a second decision refused. Works on a product no other command test uses (Defender for Office 365).
 */
class RequestCommandsIT extends AgainstARealServer {
    private static final String SKU = "ATP_ENTERPRISE";

    @Test
    void aRequestIsFiledListedApprovedAndAnotherDenied() {
        assertThat(allot.run("subscription", "add", "--sku", SKU, "--seats", "5")
                        .exit())
                .isZero();
        for (String name : new String[] {"req.ada", "req.bob"}) {
            Run created = allot.run("user", "create", name + "@contoso.com", "--name", name, "--usage-location", "US");
            assertThat(created.exit()).as(created.toString()).isZero();
        }

        Run filed = allot.run(
                "request",
                "file",
                "req.ada@contoso.com",
                "--sku",
                SKU,
                "--justification",
                "Phishing pilot",
                "-o",
                "json");
        assertThat(filed.exit()).as(filed.toString()).isZero();
        String ada = filed.json().path("id").asString();
        assertThat(filed.json().path("status").asString()).isEqualTo("pending");
        assertThat(filed.json().path("servicePlanIds").isArray())
                .as("plans as a JSON array, as the API gives them")
                .isTrue();
        String bob = allot.run(
                        "request",
                        "file",
                        "req.bob@contoso.com",
                        "--sku",
                        SKU,
                        "--justification",
                        "Curious",
                        "-o",
                        "json")
                .json()
                .path("id")
                .asString();

        Run pending = allot.run("request", "list", "--status", "pending", "-o", "json");
        assertThat(pending.exit()).as(pending.toString()).isZero();
        assertThat(pending.json().findValuesAsString("id")).contains(ada, bob);

        Run approved = allot.run("request", "approve", ada, "-o", "json");
        assertThat(approved.exit()).as(approved.toString()).isZero();
        assertThat(approved.json().path("grantStatus").asString()).isEqualTo("granted");
        JsonNode details =
                api.get("/v1.0/users/req.ada@contoso.com/licenseDetails").path("value");
        assertThat(details.findValuesAsString("skuPartNumber")).contains(SKU);

        Run denied = allot.run("request", "deny", bob, "--reason", "Not in the pilot");
        assertThat(denied.exit()).as(denied.toString()).isZero();
        assertThat(denied.out()).contains("Denied: Not in the pilot");
        assertThat(allot.run("request", "show", bob, "-o", "json")
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("denied");

        Run again = allot.run("request", "approve", bob);
        assertThat(again.exit()).as("decided already").isNotZero();
        assertThat(again.err()).contains("denied already");
        assertThat(allot.run("request", "list", "--top", "0").exit()).isEqualTo(2);
    }
}
