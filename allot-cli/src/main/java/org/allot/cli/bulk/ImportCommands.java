package org.allot.cli.bulk;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.allot.api.graph.UserResource;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.lookup.Directory;
import org.allot.cli.process.Failure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Bulk changes from CSV files: users, and license assignments. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Creates and updates users, or assigns licenses, from a CSV file (header line first; comma, "
                    + "semicolon or tab separated).",
            "Every row is checked first: malformed rows are reported with their line and skipped, never "
                    + "half-applied. --dry-run has the server check every row as it would apply it, changing nothing."
                    + " A results CSV, written row by row, tells for every row what was done, or what failed and why"
                    + " (and Ctrl-C prints the summary so far). Importing the same file again changes nothing.",
            "FILE may be - for standard input; it is UTF-8 (or UTF-16 with its byte-order mark)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  allot import users users.csv --dry-run",
            "  allot import users users.csv --results done.csv",
            "  ldap-export | allot import users -",
            "  allot import licenses assignments.csv"
        })
public final class ImportCommands {
    private final Context context;

    ImportCommands(Context context) {
        this.context = context;
    }

    /** The options both imports take. */
    static final class Options {
        @Option(
                names = "--dry-run",
                description = "Have the server check every row as it would apply it, and change nothing.")
        boolean dryRun;

        @Option(
                names = "--results",
                paramLabel = "FILE",
                description = "Where to write the results CSV (default: next to the input, <name>.results.csv, or"
                        + " <name>.dry-run.results.csv for a dry run; users.results.csv or licenses.results.csv in"
                        + " the working folder for standard input or a pipe). Written row by row as rows are done.")
        Path results;

        @Option(
                names = "--parallel",
                paramLabel = "N",
                defaultValue = "4",
                description = "Requests in flight at once (default: ${DEFAULT-VALUE}).")
        int parallel;

        @Option(
                names = "--progress",
                negatable = true,
                description = "Show a progress bar on stderr (default: on a terminal).")
        Boolean progress;

        ImportRun.Options of(Path file, String kind, String task) {
            if (parallel < 1 || parallel > 32) {
                throw Failure.usage("--parallel takes 1 to 32.");
            }
            return new ImportRun.Options(
                    dryRun, results == null ? defaultResults(file, kind, dryRun) : results, parallel, progress, task);
        }

        /**
         * Next to the input, {@code <name>.results.csv} ({@code <name>.dry-run.results.csv} for a dry run, so that it
         * never overwrites a real run's); for standard input, a pipe or process substitution (not a regular file),
         * {@code users.results.csv} or {@code licenses.results.csv} in the working folder.
         */
        static Path defaultResults(Path file, String kind, boolean dryRun) {
            String suffix = dryRun ? ".dry-run.results.csv" : ".results.csv";
            if (CsvFile.isStdin(file) || !java.nio.file.Files.isRegularFile(file)) {
                return Path.of(kind + suffix);
            }
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + suffix);
        }
    }

    @Command(
            name = "users",
            mixinStandardHelpOptions = true,
            description = {
                "Creates the users of a CSV file that do not exist and updates those that do (only the non-empty"
                        + " cells that differ).",
                "Columns: userPrincipalName (required), displayName (required to create), givenName, surname, "
                        + "mail, mailNickname, department, jobTitle, companyName, city, country, employeeId, "
                        + "usageLocation, userType (Member or Guest), accountEnabled (true or false)."
            },
            footerHeading = "%nExample file:%n",
            footer = {
                "  userPrincipalName,displayName,department,usageLocation",
                "  ada@contoso.com,Ada Lovelace,Engineering,GB",
                "%nExamples:%n",
                "  allot import users users.csv --dry-run",
                "  allot import users users.csv -o json"
            })
    int users(
            @Parameters(paramLabel = "FILE", description = "the CSV file; - for standard input") Path file,
            @Mixin Options options) {
        return run(USERS, file, options);
    }

    @Command(
            name = "licenses",
            mixinStandardHelpOptions = true,
            description = {
                "Assigns products to users directly, from a CSV file.",
                "Columns: userPrincipalName (required), sku (part number or GUID, required), disabledPlans (plan"
                        + " names or GUIDs, separated by ; or spaces, or by commas inside quotes), action (assign, the "
                        + "default, remove, or replace), replaces (with action replace: the product the sku replaces,"
                        + " in one request, so the user never goes without).",
                "Rows of one user are sent in the order of the file; once one of them fails, the user's later rows"
                        + " are skipped."
            },
            footerHeading = "%nExample file:%n",
            footer = {
                "  userPrincipalName,sku,disabledPlans",
                "  ada@contoso.com,ENTERPRISEPACK,SWAY;FORMS_PLAN_E3",
                "  alan@contoso.com,SPE_E5,",
                "  (a swap: userPrincipalName,sku,action,replaces / ada@contoso.com,SPE_E5,replace,ENTERPRISEPACK)",
                "%nExamples:%n",
                "  allot import licenses assignments.csv --dry-run",
                "  allot import licenses assignments.csv --results assignments-done.csv"
            })
    int licenses(
            @Parameters(paramLabel = "FILE", description = "the CSV file; - for standard input") Path file,
            @Mixin Options options) {
        return run(LICENSES, file, options);
    }

    /** What sets the imports apart: the file's columns, what to read of users, how to plan, what to count. */
    record Kind(
            String name,
            String task,
            CsvFile.Columns columns,
            String select,
            List<String> keyColumns,
            List<Step.Action> actions,
            Planner planner,
            DryRun.Validation validation) {}

    /** Plans the rows of a file against the tenant's users. */
    interface Planner {
        List<Step> plan(CsvFile file, Map<String, UserResource> users, Directory directory);
    }

    static final Kind USERS = new Kind(
            "users",
            "Importing users",
            UserImport.COLUMNS,
            UserImport.SELECT,
            List.of(UserImport.UPN),
            List.of(Step.Action.CREATE, Step.Action.UPDATE),
            (file, users, directory) -> UserImport.plan(file, users),
            new DryRun.Validation("/allot/v1/users/validate", UserImport::validationRow));
    static final Kind LICENSES = new Kind(
            "licenses",
            "Assigning licenses",
            LicenseImport.COLUMNS,
            LicenseImport.SELECT,
            List.of(LicenseImport.USER, LicenseImport.SKU),
            List.of(Step.Action.ASSIGN, Step.Action.REMOVE, Step.Action.REPLACE),
            (file, users, directory) -> LicenseImport.plan(file, users, directory.products()),
            new DryRun.Validation("/allot/v1/licenseChanges/validate", LicenseImport::validationRow));

    private int run(Kind kind, Path file, Options options) {
        ImportRun.Options run = options.of(file, kind.name(), kind.task());
        CsvFile csv = CsvFile.read(file, context.environment().stdin(), kind.columns());
        List<Step> steps = kind.planner().plan(csv, existing(kind.select()), context.directory());
        return new ImportRun(context, kind.keyColumns(), kind.actions(), kind.validation()).run(csv, steps, run);
    }

    /** Every user of the tenant by lower-case userPrincipalName, with the properties to compare. */
    private Map<String, UserResource> existing(String select) {
        Map<String, UserResource> users = new HashMap<>();
        for (UserResource u : context.api()
                .list(Query.of("/v1.0/users").with("$select", select).with("$top", 999), UserResource.class)) {
            users.put(u.userPrincipalName().toLowerCase(Locale.ROOT), u);
        }
        return users;
    }
}
