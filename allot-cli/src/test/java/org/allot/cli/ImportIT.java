package org.allot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.allot.cli.testing.AgainstARealServer;
import org.allot.cli.testing.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Bulk imports from CSV: ten thousand users and their licenses, each with a dry run that changes nothing and a
 * second run that has nothing left to do; and files with mistakes, whose bad rows are named and skipped.
 */
class ImportIT extends AgainstARealServer {
    private static final int USERS = 10_000;
    private static final String[] LOCATIONS = {"US", "GB", "DE", "SE", "CA"};

    private final List<String> timings = new ArrayList<>();

    @Test
    void tenThousandUsersAreImportedOnceAndASecondRunChangesNothing() throws IOException {
        Path file = usersFile();

        Run dryRun = timed("dry run", "import", "users", file.toString(), "--dry-run", "-o", "json");
        assertThat(dryRun.exit()).as(dryRun.toString()).isZero();
        assertThat(dryRun.json().path("dryRun").asBoolean()).isTrue();
        int existing = dryRun.json().path("unchanged").asInt();
        assertThat(dryRun.json().path("wouldCreate").asInt() + existing).isEqualTo(USERS);
        assertThat(bulkUsers()).as("a dry run changes nothing").isEqualTo(existing);
        assertThat(results(file, ".dry-run.results.csv")).hasSize(USERS);

        Run first = timed("import", "import", "users", file.toString(), "--progress", "-o", "json");
        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(first.json().path("created").asInt()).isEqualTo(USERS - existing);
        assertThat(first.json().path("failed").asInt()).isZero();
        assertThat(first.err()).contains("Importing users 100%");
        assertThat(bulkUsers()).isEqualTo(USERS);
        JsonNode sample = api.user("bulk04567@contoso.com", "displayName,department,usageLocation,employeeId");
        assertThat(sample.path("displayName").asString()).isEqualTo("Bulk User 4567");
        assertThat(sample.path("department").asString()).isEqualTo("Department 7");
        assertThat(sample.path("usageLocation").asString()).isEqualTo(LOCATIONS[4567 % LOCATIONS.length]);
        assertThat(results(file))
                .extracting(r -> r.get("outcome"))
                .containsOnly(existing == 0 ? "created" : "unchanged", "created");

        Run second = timed("second run", "import", "users", file.toString(), "-o", "json");
        assertThat(second.exit()).as(second.toString()).isZero();
        assertThat(second.json().path("unchanged").asInt()).isEqualTo(USERS);
        assertThat(second.json().path("created").asInt()).isZero();
        assertThat(second.json().path("updated").asInt()).isZero();
        assertThat(second.err()).contains("Nothing to change: every row of users.csv is already applied.");
    }

    @Test
    void tenThousandLicensesAreAssignedOnceAndASecondRunChangesNothing() throws IOException {
        Run users = allot.run("import", "users", usersFile().toString());
        assertThat(users.exit()).as(users.toString()).isZero();
        allot.run("subscription", "add", "--sku", "EXCHANGESTANDARD", "--seats", String.valueOf(USERS));
        StringBuilder csv = new StringBuilder("userPrincipalName,sku,disabledPlans\n");
        for (int i = 0; i < USERS; i++) {
            csv.append(upn(i))
                    .append(",EXCHANGESTANDARD,")
                    .append(i % 10 == 0 ? "BPOS_S_TODO_1" : "")
                    .append('\n');
        }
        Path file = Files.writeString(home.resolve("assignments.csv"), csv);
        String exchange = api.skuId("EXCHANGESTANDARD");
        String licensed =
                "startsWith(userPrincipalName,'bulk') and assignedLicenses/any(x:x/skuId eq " + exchange + ")";

        Run dryRun = timed("dry run", "import", "licenses", file.toString(), "--dry-run", "-o", "json");
        assertThat(dryRun.exit()).as(dryRun.toString()).isZero();
        assertThat(dryRun.json().path("wouldAssign").asInt()).isEqualTo(USERS);
        assertThat(api.countUsers(licensed)).as("a dry run changes nothing").isZero();

        Run first = timed("import", "import", "licenses", file.toString(), "-o", "json");
        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(first.json().path("assigned").asInt()).isEqualTo(USERS);
        assertThat(api.countUsers(licensed)).isEqualTo(USERS);
        assertThat(api.user(upn(20), "assignedLicenses")
                        .path("assignedLicenses")
                        .get(0)
                        .path("disabledPlans")
                        .size())
                .isEqualTo(1);
        assertThat(api.user(upn(21), "assignedLicenses")
                        .path("assignedLicenses")
                        .get(0)
                        .path("disabledPlans"))
                .isEmpty();

        Run second = timed("second run", "import", "licenses", file.toString(), "-o", "json");
        assertThat(second.exit()).as(second.toString()).isZero();
        assertThat(second.json().path("unchanged").asInt()).isEqualTo(USERS);
        assertThat(second.json().path("assigned").asInt()).isZero();
        assertThat(second.err()).contains("Nothing to change");
    }

