package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.allot.cli.testing.AgainstARealServer;
import org.allot.cli.testing.Run;
import org.junit.jupiter.api.Test;

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
}
