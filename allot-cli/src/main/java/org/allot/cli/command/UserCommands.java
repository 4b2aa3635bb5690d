package org.allot.cli.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.allot.api.graph.GroupResource;
import org.allot.api.graph.UserResource;
import org.allot.cli.api.Query;
import org.allot.cli.context.Context;
import org.allot.cli.lookup.Directory;
import org.allot.cli.lookup.Products;
import org.allot.cli.output.Item;
import org.allot.cli.output.Table;
import org.allot.cli.process.Failure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Users: list with filters, show, create, update, delete and restore. */
@Command(
        name = "user",
        aliases = "users",
        mixinStandardHelpOptions = true,
        subcommands = UserActivity.class,
        description = "Lists, shows, creates, changes, deletes and restores users.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  allot user list --unlicensed --synced",
            "  allot user show ada@contoso.com",
            "  allot user update ada@contoso.com --usage-location US"
        })
public final class UserCommands {
    static final String DETAILS = "id,userPrincipalName,displayName,givenName,surname,mail,department,jobTitle,"
            + "companyName,city,country,employeeId,usageLocation,userType,accountEnabled,onPremisesSyncEnabled,"
            + "onPremisesImmutableId,onPremisesUserPrincipalName,onPremisesSamAccountName,onPremisesDistinguishedName,"
            + "onPremisesLastSyncDateTime,"
            + "createdDateTime,assignedLicenses,licenseAssignmentStates";
    private static final String DELETED = "/v1.0/directory/deletedItems/microsoft.graph.user";
    private static final String DELETED_SELECT = "id,userPrincipalName,displayName,deletedDateTime";
    private static final List<String> COLUMNS = List.of(
            "userPrincipalName",
            "displayName",
            "usageLocation",
            "userType",
            "synced",
            "licenses",
            "licenseErrors",
            "id");
    private static final List<String> DELETED_COLUMNS = List.of(DELETED_SELECT.split(","));

    private final Context context;

    UserCommands(Context context) {
        this.context = context;
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Lists users, sorted by userPrincipalName; the filters combine (and).",
            footerHeading = "%nExamples:%n",
            footer = {
                "  allot user list --unlicensed",
                "  allot user list --sku E5 -o csv > e5-users.csv",
                "  allot user list --errors",
                "  allot user list --filter \"department eq 'Sales' and usageLocation eq 'GB'\""
            })
    void list(
            @Option(names = "--unlicensed", description = "Users without any license.") boolean unlicensed,
            @Option(names = "--sku", paramLabel = "SKU", description = "Users holding this product.") String sku,
            @Option(names = "--errors", description = "Users with a license in error (waiting, or refused).")
                    boolean errors,
            @Option(names = "--synced", description = "Users synced from on-premises Active Directory.") boolean synced,
            @Option(names = "--guests", description = "Guest (B2B) users.") boolean guests,
            @Option(names = "--deleted", description = "Deleted users that can be restored.") boolean deleted,
            @Option(names = "--filter", paramLabel = "ODATA", description = "An OData $filter, as Graph takes it.")
                    String filter,
            @Option(names = "--top", paramLabel = "N", description = "At most N users.") int top) {
        Directory directory = context.directory();
        String skuId =
                sku == null ? null : directory.products().find(sku).skuId().toString();
        List<String> extra = ResourceFields.USERS.beyond(context.fields(), deleted ? DELETED_COLUMNS : COLUMNS);
        Query query = Query.of(deleted ? DELETED : "/v1.0/users")
                .with("$filter", filter(unlicensed, skuId, synced, guests, filter))
                .with("$select", ResourceFields.select(deleted ? DELETED_SELECT : Directory.USER_LICENSES, extra))
                .with("$orderby", "userPrincipalName")
                .with("$top", 999);
        List<UserResource> users = directory.search(query, UserResource.class, errors ? 0 : top, filter != null);
        if (errors) {
            users = users.stream().filter(Licenses::hasErrors).toList();
            users = top > 0 && users.size() > top ? users.subList(0, top) : users;
        }
        Table table = deleted ? deletedTable(users) : table(users, directory.products());
        context.printer().print(ResourceFields.with(table, users, extra));
    }

    /** The OData filter of the list options, or null for all users. */
    static String filter(boolean unlicensed, String skuId, boolean synced, boolean guests, String raw) {
        List<String> clauses = new ArrayList<>();
        if (unlicensed) {
            clauses.add("assignedLicenses/$count eq 0");
        }
        if (skuId != null) {
            clauses.add("assignedLicenses/any(x:x/skuId eq " + skuId + ")");
        }
        if (synced) {
            clauses.add("onPremisesSyncEnabled eq true");
        }
        if (guests) {
            clauses.add("userType eq 'Guest'");
        }
        if (raw != null && !raw.isBlank()) {
            clauses.add(clauses.isEmpty() ? raw.strip() : "(" + raw.strip() + ")");
        }
        return clauses.isEmpty() ? null : String.join(" and ", clauses);
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Shows a user: attributes, licenses, license errors and groups.",
            footerHeading = "%nExamples:%n",
            footer = {"  allot user show ada@contoso.com", "  allot user show 6f1c…  -o json"})
    void show(@Parameters(paramLabel = "USER", description = "userPrincipalName or id") String user) {
        context.printer().print(details(user));
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Creates a cloud user.",
            footerHeading = "%nExamples:%n",
            footer = "  allot user create ada@contoso.com --name \"Ada Lovelace\" --usage-location GB")
    void create(
            @Parameters(paramLabel = "UPN", description = "userPrincipalName, on a verified domain") String upn,
            @Mixin UserAttributes attributes) {
        Map<String, Object> body = attributes.values();
        body.put("userPrincipalName", upn.strip());
        if (body.get("displayName") == null) {
            throw Failure.usage("Give --display-name to create a user.");
        }
        body.putIfAbsent("accountEnabled", true);
        UserResource created = context.api().post("/v1.0/users", body, UserResource.class);
        context.printer().print(details(created.id()));
    }

