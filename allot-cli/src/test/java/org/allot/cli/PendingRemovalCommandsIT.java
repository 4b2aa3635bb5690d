package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.allot.cli.testing.AgainstARealServer;
import org.allot.cli.testing.Cli;
import org.allot.cli.testing.CountingProxy;
import org.allot.cli.testing.Run;
import org.allot.cli.testing.TestServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Grace on removal from the command line: {@code allot product grace} sets and shows the days a product holds a
 * removed license and lists those pending removal; {@code allot license show} shows when a held license is freed;
 * {@code allot license undo-removal} keeps it.
 */
class PendingRemovalCommandsIT extends AgainstARealServer {
    /** A product no other command test uses: its days are the server's, shared by every test. */
    private static final String SKU = "EXCHANGEENTERPRISE";

    @Test
    void anAdminHoldsRemovalsSeesThePendingOneAndUndoesIt() {
        Run bought = allot.run("subscription", "add", "--sku", SKU, "--seats", "2");
        assertThat(bought.exit()).as(bought.toString()).isZero();
        Run created =
                allot.run("user", "create", "mailbox.keeper@contoso.com", "--name", "Keeper", "--usage-location", "US");
        assertThat(created.exit()).as(created.toString()).isZero();
        Run assigned = allot.run("license", "assign", "--user", "mailbox.keeper@contoso.com", "--sku", SKU);
        assertThat(assigned.exit()).as(assigned.toString()).isZero();
        try {
            Run set = allot.run("product", "grace", SKU, "--days", "30");
            assertThat(set.exit()).as(set.toString()).isZero();
            assertThat(set.err()).contains(SKU + ": removals held 30 days.");

            Run removed = allot.run("license", "remove", "--user", "mailbox.keeper@contoso.com", "--sku", SKU);
            assertThat(removed.exit()).as(removed.toString()).isZero();
            List<Map<String, String>> rows = allot.run(
                            "license", "show", "--user", "mailbox.keeper@contoso.com", "-o", "csv")
                    .csv();
            assertThat(rows).singleElement().satisfies(r -> {
                assertThat(r.get("state")).isEqualTo("Active");
                assertThat(r.get("pendingRemoval")).as("when it is freed").isNotBlank();
            });
            Run listed = allot.run("product", "grace", SKU, "-o", "csv");
            assertThat(listed.exit()).as(listed.toString()).isZero();
            assertThat(listed.csv())
                    .anySatisfy(r -> assertThat(r.get("userPrincipalName")).isEqualTo("mailbox.keeper@contoso.com"));

            Run undo = allot.run("license", "undo-removal", "--user", "mailbox.keeper@contoso.com", "--sku", SKU);
            assertThat(undo.exit()).as(undo.toString()).isZero();
            assertThat(undo.out()).containsPattern(SKU + " +Direct +Active");
            assertThat(allot.run("license", "show", "--user", "mailbox.keeper@contoso.com", "-o", "csv")
                            .csv())
                    .singleElement()
                    .satisfies(r -> assertThat(r.get("pendingRemoval")).isBlank());

            Run again = allot.run("license", "undo-removal", "--user", "mailbox.keeper@contoso.com", "--sku", SKU);
            assertThat(again.exit()).isNotZero();
            assertThat(again.err()).contains("not pending removal");
            Run bad = allot.run("product", "grace", SKU, "--days", "400");
            assertThat(bad.exit()).isNotZero();
            assertThat(bad.err()).contains("removalGraceDays must be from 0 to 365");
        } finally {
            assertThat(allot.run("product", "grace", SKU, "--days", "0").exit()).isZero();
        }
    }

    @Test
    void graceInJsonGivesTheDaysWithThePendingRemovals() {
        try {
            Run set = allot.run("product", "grace", SKU, "--days", "12", "-o", "json");
            assertThat(set.exit()).as(set.toString()).isZero();
            JsonNode grace = set.json();
            assertThat(grace.path("skuPartNumber").asString()).isEqualTo(SKU);
            assertThat(grace.path("removalGraceDays").asInt()).as(set.out()).isEqualTo(12);
            assertThat(grace.path("pendingRemovals").isArray()).as(set.out()).isTrue();
            assertThat(allot.run("product", "grace", SKU, "-o", "json")
                            .json()
                            .path("removalGraceDays")
                            .asInt())
                    .isEqualTo(12);
        } finally {
            assertThat(allot.run("product", "grace", SKU, "--days", "0").exit()).isZero();
        }
    }

    @Test
    void licenseCommandsAskForTheUserOnceAndForPendingRemovalsOnlyWhenSomeCanBe(TestServer server) {
        String user = "counted.requests@contoso.com";
        assertThat(allot.run("subscription", "add", "--sku", SKU, "--seats", "1")
                        .exit())
                .isZero();
        Run created = allot.run("user", "create", user, "--name", "Counted", "--usage-location", "US");
        assertThat(created.exit()).as(created.toString()).isZero();
        try (CountingProxy proxy = CountingProxy.to(server.url())) {
            Cli counted = allot.with("ALLOT_URL", proxy.url());
            assertThat(allot.run("product", "grace", SKU, "--days", "30").exit())
                    .isZero();

            Run assigned = counted.run("license", "assign", "--user", user, "--sku", SKU);
            assertThat(assigned.exit()).as(assigned.toString()).isZero();
            assertThat(userReads(proxy.take()))
                    .as("the user is read once, after the change")
                    .hasSize(1);

            Run removed = counted.run("license", "remove", "--user", user, "--sku", SKU);
            assertThat(removed.exit()).as(removed.toString()).isZero();
            assertThat(removed.out()).containsPattern(SKU + " +Direct +Active");
            List<String> asked = proxy.take();
            assertThat(userReads(asked)).hasSize(1);
            assertThat(asked).as("held: its date is asked for").anyMatch(r -> r.contains("/pendingRemovals"));

            Run undone = counted.run("license", "undo-removal", "--user", user, "--sku", SKU);
            assertThat(undone.exit()).as(undone.toString()).isZero();
            assertThat(undone.out()).containsPattern(SKU + " +Direct +Active");
            asked = proxy.take();
            assertThat(userReads(asked)).as(asked.toString()).hasSize(1);
            assertThat(asked)
                    .as("the undo answers the pending removals left")
                    .noneMatch(r -> r.startsWith("GET ") && r.contains("/pendingRemovals"));

            assertThat(allot.run("product", "grace", SKU, "--days", "0").exit()).isZero();
            assertThat(counted.run("license", "remove", "--user", user, "--sku", SKU)
                            .exit())
                    .isZero();
            proxy.take();
            Run shown = counted.run("license", "show", "--user", user);
            assertThat(shown.exit()).as(shown.toString()).isZero();
            asked = proxy.take();
            assertThat(userReads(asked)).hasSize(1);
            assertThat(asked)
                    .as("no license, so none pending removal: not asked")
                    .noneMatch(r -> r.contains("/pendingRemovals"));

            Run nobody = counted.run("license", "assign", "--user", "nobody@contoso.com", "--sku", SKU);
            assertThat(nobody.exit()).isNotZero();
            assertThat(nobody.err()).contains("error: NotFound: No user 'nobody@contoso.com'.");
        } finally {
            assertThat(allot.run("product", "grace", SKU, "--days", "0").exit()).isZero();
        }
    }

    private static List<String> userReads(List<String> requests) {
        return requests.stream().filter(r -> r.startsWith("GET /v1.0/users/")).toList();
    }
}
