package org.allot.server.persistence;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.allot.core.directory.User;

/**
 * The columns of {@code directory_user} after its key, and a user's values for them: as the parameters of one
 * statement ({@link #values}) or as arrays unnested into rows by one statement for many users ({@link #arrays}).
 */
final class UserColumns {
    static final String COLUMNS = """
            user_principal_name, display_name, given_name, surname, mail, mail_nickname, department, job_title,
            company_name, city, country, employee_id, usage_location, user_type, account_enabled,
            on_premises_sync_enabled, on_premises_immutable_id, on_premises_sam_account_name, created_at, deleted_at,
            extension_attributes, on_premises_user_principal_name, on_premises_distinguished_name,
            on_premises_domain_name, on_premises_security_identifier, on_premises_last_sync_at""";

    /** {@code (tenant_id, id, …) values (?, ?, …)}: one user's row, its parameters the tenant, the id and {@link #values}. */
    static final String ROW = "(tenant_id, id, " + COLUMNS + ") values (?, ?" + ", ?".repeat(26) + ")";

    /** The arrays of {@link #arrays} as a row source {@code t} with the columns' names. */
    static final String UNNEST = """
            unnest(:ids, :upns, :displayNames, :givenNames, :surnames, :mails, :nicknames, :departments, :jobTitles,
                   :companies, :cities, :countries, :employeeIds, :locations, :types, :enabled, :synced,
                   :immutableIds, :accounts, :created, :deleted, :extensions, :onPremisesUpns, :dns, :domains, :sids,
                   :synced_at)
              as t(id, user_principal_name, display_name, given_name, surname, mail, mail_nickname, department,
                   job_title, company_name, city, country, employee_id, usage_location, user_type, account_enabled,
                   on_premises_sync_enabled, on_premises_immutable_id, on_premises_sam_account_name, created_at,
                   deleted_at, extension_attributes, on_premises_user_principal_name, on_premises_distinguished_name,
                   on_premises_domain_name, on_premises_security_identifier, on_premises_last_sync_at)""";

    /** The select list of {@link #UNNEST}'s rows, typed as the table's columns. */
    static final String UNNESTED = "t.id, "
            + COLUMNS.replace("\n", " ")
                    .replace("created_at", "created_at::timestamptz as created_at")
                    .replace("deleted_at", "deleted_at::timestamptz as deleted_at")
                    .replace(
                            "on_premises_last_sync_at",
                            "on_premises_last_sync_at::timestamptz as on_premises_last_sync_at")
                    .replace("extension_attributes", "extension_attributes::text[] as extension_attributes");

    private UserColumns() {}

    /** {@code column = ?, …} for every column of {@link #COLUMNS}, in their order. */
    static String assignments() {
        return String.join(" = ?, ", COLUMNS.replace("\n", " ").split(",\\s*")) + " = ?";
    }

    /** {@code column = t.column, …}: every column from the row source {@code t}. */
    static String assignmentsFromUnnested() {
        return Arrays.stream(COLUMNS.replace("\n", " ").split(",\\s*"))
                .map(c -> c + " = t." + c)
                .collect(Collectors.joining(", "));
    }

    /** One user's values for {@link #COLUMNS}, in their order. */
    static List<Object> values(User u) {
        return Arrays.asList(
                u.userPrincipalName(),
                u.displayName(),
                u.givenName(),
                u.surname(),
                u.mail(),
                u.mailNickname(),
                u.department(),
                u.jobTitle(),
                u.companyName(),
                u.city(),
                u.country(),
                u.employeeId(),
                u.usageLocation() == null ? null : u.usageLocation().code(),
                u.userType().name(),
                u.accountEnabled(),
                u.onPremisesSyncEnabled(),
                u.onPremisesImmutableId(),
                u.onPremisesSamAccountName(),
                SqlValues.time(u.createdDateTime()),
                SqlValues.time(u.deletedDateTime()),
                u.extensionAttributes().isEmpty()
                        ? null
                        : u.extensionAttributes().values().toArray(String[]::new),
                u.onPremisesUserPrincipalName(),
                u.onPremises().distinguishedName(),
                u.onPremises().domainName(),
                u.onPremises().securityIdentifier(),
                SqlValues.time(u.onPremises().lastSyncDateTime()));
    }

