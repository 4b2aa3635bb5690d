package org.allot.cli.command;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.allot.api.extensions.AppRegistration;
import org.allot.api.extensions.AppRegistrationUpdate;
import org.allot.api.extensions.AppSecretRequest;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.output.Item;
import org.allot.cli.output.Table;
import org.allot.cli.process.Failure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * API apps: list them with when their secret expires, register, change the role, give a new secret, manage their
 * certificates ({@link AppCertificateCommands}), delete.
 */
@Command(
        name = "app",
        aliases = "apps",
        mixinStandardHelpOptions = true,
        subcommands = AppCertificateCommands.class,
        description = {
            "Lists and manages the apps that call the API (client credentials), for Global Administrators.",
            "A client secret expires (180 days after it is made unless --secret-expires says otherwise, at most two"
                    + " years): apps whose secret expires within 30 days are named on stderr."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  allot app list",
            "  allot app create Reporting --role \"Global Reader\" --secret-expires 1y",
            "  allot app secret Reporting --secret-expires 2026-12-31",
            "  allot app set-role Reporting --role \"License Administrator\"",
            "  allot app certificate add Reporting reporting.pem",
            "  allot app delete Reporting"
        })
public final class AppCommands {
    static final Duration WARNING = Duration.ofDays(30);
    private static final Pattern LIFETIME = Pattern.compile("(\\d{1,4})([dmy])");

    private final Context context;

    AppCommands(Context context) {
        this.context = context;
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Lists the tenant's apps with their role and when their secret expires.",
            footerHeading = "%nExamples:%n",
            footer = {"  allot app list", "  allot app list -o csv > apps.csv"})
    void list() {
        Table table = Table.of("appId", "displayName", "role", "secretEndDateTime", "secret");
        for (AppRegistration app : apps()) {
            table.add(app.appId(), app.displayName(), app.role(), app.secretEndDateTime(), state(app));
            warnIfExpiring(app);
        }
        context.printer().print(table);
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = {
                "Registers an app and prints its client id and secret.",
                "The secret is shown this once: keep it safe."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  allot app create Reporting --role \"Global Reader\"",
                "  allot app create CI --role \"License Administrator\" --secret-expires 90d -o json"
            })
    void create(
            @Parameters(paramLabel = "NAME", description = "the app's display name") String name,
            @Option(
                            names = "--role",
                            required = true,
                            paramLabel = "ROLE",
                            description = "Global Administrator, License Administrator, User Administrator, Groups"
                                    + " Administrator or Global Reader.")
                    String role,
            @Option(
                            names = "--secret-expires",
                            paramLabel = "WHEN",
                            description = "90d, 6m, 1y, 2y, or a date (2027-06-30): when the secret stops working"
                                    + " (default: in 180 days).")
                    String expires) {
        AppRegistration created = context.api()
                .post(
                        "/allot/v1/appRegistrations",
                        new AppRegistration(null, name, role, null, secretEnd(expires), null),
                        AppRegistration.class);
        context.printer().print(item(created));
        context.note("Keep the client secret safe: it is not shown again.");
        warnIfExpiring(created);
    }

    @Command(
            name = "secret",
            mixinStandardHelpOptions = true,
            description = {
                "Gives an app a new secret and prints it once.",
                "The old secret stops working at once, and so do the tokens issued for it."
            },
            footerHeading = "%nExamples:%n",
            footer = {"  allot app secret Reporting", "  allot app secret 3f2a… --secret-expires 1y"})
    void secret(
            @Parameters(paramLabel = "APP", description = "the app's id or display name") String app,
            @Option(
                            names = "--secret-expires",
                            paramLabel = "WHEN",
                            description = "90d, 6m, 1y, 2y, or a date: when the new secret stops working (default:"
                                    + " in 180 days).")
                    String expires) {
        AppRegistration replaced = context.api()
                .post(
                        Query.path("/allot/v1/appRegistrations", find(app).appId(), "secret"),
                        new AppSecretRequest(secretEnd(expires)),
                        AppRegistration.class);
        context.printer().print(item(replaced));
        context.note("Keep the client secret safe: it is not shown again.");
    }

