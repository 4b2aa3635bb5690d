package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.allot.cli.testing.AgainstARealServer;
import org.allot.cli.testing.Cli;
import org.allot.cli.testing.Run;
import org.allot.cli.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * What a scripter needs: batches over one login, the audit log, chosen fields, confirmation before licenses are taken
 * from many, the secret from standard input, subscriptions named by product, and a user list that imports back.
 */
class ScriptingIT extends AgainstARealServer {

    @Test
    void aBatchRunsEveryLineOverOneLoginAndReportsEachLinesExitCode() throws Exception {
        allot.run("user", "create", "batcher@contoso.com", "--name", "Batch Er");
        Path lines = home.resolve("commands.txt");
        Files.writeString(lines, """
                # users first
                user show batcher@contoso.com --fields displayName

                allot user show "nobody@contoso.com"
                user update batcher@contoso.com --department 'Batch Ops'
                product list -o csv --fields skuPartNumber
                """, StandardCharsets.UTF_8);
        Run batch = allot.run("batch", lines.toString());
        assertThat(batch.exit()).as(batch.toString()).isEqualTo(1);
        assertThat(batch.out()).contains("Batch Er").contains("skuPartNumber\n");
        assertThat(batch.err())
                .contains("[line 2] exit 0: user show batcher@contoso.com --fields displayName")
                .contains("error: NotFound: No user 'nobody@contoso.com'.")
                .contains("[line 4] exit 3: user show nobody@contoso.com")
                .contains("[line 5] exit 0")
                .contains("[line 6] exit 0")
                .contains("Batch: 4 command(s), 3 succeeded, 1 failed (line 4).");
        assertThat(api.user("batcher@contoso.com", "department")
                        .path("department")
                        .asString())
                .isEqualTo("Batch Ops");

        Run fromStdin = allot.input("whoami -o json\n").run("batch", "-");
        assertThat(fromStdin.exit()).as(fromStdin.toString()).isZero();
        assertThat(fromStdin.json().path("tenant").asString()).isEqualTo("Contoso");
    }

    @Test
    void theAuditLogIsFilteredAsTheApiFiltersIt() {
        Run created = allot.run("user", "create", "audited@contoso.com", "--name", "Audited", "-o", "json");
        String id = created.json().path("id").asString();

        Run audit = allot.run("audit", "--activity", "Add user", "--target", id, "--since", "2020-01-01", "-o", "json");
        assertThat(audit.exit()).as(audit.toString()).isZero();
        assertThat(audit.json()).hasSize(1);
        assertThat(audit.json().get(0).path("activityDisplayName").asString()).isEqualTo("Add user");
        assertThat(audit.json().get(0).path("targets").toString()).contains("audited@contoso.com");

        Run none = allot.run("audit", "--target", id, "--until", "2020-01-01", "-o", "json");
        assertThat(none.json()).isEmpty();

        Run bad = allot.run("audit", "--since", "last tuesday");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--since takes a date");
    }

    @Test
    void fieldsChooseTheColumnsAndTheUserListHasIds() {
        allot.run("user", "create", "fielded@contoso.com", "--name", "Fielded", "--department", "Fields Dept");
        Run list = allot.run(
                "user",
                "list",
                "--filter",
                "department eq 'Fields Dept'",
                "--fields",
                "id,userPrincipalName",
                "-o",
                "csv");
        assertThat(list.exit()).as(list.toString()).isZero();
        assertThat(list.out()).startsWith("id,userPrincipalName\n");
        assertThat(list.csv()).singleElement().satisfies(row -> assertThat(row.get("id"))
                .isEqualTo(api.user("fielded@contoso.com", "id").path("id").asString()));

        Run wrong = allot.run("user", "list", "--fields", "shoeSize");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("no field 'shoeSize'").contains("userPrincipalName");
    }