    @Command(
            name = "update",
            mixinStandardHelpOptions = true,
            description = {
                "Changes attributes of a user; an empty value (\"\") clears one.",
                "Synced users take only --usage-location: the on-premises directory owns the rest."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  allot user update ada@contoso.com --usage-location US",
                "  allot user update ada@contoso.com --department Research --job-title \"\""
            })
    void update(
            @Parameters(paramLabel = "USER", description = "userPrincipalName or id") String user,
            @Mixin UserAttributes attributes) {
        Map<String, Object> body = attributes.values();
        if (body.isEmpty()) {
            throw Failure.usage("Give at least one attribute to change, e.g. --usage-location US.");
        }
        UserResource found = context.directory().user(user, "id");
        context.api().patch(Query.path("/v1.0/users", found.id()), body);
        context.printer().print(details(found.id()));
    }

    @Command(
            name = "delete",
            mixinStandardHelpOptions = true,
            description = {
                "Deletes a user.",
                "Its licenses, memberships and seats are kept for the retention period (30 days by default), "
                        + "until 'allot user restore' brings it back."
            },
            footerHeading = "%nExamples:%n",
            footer = "  allot user delete ada@contoso.com")
    void delete(@Parameters(paramLabel = "USER", description = "userPrincipalName or id") String user) {
        UserResource found = context.directory().user(user, "id,userPrincipalName,displayName");
        context.api().delete(Query.path("/v1.0/users", found.id()));
        context.note("Deleted " + found.userPrincipalName() + "; 'allot user restore " + found.userPrincipalName()
                + "' brings it back with its licenses.");
        context.printer().print(summary(found, "deleted"));
    }

    @Command(
            name = "restore",
            mixinStandardHelpOptions = true,
            description = "Restores a deleted user with its licenses and memberships.",
            footerHeading = "%nExamples:%n",
            footer = {"  allot user list --deleted", "  allot user restore ada@contoso.com"})
    void restore(@Parameters(paramLabel = "USER", description = "userPrincipalName or id") String user) {
        String id = deletedId(user);
        UserResource restored =
                context.api().post(Query.path("/v1.0/directory/deletedItems", id, "restore"), null, UserResource.class);
        context.printer().print(summary(restored, "restored"));
    }

    private Item details(String user) {
        Directory directory = context.directory();
        UserResource u = directory.user(user, DETAILS);
        Products products = directory.products();
        List<String> groups = context
                .api()
                .list(
                        Query.of(Query.path("/v1.0/users", u.id(), "memberOf")).with("$select", "displayName"),
                        GroupResource.class)
                .stream()
                .map(GroupResource::displayName)
                .toList();
        return Item.of()
                .put("id", u.id())
                .put("userPrincipalName", u.userPrincipalName())
                .put("displayName", u.displayName())
                .put("givenName", u.givenName())
                .put("surname", u.surname())
                .put("mail", u.mail())
                .put("department", u.department())
                .put("jobTitle", u.jobTitle())
                .put("companyName", u.companyName())
                .put("city", u.city())
                .put("country", u.country())
                .put("employeeId", u.employeeId())
                .put("usageLocation", u.usageLocation())
                .put("userType", u.userType())
                .put("accountEnabled", u.accountEnabled())
                .put("synced", Boolean.TRUE.equals(u.onPremisesSyncEnabled()))
                .put("onPremisesImmutableId", u.onPremisesImmutableId())
                .put("onPremisesUserPrincipalName", u.onPremisesUserPrincipalName())
                .put("onPremisesSamAccountName", u.onPremisesSamAccountName())
                .put("onPremisesDistinguishedName", u.onPremisesDistinguishedName())
                .put("onPremisesLastSyncDateTime", u.onPremisesLastSyncDateTime())
                .put("createdDateTime", u.createdDateTime())
                .put("licenses", Licenses.names(u.assignedLicenses(), products))
                .put("licenseErrors", Licenses.errors(u.licenseAssignmentStates(), products))
                .put("groups", groups);
    }

    private String deletedId(String user) {
        if (Directory.isGuid(user.strip())) {
            return user.strip();
        }
        List<UserResource> deleted = context.api()
                .list(
                        Query.of(DELETED)
                                .with("$filter", "userPrincipalName eq " + Query.literal(user.strip()))
                                .with("$select", "id"),
                        UserResource.class);
        if (deleted.isEmpty()) {
            throw Failure.notFound("No deleted user '" + user + "': see 'allot user list --deleted'.");
        }
        return deleted.get(0).id();
    }

    static Table table(List<UserResource> users, Products products) {
        Table table = Table.of(COLUMNS.toArray(String[]::new));
        for (UserResource u : users) {
            table.add(
                    u.userPrincipalName(),
                    u.displayName(),
                    u.usageLocation(),
                    u.userType(),
                    Boolean.TRUE.equals(u.onPremisesSyncEnabled()),
                    Licenses.names(u.assignedLicenses(), products),
                    Licenses.errors(u.licenseAssignmentStates(), products),
                    u.id());
        }
        return table;
    }

    private static Table deletedTable(List<UserResource> users) {
        Table table = Table.of(DELETED_COLUMNS.toArray(String[]::new));
        users.forEach(u -> table.add(u.id(), u.userPrincipalName(), u.displayName(), u.deletedDateTime()));
        return table;
    }

    private static Item summary(UserResource user, String state) {
        return Item.of()
                .put("id", user.id())
                .put("userPrincipalName", user.userPrincipalName())
                .put("displayName", user.displayName())
                .put("state", state);
    }
}