    @Command(
            name = "set-role",
            mixinStandardHelpOptions = true,
            description = "Gives an app another role; tokens it already holds carry the new role within seconds.",
            footerHeading = "%nExamples:%n",
            footer = {"  allot app set-role Reporting --role \"Global Reader\""})
    void setRole(
            @Parameters(paramLabel = "APP", description = "the app's id or display name") String app,
            @Option(names = "--role", required = true, paramLabel = "ROLE", description = "The new role.")
                    String role) {
        AppRegistration changed = context.api()
                .patch(
                        Query.path("/allot/v1/appRegistrations", find(app).appId()),
                        new AppRegistrationUpdate(role),
                        AppRegistration.class);
        context.printer().print(item(changed));
    }

    @Command(
            name = "delete",
            mixinStandardHelpOptions = true,
            description = "Deletes an app: its secret and the tokens it holds stop working within seconds.",
            footerHeading = "%nExamples:%n",
            footer = {"  allot app delete Reporting"})
    void delete(@Parameters(paramLabel = "APP", description = "the app's id or display name") String app) {
        AppRegistration found = find(app);
        context.api().delete(Query.path("/allot/v1/appRegistrations", found.appId()));
        context.note("Deleted " + found.displayName() + " (" + found.appId() + ").");
    }

    private List<AppRegistration> apps() {
        return apps(context);
    }

    private static List<AppRegistration> apps(Context context) {
        return context.api().list("/allot/v1/appRegistrations", AppRegistration.class);
    }

    private AppRegistration find(String name) {
        return find(context, name);
    }

    /** The app named by id or by a display name no other app has. */
    static AppRegistration find(Context context, String name) {
        String wanted = name.strip();
        List<AppRegistration> matches = apps(context).stream()
                .filter(a -> a.appId().equalsIgnoreCase(wanted)
                        || a.displayName().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT)))
                .toList();
        if (matches.isEmpty()) {
            throw Failure.notFound("No app '" + name + "' (allot app list).");
        }
        if (matches.size() > 1) {
            throw Failure.usage("Several apps are named '" + name + "': give the app's id (allot app list).");
        }
        return matches.get(0);
    }

    private void warnIfExpiring(AppRegistration app) {
        String state = state(app);
        if (!state.equals("ok")) {
            context.warn("the client secret of " + app.displayName() + " (" + app.appId() + ") " + state + " ("
                    + app.secretEndDateTime().toLocalDate() + "): give it a new one with 'allot app secret "
                    + app.appId() + "'.");
        }
    }

    /** {@code ok}, {@code expires in N days} within {@link #WARNING}, or {@code expired}. */
    static String state(AppRegistration app) {
        if (app.secretEndDateTime() == null) {
            return "ok";
        }
        Duration left = Duration.between(OffsetDateTime.now(ZoneOffset.UTC), app.secretEndDateTime());
        if (left.isNegative()) {
            return "expired";
        }
        if (left.compareTo(WARNING) < 0) {
            long days = left.toDays();
            return "expires in " + days + (days == 1 ? " day" : " days");
        }
        return "ok";
    }

    /** When a secret should end: a lifetime ({@code 90d}, {@code 6m}, {@code 1y}) or a date; null for the default. */
    static OffsetDateTime secretEnd(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Matcher m = LIFETIME.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            return switch (m.group(2)) {
                case "d" -> now.plusDays(n);
                case "m" -> now.plusMonths(n);
                default -> now.plusYears(n);
            };
        }
        try {
            return LocalDate.parse(text.strip()).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw Failure.usage("--secret-expires takes a lifetime (90d, 6m, 1y, 2y) or a date (2027-06-30), not '"
                        + text + "'.");
            }
        }
    }

    private static Item item(AppRegistration app) {
        return Item.of()
                .put("appId", app.appId())
                .put("displayName", app.displayName())
                .put("role", app.role())
                .put("createdDateTime", app.createdDateTime())
                .put("secretEndDateTime", app.secretEndDateTime())
                .put("clientSecret", app.clientSecret());
    }
}
