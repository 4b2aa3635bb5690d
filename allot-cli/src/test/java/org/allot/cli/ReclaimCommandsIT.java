package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.allot.cli.testing.AgainstARealServer;
import org.allot.cli.testing.Run;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Reclaim from the command line: sign-ins imported from a CSV file, a policy set and shown, the report with its saving,
 * and applying it. Works on a product no other test uses (Intune), so other tests' licenses are left alone.
 */
class ReclaimCommandsIT extends AgainstARealServer {
    private static final String SKU = "INTUNE_A";

    private static String daysAgo(int days) {
        return Instant.now()
                .minus(Duration.ofDays(days))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }

    private void user(String name) {
        Run created = allot.run("user", "create", name + "@contoso.com", "--name", name, "--usage-location", "US");
        assertThat(created.exit()).as(created.toString()).isZero();
        Run assigned = allot.run("license", "assign", "--user", name + "@contoso.com", "--sku", SKU);
        assertThat(assigned.exit()).as(assigned.toString()).isZero();
    }

    @Test
    void signInsAreImportedAPolicyReportsTheIdleSeatWithItsSavingAndApplyingFreesIt() throws Exception {
        Run bought =
                allot.run("subscription", "add", "--sku", SKU, "--seats", "2", "--price", "4.00", "--currency", "USD");
        assertThat(bought.exit()).as(bought.toString()).isZero();
        user("reclaim-idle");
        user("reclaim-busy");

        Path log = home.resolve("sign-ins.csv");
        Files.writeString(
                log,
                "userPrincipalName,lastSignInDateTime\n"
                        + "reclaim-idle@contoso.com," + daysAgo(120) + "\n"
                        + "reclaim-busy@contoso.com," + daysAgo(2) + "\n",
                StandardCharsets.UTF_8);
        Run imported = allot.run("user", "activity", "import", log.toString(), "-o", "json");
        assertThat(imported.exit()).as(imported.toString()).isZero();
        assertThat(imported.json().path("users").asInt()).isEqualTo(2);
        Run shown = allot.run("user", "activity", "show", "reclaim-idle@contoso.com", "-o", "json");
        assertThat(shown.exit()).as(shown.toString()).isZero();
        assertThat(shown.json().path("lastSignInDateTime").asString()).isNotEmpty();

        Run policy = allot.run("reclaim", "policy", "set", "--sku", SKU, "--inactive-days", "90", "-o", "json");
        assertThat(policy.exit()).as(policy.toString()).isZero();
        assertThat(policy.json().path("mode").asString()).isEqualTo("ReportOnly");
        assertThat(policy.json().path("exemptUserIds").isArray()).isTrue();
        assertThat(policy.json().path("exemptGroupIds").isArray()).isTrue();
        Run policies = allot.run("reclaim", "policy", "show", "-o", "csv");
        assertThat(policies.csv())
                .anySatisfy(r -> assertThat(r.get("skuPartNumber")).isEqualTo(SKU));

        Run report = allot.run("reclaim", "report", "--sku", SKU, "-o", "json");
        assertThat(report.exit()).as(report.toString()).isZero();
        JsonNode items = report.json().path("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).path("userPrincipalName").asString()).isEqualTo("reclaim-idle@contoso.com");
        assertThat(items.get(0).path("reason").asString()).isEqualTo("Inactive");
        assertThat(report.json().path("monthlySavings").asString())
                .as("as the reports write amounts")
                .isEqualTo("4.00 USD");
        assertThat(items.get(0).path("monthlySaving").asString()).isEqualTo("4.00 USD");

        Run applied = allot.run("reclaim", "apply", "--sku", SKU, "-o", "json");
        assertThat(applied.exit()).as(applied.toString()).isZero();
        assertThat(applied.json().path("items").get(0).path("outcome").asString())
                .isEqualTo("Removed");
        assertThat(api.user("reclaim-idle@contoso.com", "assignedLicenses").path("assignedLicenses"))
                .isEmpty();
        assertThat(api.user("reclaim-busy@contoso.com", "assignedLicenses").path("assignedLicenses"))
                .hasSize(1);
        Run runs = allot.run("reclaim", "runs", "-o", "csv");
        assertThat(runs.exit()).as(runs.toString()).isZero();
        assertThat(runs.csv()).anySatisfy(r -> assertThat(r.get("removed")).isEqualTo("1"));

        assertThat(allot.run("reclaim", "policy", "set", "--sku", SKU).exit())
                .as("no rule given")
                .isEqualTo(2);
        assertThat(allot.run("reclaim", "policy", "remove", "--sku", SKU).exit())
                .isZero();
    }

    @Test
    void thePolicyOfAProductRemovedSinceIsRemovedByTheProductsId() {
        String sku = api.post("/allot/v1/products", """
                        {"skuPartNumber":"CLI_RECLAIM_GONE","displayName":"Gone","servicePlans":[
                         {"servicePlanName":"CLI_RECLAIM_GONE_A","displayName":"A"}]}""").path("skuId").asString();
        Run set = allot.run("reclaim", "policy", "set", "--sku", "CLI_RECLAIM_GONE", "--inactive-days", "90");
        assertThat(set.exit()).as(set.toString()).isZero();
        assertThat(api.delete("/allot/v1/products/" + sku)).isEqualTo(204);

        Run removed = allot.run("reclaim", "policy", "remove", "--sku", sku);
        assertThat(removed.exit())
                .as("the server is asked as it is, not after a look-up of the product: " + removed)
                .isZero();
        assertThat(api.get("/allot/v1/reclaim/policies").path("value"))
                .noneSatisfy(p -> assertThat(p.path("skuId").asString()).isEqualTo(sku));
    }
}
