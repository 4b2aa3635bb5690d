package org.allot.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.allot.core.directory.ExtensionAttributes;
import org.allot.core.directory.OnPremisesAttributes;
import org.allot.core.directory.UsageLocation;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserType;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * The columns of {@code directory_user} after its key, and a user's values for them: as the parameters of one
 * statement ({@link #parameters}) or as arrays unnested into rows by one statement for many users ({@link #arrays}).
 */
final class UserColumns {
    static final String COLUMNS = """
            user_principal_name, display_name, given_name, surname, mail, mail_nickname, department, job_title,
            company_name, city, country, employee_id, usage_location, user_type, account_enabled,
            on_premises_sync_enabled, on_premises_immutable_id, on_premises_sam_account_name, created_at, deleted_at,
            extension_attributes, on_premises_user_principal_name, on_premises_distinguished_name,
            on_premises_domain_name, on_premises_security_identifier, on_premises_last_sync_at""";

    /** The names of {@link #COLUMNS}, in their order. */
    private static final String[] NAMES = COLUMNS.replace("\n", " ").split(",\\s*");

    /**
     * {@code (tenant_id, id, …) values (?, ?, …)}: one user's row, its parameters the tenant, the id and
     * {@link #parameters}.
     */
    static final String ROW = "(tenant_id, id, " + COLUMNS + ") values (?, ?" + ", ?".repeat(NAMES.length) + ")";

    /** The columns after the tenant: the id, then {@link #COLUMNS}. */
    private static final String[] UNNESTED_COLUMNS =
            Stream.concat(Stream.of("id"), Arrays.stream(NAMES)).toArray(String[]::new);

    /**
     * The arrays of {@link #arrays} as a row source {@code t} with the columns' names: {@code unnest(cast(:c0 as
     * text[]), …) as t(id, user_principal_name, …)}, every column as text.
     */
    static final String UNNEST = "unnest("
            + java.util.stream.IntStream.range(0, UNNESTED_COLUMNS.length)
                    .mapToObj(i -> "cast(:c" + i + " as text[])")
                    .collect(Collectors.joining(", "))
            + ") as t(" + String.join(", ", UNNESTED_COLUMNS) + ")";

    /** The select list of {@link #UNNEST}'s rows, typed as the table's columns. */
    static final String UNNESTED = Arrays.stream(UNNESTED_COLUMNS)
            .map(c -> switch (c) {
                case "id" -> "t.id::uuid as id";
                case "account_enabled", "on_premises_sync_enabled" -> c + "::boolean as " + c;
                case "created_at", "deleted_at", "on_premises_last_sync_at" -> c + "::timestamptz as " + c;
                case "extension_attributes" -> c + "::text[] as " + c;
                default -> c;
            })
            .collect(Collectors.joining(", "));

    private UserColumns() {}

    /** {@code column = ?, …} for every column of {@link #COLUMNS}, in their order. */
    static String assignments() {
        return String.join(" = ?, ", NAMES) + " = ?";
    }

    /** {@code column = t.column, …}: every column from the row source {@code t}. */
    static String assignmentsFromUnnested() {
        return Arrays.stream(NAMES).map(c -> c + " = t." + c).collect(Collectors.joining(", "));
    }

    /**
     * One user's values for {@link #COLUMNS}, in their order: their text ({@link #row}) bound untyped, so that
     * PostgreSQL reads each as its column's type, as COPY does.
     */
    static List<SqlParameterValue> parameters(User u) {
        String[] texts = texts(u);
        return Arrays.stream(texts, 1, texts.length)
                .map(v -> new SqlParameterValue(Types.OTHER, v))
                .toList();
    }

    /**
     * The named parameters of {@link #UNNEST}: one text array per column, a user per index, each user's values as
     * {@link #row} writes them.
     */
    static Map<String, Object> arrays(Collection<User> users) {
        String[][] columns = new String[UNNESTED_COLUMNS.length][users.size()];
        int user = 0;
        for (User u : users) {
            String[] row = texts(u);
            for (int c = 0; c < row.length; c++) {
                columns[c][user] = row[c];
            }
            user++;
        }
        Map<String, Object> p = new HashMap<>();
        for (int c = 0; c < columns.length; c++) {
            p.put("c" + c, columns[c]);
        }
        return p;
    }

    /**
     * One user's row of {@code (tenant_id, id, }{@link #COLUMNS}{@code )} as text, as COPY takes it (the column
     * types read each value: booleans as {@code true}/{@code false}, times in ISO 8601, the extension attributes as a
     * {@code text[]} literal).
     */
    static String[] row(java.util.UUID tenant, User u) {
        String[] texts = texts(u);
        String[] row = new String[texts.length + 1];
        row[0] = tenant.toString();
        System.arraycopy(texts, 0, row, 1, texts.length);
        return row;
    }

    /** One user's values for {@code (id, }{@link #COLUMNS}{@code )} as text. */
    private static String[] texts(User u) {
        return new String[] {
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

    /** The extension attributes as a text[] literal for the unnested statements; null when none is set. */
    private static String extensionsLiteral(User u) {
        if (u.extensionAttributes().isEmpty()) {
            return null;
        }
        return u.extensionAttributes().values().stream()
                .map(v -> v == null ? "NULL" : "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** A user from its row of {@code directory_user}. */
    static User map(ResultSet rs) throws SQLException {
        String location = rs.getString("usage_location");
        return new User(
                new UserId(SqlValues.uuid(rs, "id")),
                rs.getString("user_principal_name"),
                rs.getString("display_name"),
                rs.getString("given_name"),
                rs.getString("surname"),
                rs.getString("mail"),
                rs.getString("mail_nickname"),
                rs.getString("department"),
                rs.getString("job_title"),
                rs.getString("company_name"),
                rs.getString("city"),
                rs.getString("country"),
                rs.getString("employee_id"),
                location == null ? null : UsageLocation.of(location),
                UserType.valueOf(rs.getString("user_type")),
                rs.getBoolean("account_enabled"),
                rs.getBoolean("on_premises_sync_enabled"),
                rs.getString("on_premises_immutable_id"),
                rs.getString("on_premises_sam_account_name"),
                SqlValues.instant(rs, "created_at"),
                SqlValues.instant(rs, "deleted_at"),
                ExtensionAttributes.of(extensions(rs)),
                rs.getString("on_premises_user_principal_name"),
                new OnPremisesAttributes(
                        rs.getString("on_premises_distinguished_name"),
                        rs.getString("on_premises_domain_name"),
                        rs.getString("on_premises_security_identifier"),
                        SqlValues.instant(rs, "on_premises_last_sync_at")));
    }

    private static String[] extensions(ResultSet rs) throws SQLException {
        java.sql.Array array = rs.getArray("extension_attributes");
        return array == null ? null : (String[]) array.getArray();
    }
}