    /** The named parameters of {@link #UNNEST}: one array per column, a user per index. */
    static Map<String, Object> arrays(Collection<User> users) {
        Map<String, Object> p = new HashMap<>();
        p.put("ids", SqlValues.uuidArray(users, u -> u.id().value()));
        p.put("upns", texts(users, User::userPrincipalName));
        p.put("displayNames", texts(users, User::displayName));
        p.put("givenNames", texts(users, User::givenName));
        p.put("surnames", texts(users, User::surname));
        p.put("mails", texts(users, User::mail));
        p.put("nicknames", texts(users, User::mailNickname));
        p.put("departments", texts(users, User::department));
        p.put("jobTitles", texts(users, User::jobTitle));
        p.put("companies", texts(users, User::companyName));
        p.put("cities", texts(users, User::city));
        p.put("countries", texts(users, User::country));
        p.put("employeeIds", texts(users, User::employeeId));
        p.put(
                "locations",
                texts(
                        users,
                        u -> u.usageLocation() == null
                                ? null
                                : u.usageLocation().code()));
        p.put("types", texts(users, u -> u.userType().name()));
        p.put("enabled", users.stream().map(User::accountEnabled).toArray(Boolean[]::new));
        p.put("synced", users.stream().map(User::onPremisesSyncEnabled).toArray(Boolean[]::new));
        p.put("immutableIds", texts(users, User::onPremisesImmutableId));
        p.put("accounts", texts(users, User::onPremisesSamAccountName));
        p.put("created", texts(users, u -> u.createdDateTime().toString()));
        p.put(
                "deleted",
                texts(
                        users,
                        u -> u.deletedDateTime() == null
                                ? null
                                : u.deletedDateTime().toString()));
        p.put("extensions", texts(users, UserColumns::extensionsLiteral));
        p.put("onPremisesUpns", texts(users, User::onPremisesUserPrincipalName));
        p.put("dns", texts(users, u -> u.onPremises().distinguishedName()));
        p.put("domains", texts(users, u -> u.onPremises().domainName()));
        p.put("sids", texts(users, u -> u.onPremises().securityIdentifier()));
        p.put(
                "synced_at",
                texts(
                        users,
                        u -> u.onPremises().lastSyncDateTime() == null
                                ? null
                                : u.onPremises().lastSyncDateTime().toString()));
        return p;
    }

    /**
     * One user's row of {@code (tenant_id, id, }{@link #COLUMNS}{@code )} as text, as COPY takes it (the column
     * types read each value: booleans as {@code true}/{@code false}, times in ISO 8601, the extension attributes as a
     * {@code text[]} literal).
     */
    static String[] row(java.util.UUID tenant, User u) {
        return new String[] {
            tenant.toString(),
            u.id().value().toString(),
            u.userPrincipalName(),
            u.displayName(),
            u.givenName(),
            u.surname(),
            u.mail(),
            u.mailNickname(),
            u.department(),
            u.jobTitle(),
            u.companyName(),
            u.city(),
            u.country(),
            u.employeeId(),
            u.usageLocation() == null ? null : u.usageLocation().code(),
            u.userType().name(),
            String.valueOf(u.accountEnabled()),
            String.valueOf(u.onPremisesSyncEnabled()),
            u.onPremisesImmutableId(),
            u.onPremisesSamAccountName(),
            u.createdDateTime().toString(),
            u.deletedDateTime() == null ? null : u.deletedDateTime().toString(),
            extensionsLiteral(u),
            u.onPremisesUserPrincipalName(),
            u.onPremises().distinguishedName(),
            u.onPremises().domainName(),
            u.onPremises().securityIdentifier(),
            u.onPremises().lastSyncDateTime() == null
                    ? null
                    : u.onPremises().lastSyncDateTime().toString()
        };
    }

    private static String[] texts(Collection<User> users, Function<User, String> value) {
        return users.stream().map(value).toArray(String[]::new);
    }

    /** The extension attributes as a text[] literal for the unnested statements; null when none is set. */
    private static String extensionsLiteral(User u) {
        if (u.extensionAttributes().isEmpty()) {
            return null;
        }
        return u.extensionAttributes().values().stream()
                .map(v -> v == null ? "NULL" : "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
