package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.allot.cli.testing.AgainstARealServer;
import org.allot.cli.testing.Run;
import org.junit.jupiter.api.Test;

/**
 * Swapping one product for another from a license file: a swap written as two rows stops at the first refusal, so the
 * user keeps what they had; the {@code replace} action swaps in one request, so the user never goes without.
 */
class LicenseSwapIT extends AgainstARealServer {

    @Test
    void aUsersLaterRowsAreSkippedOnceOneOfTheirRowsFailed() throws IOException {
        seats("STANDARDPACK", 2);
        seats("DESKLESSPACK", 2);
        user("swap.two.rows@contoso.com");
        user("swap.bystander@contoso.com");
        assertThat(allot.run("license", "assign", "--user", "swap.two.rows@contoso.com", "--sku", "STANDARDPACK")
                        .exit())
                .isZero();
        Path file = Files.writeString(home.resolve("swap.csv"), """
                userPrincipalName,sku,action
                swap.two.rows@contoso.com,DESKLESSPACK,assign
                swap.bystander@contoso.com,STANDARDPACK,assign
                swap.two.rows@contoso.com,STANDARDPACK,remove
                """);

        Run run = allot.run("import", "licenses", file.toString(), "--parallel", "1", "-o", "json");

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.json().path("failed").asInt()).isEqualTo(1);
        assertThat(run.json().path("skipped").asInt()).isEqualTo(1);
        assertThat(run.err())
                .contains("swap.csv line 2: failed: Request_BadRequest:")
                .contains("swap.csv line 4: skipped: not sent: line 2 of the same user failed");
        assertThat(Run.csv(Files.readString(home.resolve("swap.results.csv"))))
                .extracting(r -> r.get("line") + " " + r.get("outcome"))
                .containsExactly("2 failed", "3 assigned", "4 skipped");
        assertThat(skuIds("swap.two.rows@contoso.com"))
                .as("the user keeps the product the failed swap would have taken")
                .containsExactly(api.skuId("STANDARDPACK"));
    }

    @Test
    void aReplaceRowSwapsTheProductsInOneRequest() throws IOException {
        seats("STANDARDPACK", 1);
        seats("DESKLESSPACK", 1);
        user("swap.replace@contoso.com");
        allot.run("license", "assign", "--user", "swap.replace@contoso.com", "--sku", "STANDARDPACK");
        Path file = Files.writeString(home.resolve("replace.csv"), """
                userPrincipalName,sku,action,replaces,disabledPlans
                swap.replace@contoso.com,DESKLESSPACK,replace,STANDARDPACK,SWAY
                """);

        Run dryRun = allot.run("import", "licenses", file.toString(), "--dry-run", "-o", "json");
        assertThat(dryRun.exit()).as(dryRun.toString()).isZero();
        assertThat(dryRun.json().path("wouldReplace").asInt()).isEqualTo(1);

        Run run = allot.run("import", "licenses", file.toString(), "-o", "json");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.json().path("replaced").asInt()).isEqualTo(1);
        assertThat(Run.csv(Files.readString(home.resolve("replace.results.csv"))))
                .singleElement()
                .satisfies(r -> assertThat(r.get("detail")).isEqualTo("STANDARDPACK -> DESKLESSPACK without SWAY"));
        assertThat(skuIds("swap.replace@contoso.com")).containsExactly(api.skuId("DESKLESSPACK"));

        Run again = allot.run("import", "licenses", file.toString(), "-o", "json");
        assertThat(again.json().path("unchanged").asInt()).as(again.toString()).isEqualTo(1);
    }

    private void seats(String sku, int seats) {
        Run added = allot.run("subscription", "add", "--sku", sku, "--seats", String.valueOf(seats));
        assertThat(added.exit()).as(added.toString()).isZero();
    }

    private void user(String upn) {
        Run created = allot.run("user", "create", upn, "--name", upn, "--usage-location", "US");
        assertThat(created.exit()).as(created.toString()).isZero();
    }

    private List<String> skuIds(String upn) {
        List<String> ids = new ArrayList<>();
        api.user(upn, "assignedLicenses")
                .path("assignedLicenses")
                .forEach(l -> ids.add(l.path("skuId").asString()));
        return ids;
    }
}
