package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.allot.cli.testing.AgainstARealServer;
import org.allot.cli.testing.Run;
import org.junit.jupiter.api.Test;

/**
 * A dry run of an import asks the server to check its rows as it would apply them, and changes nothing: what the
 * server would refuse, the dry run refuses, with the server's reason; and the dry run's results do not overwrite those
 * of a real run.
 */
class ImportDryRunIT extends AgainstARealServer {

    @Test
    void aDryRunOfUsersRefusesWhatTheServerWouldRefuse() throws IOException {
        String synced = api.get(
                        "/v1.0/users",
                        "$filter",
                        "onPremisesSyncEnabled eq true",
                        "$select",
                        "userPrincipalName",
                        "$top",
                        "1")
                .path("value")
                .get(0)
                .path("userPrincipalName")
                .asString();
        Path file = Files.writeString(home.resolve("people.csv"), """
                userPrincipalName,displayName,department,usageLocation
                dry.ok@contoso.com,Dry Ok,Sales,US
                dry.domain@fabrikam.com,Other Domain,Sales,US
                dry.location@contoso.com,Bad Location,Sales,XX
                dry.newline@contoso.com,"Two
                Lines",Sales,US
                %s,,Renamed Department,
                """.formatted(synced));

        Run dryRun = allot.run("import", "users", file.toString(), "--dry-run", "-o", "json");

        assertThat(dryRun.exit()).as(dryRun.toString()).isEqualTo(1);
        assertThat(dryRun.json().path("wouldCreate").asInt()).isEqualTo(1);
        assertThat(dryRun.json().path("wouldFail").asInt()).isEqualTo(4);
        assertThat(dryRun.err())
                .contains(
                        "people.csv line 3: would fail: Request_BadRequest: The domain portion of the"
                                + " userPrincipalName",
                        "people.csv line 4: would fail: Request_BadRequest:",
                        "people.csv line 5: would fail: Request_BadRequest:",
                        "people.csv line 7: would fail: Request_BadRequest: Unable to update the specified properties"
                                + " for on-premises mastered Directory Sync objects");
        assertThat(api.user("dry.ok@contoso.com", "id").isMissingNode())
                .as("a dry run changes nothing")
                .isTrue();

        Run real = allot.run("import", "users", file.toString(), "-o", "json");
        assertThat(real.json().path("created").asInt()).as(real.toString()).isEqualTo(1);
        assertThat(real.json().path("failed").asInt())
                .as("the real run fails where the dry run said it would")
                .isEqualTo(4);
    }

    @Test
    void aDryRunOfLicensesRefusesExclusiveProductsAndMissingSeats() throws IOException {
        Run seats = allot.run("subscription", "add", "--sku", "STANDARDPACK", "--seats", "1");
        assertThat(seats.exit()).as(seats.toString()).isZero();
        allot.run("subscription", "add", "--sku", "DESKLESSPACK", "--seats", "5");
        allot.run("subscription", "add", "--sku", "PROJECTPREMIUM", "--seats", "1");
        for (String upn : new String[] {
            "dry.e1@contoso.com", "dry.f3@contoso.com", "dry.first@contoso.com", "dry.late@contoso.com"
        }) {
            assertThat(allot.run("user", "create", upn, "--name", upn, "--usage-location", "US")
                            .exit())
                    .isZero();
        }
        allot.run("license", "assign", "--user", "dry.e1@contoso.com", "--sku", "STANDARDPACK");
        allot.run("license", "assign", "--user", "dry.first@contoso.com", "--sku", "PROJECTPREMIUM");
        Path file = Files.writeString(home.resolve("licenses.csv"), """
                userPrincipalName,sku,action
                dry.e1@contoso.com,DESKLESSPACK,assign
                dry.f3@contoso.com,DESKLESSPACK,assign
                dry.late@contoso.com,PROJECTPREMIUM,assign
                dry.e1@contoso.com,STANDARDPACK,remove
                """);

        Run dryRun = allot.run("import", "licenses", file.toString(), "--dry-run", "-o", "json");

        assertThat(dryRun.exit()).as(dryRun.toString()).isEqualTo(1);
        assertThat(dryRun.json().path("wouldAssign").asInt()).isEqualTo(1);
        assertThat(dryRun.json().path("wouldFail").asInt()).isEqualTo(2);
        assertThat(dryRun.json().path("wouldSkip").asInt()).isEqualTo(1);
        assertThat(dryRun.err())
                .contains(
                        "licenses.csv line 2: would fail: Request_BadRequest:",
                        "licenses.csv line 4: would fail: Request_BadRequest:",
                        "does not have any available licenses",
                        "licenses.csv line 5: would skip: would not be sent: line 2 of the same user would fail");
        assertThat(Run.csv(Files.readString(home.resolve("licenses.dry-run.results.csv"))))
                .extracting(r -> r.get("line") + " " + r.get("outcome"))
                .containsExactly("2 would fail", "3 would assign", "4 would fail", "5 would skip");
        assertThat(api.user("dry.f3@contoso.com", "assignedLicenses").path("assignedLicenses"))
                .as("a dry run changes nothing")
                .isEmpty();
    }

    @Test
    void aDryRunDoesNotOverwriteTheResultsOfARealRun() throws IOException {
        Path file = Files.writeString(
                home.resolve("team.csv"), "userPrincipalName,displayName\ndry.results@contoso.com,Dry Results\n");
        assertThat(allot.run("import", "users", file.toString()).exit()).isZero();
        String real = Files.readString(home.resolve("team.results.csv"));
        assertThat(real).contains("created");

        Run dryRun = allot.run("import", "users", file.toString(), "--dry-run", "-o", "json");

        assertThat(dryRun.json().path("results").asString())
                .isEqualTo(home.resolve("team.dry-run.results.csv").toString());
        assertThat(Files.readString(home.resolve("team.results.csv"))).isEqualTo(real);
        assertThat(Files.readString(home.resolve("team.dry-run.results.csv"))).contains("unchanged");
    }
}