    @Test
    void removingALicenseFromMembersNeedsConfirmationAndWhatIfChangesNothing() {
        allot.run("subscription", "add", "--sku", "AAD_PREMIUM_P2", "--seats", "5");
        allot.run("user", "create", "loser1@contoso.com", "--name", "Loser One", "--usage-location", "US");
        allot.run("user", "create", "loser2@contoso.com", "--name", "Loser Two", "--usage-location", "US");
        allot.run("group", "create", "--name", "Meeting people");
        allot.run("group", "members", "add", "Meeting people", "loser1@contoso.com", "loser2@contoso.com");
        Run add = allot.run("group", "license", "add", "Meeting people", "--sku", "AAD_PREMIUM_P2", "--wait");
        assertThat(add.exit()).as(add.toString()).isZero();
        String sku = api.skuId("AAD_PREMIUM_P2");

        Run refused = allot.run("group", "license", "remove", "Meeting people", "--sku", "AAD_PREMIUM_P2");
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err())
                .contains("error: ConfirmationRequired: 2 member(s) would lose AAD_PREMIUM_P2 of Meeting people:")
                .contains("--confirm");
        assertThat(licenses("loser1@contoso.com")).contains(sku);

        Run whatIf = allot.run(
                "group", "license", "remove", "Meeting people", "--sku", "AAD_PREMIUM_P2", "--what-if", "-o", "json");
        assertThat(whatIf.exit()).as(whatIf.toString()).isZero();
        assertThat(whatIf.json().get(0).path("wouldLose").asInt()).isEqualTo(2);
        assertThat(licenses("loser2@contoso.com")).contains(sku);

        Run confirmed = allot.run(
                "group", "license", "remove", "Meeting people", "--sku", "AAD_PREMIUM_P2", "--confirm", "--wait");
        assertThat(confirmed.exit()).as(confirmed.toString()).isZero();
        assertThat(licenses("loser1@contoso.com")).doesNotContain(sku);
    }

    @Test
    void loginTakesTheSecretFromStandardInput(TestServer server) {
        Cli fresh = new Cli(
                java.util.Map.of("ALLOT_CONFIG", home.resolve("login.json").toString()), home);
        Run asked = fresh.run("login", "--url", server.url(), "--client-id", server.clientId());
        assertThat(asked.exit()).isEqualTo(2);
        assertThat(asked.err()).contains("--client-secret-stdin");

        Run login = fresh.input(server.clientSecret() + "\n")
                .run("login", "--url", server.url(), "--client-id", server.clientId(), "--client-secret-stdin");
        assertThat(login.exit()).as(login.toString()).isZero();
        assertThat(fresh.run("whoami").exit()).isZero();
    }

    @Test
    void aSubscriptionIsNamedByItsProductWhenItIsTheOnlyOne() {
        Run added = allot.run("subscription", "add", "--sku", "Clipchamp_Standard", "--seats", "3", "-o", "json");
        assertThat(added.exit()).as(added.toString()).isZero();
        Run update = allot.run("subscription", "update", "Clipchamp_Standard", "--seats", "4", "-o", "json");
        assertThat(update.exit()).as(update.toString()).isZero();
        assertThat(update.json().path("id").asString())
                .isEqualTo(added.json().path("id").asString());
        assertThat(update.json().path("totalLicenses").asInt()).isEqualTo(4);

        allot.run("subscription", "add", "--sku", "Clipchamp_Standard", "--seats", "1");
        Run ambiguous = allot.run("subscription", "update", "Clipchamp_Standard", "--seats", "5");
        assertThat(ambiguous.exit()).isEqualTo(2);
        assertThat(ambiguous.err())
                .contains("has 2 subscriptions")
                .contains(added.json().path("id").asString());
    }

    @Test
    void aUserListInCsvImportsBackChangingNothing() throws Exception {
        allot.run("user", "create", "trip1@contoso.com", "--name", "=Trip One", "--department", "Round Trip");
        allot.run(
                "user",
                "create",
                "trip2@contoso.com",
                "--name",
                "Trip, Two",
                "--department",
                "Round Trip",
                "--usage-location",
                "GB");
        Run list = allot.run("user", "list", "--filter", "department eq 'Round Trip'", "-o", "csv");
        assertThat(list.exit()).as(list.toString()).isZero();
        Path file = home.resolve("round-trip.csv");
        Files.writeString(file, list.out(), StandardCharsets.UTF_8);

        Run imported = allot.run("import", "users", file.toString(), "-o", "json");
        assertThat(imported.exit()).as(imported.toString()).isZero();
        assertThat(imported.json().path("unchanged").asInt()).isEqualTo(2);
        assertThat(api.user("trip1@contoso.com", "displayName")
                        .path("displayName")
                        .asString())
                .isEqualTo("=Trip One");
    }

    private String licenses(String upn) {
        return api.user(upn, "assignedLicenses").path("assignedLicenses").toString();
    }
}