    @Test
    void badRowsAreNamedByLineAndSkippedWhileTheGoodOnesAreApplied() throws IOException {
        Path file = Files.writeString(home.resolve("users.csv"), """
                userPrincipalName,displayName,department,usageLocation
                row.ok1@contoso.com,Row Ok,Sales,US
                row.badlocation@contoso.com,Bad Location,Sales,USA
                not-an-upn,Nobody,Sales,US
                row.extra@contoso.com,Extra,Sales,US,surplus
                row.otherdomain@fabrikam.com,Other Domain,Sales,US
                row.ok2@contoso.com,"Ok, Two",Sales,GB
                row.ok1@contoso.com,Row Ok Again,Sales,US
                """);
        Run run = allot.run("import", "users", file.toString(), "-o", "json");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.json().path("created").asInt()).isEqualTo(2);
        assertThat(run.json().path("invalid").asInt()).isEqualTo(4);
        assertThat(run.json().path("failed").asInt()).isEqualTo(1);
        assertThat(run.err())
                .contains(
                        "users.csv line 3: invalid: usageLocation 'USA' is not a two-letter country code",
                        "users.csv line 4: invalid: 'not-an-upn' is not a userPrincipalName (name@domain)",
                        "users.csv line 5: invalid: has 5 fields where the header has 4 columns",
                        "users.csv line 6: failed: Request_BadRequest: The domain portion of the userPrincipalName",
                        "users.csv line 8: invalid: the same user as line 2");
        assertThat(results(file))
                .extracting(r -> r.get("line") + " " + r.get("outcome"))
                .containsExactly(
                        "2 created", "3 invalid", "4 invalid", "5 invalid", "6 failed", "7 created", "8 invalid");

        assertThat(api.user("row.ok1@contoso.com", "displayName")
                        .path("displayName")
                        .asString())
                .isEqualTo("Row Ok");
        assertThat(api.user("row.ok2@contoso.com", "displayName")
                        .path("displayName")
                        .asString())
                .isEqualTo("Ok, Two");
        assertThat(api.user("row.badlocation@contoso.com", "id").isMissingNode())
                .isTrue();
        assertThat(api.user("row.extra@contoso.com", "id").isMissingNode()).isTrue();

