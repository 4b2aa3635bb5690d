package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.allot.cli.testing.AgainstARealServer;
import org.allot.cli.testing.Run;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code allot reconcile}: a dry run that finds what differs from the rules exits 5 and lists it; a repair brings it
 * in line and exits 0. The difference here is one the rules make by themselves: a plan rule added after a user got
 * the plan does not take it back, the license check does.
 */
class ReconcileIT extends AgainstARealServer {

    @Test
    void aDryRunListsWhatDiffersAndExitsFiveARepairBringsItInLineAndExitsZero() {
        JsonNode product = api.post("/allot/v1/products", """
                {"skuPartNumber": "RECONCILE_IT", "displayName": "Reconcile IT",
                 "servicePlans": [{"servicePlanName": "RECONCILE_IT_PLAN", "displayName": "Reconcile IT plan"}]}""");
        String plan = product.path("servicePlans").get(0).path("servicePlanId").asString();
        run("subscription", "add", "--sku", "RECONCILE_IT", "--seats", "5");
        run("user", "create", "kiri@contoso.com", "--name", "Kiri", "--usage-location", "NZ");
        run("license", "assign", "--user", "kiri@contoso.com", "--sku", "RECONCILE_IT");
        api.post("/allot/v1/planRules", """
                {"kind": "PROHIBITED_IN", "servicePlanId": "%s", "usageLocations": ["NZ"]}""".formatted(plan));

        Run dryRun = allot.run("reconcile", "--dry-run", "--wait", "-o", "json");

        assertThat(dryRun.exit()).as(dryRun.toString()).isEqualTo(5);
        JsonNode found = dryRun.json();
        assertThat(found.path("dryRun").asBoolean()).isTrue();
        assertThat(found.path("consistent").asBoolean()).isFalse();
        assertThat(found.path("differences")).anySatisfy(d -> {
            assertThat(d.path("userPrincipalName").asString()).isEqualTo("kiri@contoso.com");
            assertThat(d.path("skuPartNumber").asString()).isEqualTo("RECONCILE_IT");
            assertThat(d.path("kind").asString()).isEqualTo("State");
            assertThat(d.path("source").asString()).isEqualTo("direct");
            assertThat(d.path("expected").asString()).isEqualTo("Error (ProhibitedInUsageLocationViolation)");
            assertThat(d.path("stored").asString()).isEqualTo("Active");
        });
        assertThat(dryRun.err()).contains("remain");

        Run repair = allot.run("reconcile", "--wait");

        assertThat(repair.exit()).as(repair.toString()).isZero();
        assertThat(repair.out()).containsPattern("consistent +true").contains("kiri@contoso.com");
        assertThat(api.user("kiri@contoso.com", "assignedLicenses")
                        .path("assignedLicenses")
                        .size())
                .as("the plan is not available in NZ: the license no longer holds a seat")
                .isZero();

        Run queued = allot.run("reconcile", "--dry-run");
        assertThat(queued.exit()).as(queued.toString()).isZero();
        assertThat(queued.out()).containsPattern("state +(Queued|Running|Succeeded)");
        String id = queued.out()
                .lines()
                .filter(l -> l.startsWith("id "))
                .findFirst()
                .orElseThrow()
                .substring(3)
                .strip();
        awaitEnd(id);
    }

    @Test
    void theHelpSaysWhatItDoesAndWhoMayAsk() {
        Run help = allot.run("reconcile", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--dry-run", "--wait", "Global or License Administrator");
    }

    private void run(String... args) {
        Run done = allot.run(args);
        assertThat(done.exit()).as(done.toString()).isZero();
    }

    private void awaitEnd(String run) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (api.get("/allot/v1/reconciliation/runs/" + run)
                .path("state")
                .asString()
                .matches("Queued|Running")) {
            assertThat(System.nanoTime()).as("run " + run + " ends").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
