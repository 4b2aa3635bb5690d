package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.allot.cli.testing.AgainstARealServer;
import org.allot.cli.testing.Run;
import org.junit.jupiter.api.Test;

/**
 * Time-bound grants from the command line (docs/delegation.md): {@code license assign --end} gives a license that
 * ends on its own, {@code --start} one that is not assigned before; {@code license timed} lists them,
 * {@code license end} moves or removes the end or cancels; {@code group members add --start} schedules a membership
 * that {@code group members timed} lists; nonsense times are refused with the server's message and exit code.
 */
class TimedGrantCommandsIT extends AgainstARealServer {
    /** A product no other command test uses. */
    private static final String SKU = "RIGHTSMANAGEMENT";

    private static String inDays(int days) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days).toString();
    }

    @Test
    void aContractorsLicenseAndAnInternsMembershipForATime() {
        assertThat(allot.run("subscription", "add", "--sku", SKU, "--seats", "3")
                        .exit())
                .isZero();
        for (String upn : List.of("timed.contractor@contoso.com", "timed.intern@contoso.com")) {
            Run created = allot.run("user", "create", upn, "--name", upn, "--usage-location", "US");
            assertThat(created.exit()).as(created.toString()).isZero();
        }

        Run assigned = allot.run(
                "license", "assign", "--user", "timed.contractor@contoso.com", "--sku", SKU, "--end", inDays(30));
        assertThat(assigned.exit()).as(assigned.toString()).isZero();
        assertThat(assigned.out()).containsPattern(SKU + " +active");
        assertThat(api.user("timed.contractor@contoso.com", "assignedLicenses").path("assignedLicenses"))
                .hasSize(1);

        Run scheduled = allot.run(
                "license",
                "assign",
                "--user",
                "timed.intern@contoso.com",
                "--sku",
                SKU,
                "--start",
                inDays(10),
                "--end",
                inDays(40));
        assertThat(scheduled.exit()).as(scheduled.toString()).isZero();
        assertThat(api.user("timed.intern@contoso.com", "assignedLicenses").path("assignedLicenses"))
                .as("nothing is assigned before the start")
                .isEmpty();
        List<Map<String, String>> listed = allot.run(
                        "license", "timed", "--user", "timed.intern@contoso.com", "-o", "csv")
                .csv();
        assertThat(listed).singleElement().satisfies(r -> {
            assertThat(r.get("status")).isEqualTo("scheduled");
            assertThat(r.get("start")).startsWith(inDays(10));
        });

        Run moved =
                allot.run("license", "end", "--user", "timed.contractor@contoso.com", "--sku", SKU, "--at", inDays(60));
        assertThat(moved.exit()).as(moved.toString()).isZero();
        assertThat(allot.run("license", "timed", "--user", "timed.contractor@contoso.com", "-o", "csv")
                        .csv())
                .singleElement()
                .satisfies(r -> assertThat(r.get("end")).startsWith(inDays(60)));
        Run never =
                allot.run("license", "end", "--user", "timed.contractor@contoso.com", "--sku", SKU, "--at", "never");
        assertThat(never.exit()).as(never.toString()).isZero();
        assertThat(allot.run("license", "timed", "--user", "timed.contractor@contoso.com", "-o", "csv")
                        .csv())
                .as("no end left: an ordinary license")
                .isEmpty();
        assertThat(allot.run("license", "end", "--user", "timed.intern@contoso.com", "--sku", SKU, "--cancel")
                        .exit())
                .isZero();

        Run backwards = allot.run(
                "license",
                "assign",
                "--user",
                "timed.intern@contoso.com",
                "--sku",
                SKU,
                "--start",
                inDays(5),
                "--end",
                inDays(2));
        assertThat(backwards.exit()).isNotZero();
        assertThat(backwards.err()).contains("endDateTime must be after startDateTime");
        Run notADate =
                allot.run("license", "assign", "--user", "timed.intern@contoso.com", "--sku", SKU, "--end", "soon");
        assertThat(notADate.exit()).isNotZero();
        assertThat(notADate.err()).contains("--end takes a date");

        Run group = allot.run("group", "create", "--name", "Timed-Interns");
        assertThat(group.exit()).as(group.toString()).isZero();
        Run joined =
                allot.run("group", "members", "add", "Timed-Interns", "timed.intern@contoso.com", "--start", inDays(3));
        assertThat(joined.exit()).as(joined.toString()).isZero();
        assertThat(allot.run("group", "members", "list", "Timed-Interns", "-o", "csv")
                        .csv())
                .as("not a member before the start")
                .isEmpty();
        assertThat(allot.run("group", "members", "timed", "Timed-Interns", "-o", "csv")
                        .csv())
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.get("userPrincipalName")).isEqualTo("timed.intern@contoso.com");
                    assertThat(r.get("status")).isEqualTo("scheduled");
                });
    }
}