        Run again = allot.run("import", "users", file.toString(), "-o", "json");
        assertThat(again.json().path("created").asInt()).isZero();
        assertThat(again.json().path("unchanged").asInt()).isEqualTo(2);
    }

    @Test
    void aSecondImportUpdatesOnlyTheCellsThatChanged() throws IOException {
        Path file = home.resolve("team.csv");
        Files.writeString(
                file,
                "userPrincipalName,displayName,department\nmover@contoso.com,Mover,Sales\nstayer@contoso.com,Stayer,Sales\n");
        assertThat(allot.run("import", "users", file.toString()).exit()).isZero();

        Files.writeString(
                file,
                "userPrincipalName,displayName,department\nmover@contoso.com,Mover,Research\nstayer@contoso.com,Stayer,\n");
        Run run = allot.run("import", "users", file.toString(), "-o", "json");
        assertThat(run.json().path("updated").asInt()).isEqualTo(1);
        assertThat(run.json().path("unchanged").asInt()).isEqualTo(1);
        assertThat(results(file))
                .filteredOn(r -> r.get("outcome").equals("updated"))
                .singleElement()
                .satisfies(r -> assertThat(r.get("detail")).isEqualTo("department: Sales -> Research"));
        assertThat(api.user("mover@contoso.com", "department")
                        .path("department")
                        .asString())
                .isEqualTo("Research");
        assertThat(api.user("stayer@contoso.com", "department")
                        .path("department")
                        .asString())
                .isEqualTo("Sales");
    }

    @Test
    void aLicenseFileNamingUnknownProductsPlansOrUsersSkipsThoseRows() throws IOException {
        allot.run("user", "create", "forms.user@contoso.com", "--name", "Forms User", "--usage-location", "GB");
        allot.run("subscription", "add", "--sku", "FORMS_PRO", "--seats", "1");
        Path file = Files.writeString(home.resolve("licenses.csv"), """
                userPrincipalName,sku,disabledPlans
                forms.user@contoso.com,FORMS_PROFESSIONAL,
                forms.user@contoso.com,FORMS_PRO,NO_SUCH_PLAN
                ghost@contoso.com,FORMS_PRO,
                forms.user@contoso.com,forms_pro,FLOW_FORMS_PRO
                """);
        Run run = allot.run(
                "import",
                "licenses",
                file.toString(),
                "--results",
                home.resolve("done.csv").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .contains(
                        "licenses.csv line 2: invalid: No product 'FORMS_PROFESSIONAL'",
                        "licenses.csv line 3: invalid: FORMS_PRO has no service plan 'NO_SUCH_PLAN'",
                        "licenses.csv line 4: invalid: no user ghost@contoso.com");
        assertThat(Run.csv(Files.readString(home.resolve("done.csv"))))
                .extracting(r -> r.get("line") + " " + r.get("sku") + " " + r.get("outcome"))
                .containsExactly(
                        "2 FORMS_PROFESSIONAL invalid",
                        "3 FORMS_PRO invalid",
                        "4 FORMS_PRO invalid",
                        "5 forms_pro assigned");
        assertThat(api.user("forms.user@contoso.com", "assignedLicenses")
                        .path("assignedLicenses")
                        .get(0)
                        .path("skuId")
                        .asString())
                .isEqualTo(api.skuId("FORMS_PRO"));
    }

    @Test
    void aFileWithAnUnknownColumnChangesNothing() throws IOException {
        Path file = Files.writeString(
                home.resolve("odd.csv"), "userPrincipalName,displayName,shoeSize\nodd@contoso.com,Odd,44\n");
        Run run = allot.run("import", "users", file.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: InvalidArgument: odd.csv line 1: unknown column 'shoeSize'");
        assertThat(api.user("odd@contoso.com", "id").isMissingNode()).isTrue();

        Run missing = allot.run("import", "users", home.resolve("absent.csv").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("There is no file");
    }

    private Path usersFile() throws IOException {
        StringBuilder csv = new StringBuilder(
                "userPrincipalName,displayName,givenName,surname,department,usageLocation,employeeId\n");
        for (int i = 0; i < USERS; i++) {
            csv.append(upn(i))
                    .append(",Bulk User ")
                    .append(i)
                    .append(",Bulk,User ")
                    .append(i)
                    .append(",Department ")
                    .append(i % 10)
                    .append(',')
                    .append(LOCATIONS[i % LOCATIONS.length])
                    .append(",B")
                    .append(i)
                    .append('\n');
        }
        return Files.writeString(home.resolve("users.csv"), csv);
    }

    private static String upn(int i) {
        return String.format(Locale.ROOT, "bulk%05d@contoso.com", i);
    }

    private long bulkUsers() {
        return api.countUsers("startsWith(userPrincipalName,'bulk')");
    }

    private static List<Map<String, String>> results(Path file) throws IOException {
        return results(file, ".results.csv");
    }

    private static List<Map<String, String>> results(Path file, String suffix) throws IOException {
        String name = file.getFileName().toString();
        return Run.csv(Files.readString(file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + suffix)));
    }

    /** Runs a command line and notes how long it took, for the report. */
    private Run timed(String what, String... args) {
        long start = System.nanoTime();
        Run run = allot.run(args);
        timings.add(String.format(
                Locale.ROOT,
                "allot %s %s, %d rows, %s: %.1f s",
                args[0],
                args[1],
                USERS,
                what,
                (System.nanoTime() - start) / 1e9));
        return run;
    }

    @AfterEach
    void report() {
        timings.forEach(System.out::println);
    }
}
