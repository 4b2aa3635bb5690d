package org.allot.cli.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.allot.api.extensions.SignInActivityResource;
import org.allot.api.extensions.SignInImport;
import org.allot.cli.api.ApiError;
import org.allot.cli.api.Query;
import org.allot.cli.bulk.CsvFile;
import org.allot.cli.context.Context;
import org.allot.cli.output.Item;
import org.allot.cli.process.Failure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** Users' sign-in activity, the signal reclaim reads: show, set, and import a sign-in log in bulk. */
@Command(
        name = "activity",
        mixinStandardHelpOptions = true,
        description = {
            "Shows and sets users' last sign-in (signInActivity), which reclaim policies read.",
            "Graph's signInActivity is read-only; Allot takes it from you: one user, or a CSV export of your identity"
                    + " provider's sign-in log."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  allot user activity show ada@contoso.com",
            "  allot user activity set ada@contoso.com 2026-11-30T08:15:00Z",
            "  allot user activity import sign-ins.csv   (columns: userPrincipalName or id, lastSignInDateTime)"
        })
final class UserActivity {
    private static final CsvFile.Columns COLUMNS = new CsvFile.Columns(
            List.of("userPrincipalName", "id", "lastSignInDateTime"),
            Map.of("upn", "userPrincipalName", "user", "userPrincipalName", "lastSignIn", "lastSignInDateTime"),
            List.of("lastSignInDateTime"));

    private final Context context;

    UserActivity(Context context) {
        this.context = context;
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Shows a user's activity signals.",
            footerHeading = "%nExamples:%n",
            footer = {"  allot user activity show ada@contoso.com"})
    void show(@Parameters(paramLabel = "USER", description = "userPrincipalName or id") String user) {
        try {
            print(user, context.api().get(path(user), SignInActivityResource.class));
        } catch (ApiError e) {
            throw e.status() == 404 ? Failure.notFound("No user '" + user + "'.") : e;
        }
    }

    @Command(
            name = "set",
            mixinStandardHelpOptions = true,
            description = "Sets a user's last sign-in.",
            footerHeading = "%nExamples:%n",
            footer = {"  allot user activity set ada@contoso.com 2026-11-30T08:15:00Z"})
    void set(
            @Parameters(index = "0", paramLabel = "USER", description = "userPrincipalName or id") String user,
            @Parameters(index = "1", paramLabel = "DATE", description = "2026-11-30 or 2026-11-30T08:15:00Z")
                    String when) {
        try {
            print(
                    user,
                    context.api()
                            .put(
                                    path(user),
                                    new SignInActivityResource(Dates.parse("DATE", when), null, null, null, null),
                                    SignInActivityResource.class));
        } catch (ApiError e) {
            throw e.status() == 404 ? Failure.notFound("No user '" + user + "'.") : e;
        }
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Sets the last sign-in of every user a CSV file lists, all or nothing ('-' reads standard input).",
                "Columns: userPrincipalName (or id) and lastSignInDateTime."
            },
            footerHeading = "%nExamples:%n",
            footer = {"  allot user activity import sign-ins.csv", "  allot user activity import - < sign-ins.csv"})
    void importFile(@Parameters(paramLabel = "FILE", description = "the CSV file") Path file) {
        CsvFile csv = CsvFile.read(file, context.environment().stdin(), COLUMNS);
        if (!csv.problems().isEmpty()) {
            CsvFile.Problem p = csv.problems().get(0);
            throw Failure.usage(csv.name() + " line " + p.line() + ": " + p.message());
        }
        List<SignInImport.Entry> entries = new ArrayList<>(csv.records().size());
        for (CsvFile.Record r : csv.records()) {
            String id = blankToNull(r.get("id"));
            String upn = blankToNull(r.get("userPrincipalName"));
            if ((id == null) == (upn == null)) {
                throw Failure.usage(csv.name() + " line " + r.line() + ": give userPrincipalName or id.");
            }
            entries.add(new SignInImport.Entry(
                    id, upn, Dates.parse(csv.name() + " line " + r.line(), r.get("lastSignInDateTime"))));
        }
        JsonNode answer = context.api().post("/allot/v1/signInActivity/import", new SignInImport(entries));
        context.printer().print(Item.of().put("users", answer.path("users").asInt()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String path(String user) {
        return Query.path("/allot/v1/users", user.strip(), "signInActivity");
    }

    private void print(String user, SignInActivityResource a) {
        context.printer()
                .print(Item.of()
                        .put("user", user)
                        .put("lastSignInDateTime", a.lastSignInDateTime())
                        .put("lastLogonTimestamp", a.lastLogonTimestamp())
                        .put("disabledDateTime", a.disabledDateTime()));
    }
}
