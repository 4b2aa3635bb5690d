package org.allot.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.allot.core.TenantId;
import org.allot.core.directory.ExtensionAttributes;
import org.allot.core.directory.UsageLocation;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserType;
import org.allot.core.directory.Users;
import org.springframework.jdbc.core.simple.JdbcClient;

public final class JdbcUsers implements Users {
    private static final String COLUMNS = """
            user_principal_name, display_name, given_name, surname, mail, mail_nickname, department, job_title,
            company_name, city, country, employee_id, usage_location, user_type, account_enabled,
            on_premises_sync_enabled, on_premises_immutable_id, on_premises_sam_account_name, created_at, deleted_at,
            extension_attributes, on_premises_user_principal_name""";

    private final JdbcClient jdbc;

    public JdbcUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<User> find(TenantId tenant, UserId id) {
        return jdbc.sql("select * from directory_user where tenant_id = ? and id = ?")
                .params(tenant.value(), id.value())
                .query(JdbcUsers::map)
                .optional();
    }

    @Override
    public Optional<User> findByPrincipalName(TenantId tenant, String userPrincipalName) {
        return jdbc.sql("select * from directory_user where tenant_id = ? and lower(user_principal_name) = lower(?)")
                .params(tenant.value(), userPrincipalName)
                .query(JdbcUsers::map)
                .optional();
    }

    @Override
    public Optional<User> findByImmutableId(TenantId tenant, String immutableId) {
        return jdbc.sql("select * from directory_user where tenant_id = ? and on_premises_immutable_id = ?")
                .params(tenant.value(), immutableId)
                .query(JdbcUsers::map)
                .optional();
    }

    @Override
    public Map<UserId, User> findAll(TenantId tenant, Collection<UserId> ids) {
        Map<UserId, User> found = new LinkedHashMap<>();
        jdbc.sql("select u.* from unnest(?) as t(id) join directory_user u on u.tenant_id = ? and u.id = t.id")
                .params(SqlValues.uuidArray(ids, UserId::value), tenant.value())
                .query(JdbcUsers::map)
                .list()
                .forEach(u -> found.put(u.id(), u));
        return found;
    }

    @Override
    public Map<UserId, User> lock(TenantId tenant, Collection<UserId> ids) {
        Map<UserId, User> locked = new LinkedHashMap<>();
        LockOrder order = LockOrder.current();
        String clause = order.clause(
                "for no key update",
                LockOrder.Level.USERS,
                ids.stream().map(UserId::value).toList());
        LockOrder.locking(() -> jdbc.sql("select * from directory_user where tenant_id = ? and id = any(?) order by id "
                                + clause)
                        .params(tenant.value(), SqlValues.uuidArray(ids, UserId::value))
                        .query(JdbcUsers::map)
                        .list())
                .forEach(u -> locked.put(u.id(), u));
        order.took(
                LockOrder.Level.USERS,
                locked.keySet().stream().map(UserId::value).toList());
        return locked;
    }

    @Override
    public Map<String, User> findByPrincipalNames(TenantId tenant, Collection<String> userPrincipalNames) {
        Map<String, User> found = new LinkedHashMap<>();
        if (userPrincipalNames.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        select u.* from unnest(?) as t(name)
                        join directory_user u on u.tenant_id = ? and lower(u.user_principal_name) = t.name""")
                .params(
                        userPrincipalNames.stream()
                                .map(n -> n.toLowerCase(Locale.ROOT))
                                .distinct()
                                .toArray(String[]::new),
                        tenant.value())
                .query(JdbcUsers::map)
                .list()
                .forEach(u -> found.put(u.userPrincipalName().toLowerCase(Locale.ROOT), u));
        return found;
    }

    /** Inserts the users with one statement. */
    @Override
    public void addAll(TenantId tenant, Collection<User> users) {
        if (users.isEmpty()) {
            return;
        }
        jdbc.sql("insert into directory_user (tenant_id, id, " + COLUMNS + ") select :tenant, " + UNNESTED + " from "
                        + UNNEST)
                .param("tenant", tenant.value())
                .params(columns(users))
                .update();
    }

    /** Replaces the users with one statement. */
    @Override
    public void updateAll(TenantId tenant, Collection<User> users) {
        if (users.isEmpty()) {
            return;
        }
        String assignments = java.util.Arrays.stream(COLUMNS.replace("\n", " ").split(",\\s*"))
                .map(c -> c + " = t." + c)
                .collect(java.util.stream.Collectors.joining(", "));
        jdbc.sql("update directory_user u set " + assignments + " from (select " + UNNESTED + " from " + UNNEST
                        + ") t where u.tenant_id = :tenant and u.id = t.id")
                .param("tenant", tenant.value())
                .params(columns(users))
                .update();
    }

    private static final String UNNEST = """
            unnest(:ids, :upns, :displayNames, :givenNames, :surnames, :mails, :nicknames, :departments, :jobTitles,
                   :companies, :cities, :countries, :employeeIds, :locations, :types, :enabled, :synced,
                   :immutableIds, :accounts, :created, :deleted, :extensions, :onPremisesUpns)
              as t(id, user_principal_name, display_name, given_name, surname, mail, mail_nickname, department,
                   job_title, company_name, city, country, employee_id, usage_location, user_type, account_enabled,
                   on_premises_sync_enabled, on_premises_immutable_id, on_premises_sam_account_name, created_at,
                   deleted_at, extension_attributes, on_premises_user_principal_name)""";
    private static final String UNNESTED = "t.id, "
            + COLUMNS.replace("\n", " ")
                    .replace("created_at", "created_at::timestamptz as created_at")
                    .replace("deleted_at", "deleted_at::timestamptz as deleted_at")
                    .replace("extension_attributes", "extension_attributes::text[] as extension_attributes");

    private static Map<String, Object> columns(Collection<User> users) {
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
        p.put("extensions", texts(users, JdbcUsers::extensionsLiteral));
        p.put("onPremisesUpns", texts(users, User::onPremisesUserPrincipalName));
        return p;
    }

    private static String[] texts(Collection<User> users, Function<User, String> value) {
        return users.stream().map(value).toArray(String[]::new);
    }

    @Override
    public void add(TenantId tenant, User u) {
        jdbc.sql("insert into directory_user (tenant_id, id, " + COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(tenant.value(), u.id().value())
                .params(values(u))
                .update();
    }

    /**
     * One statement: the unique index on the lower-cased principal name turns a taken name into no row inserted
     * (the id is new, so it cannot be what conflicts).
     */
    @Override
    public boolean addUnlessNameTaken(TenantId tenant, User u) {
        return jdbc.sql("insert into directory_user (tenant_id, id, " + COLUMNS
                                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " on conflict do nothing")
                        .params(tenant.value(), u.id().value())
                        .params(values(u))
                        .update()
                == 1;
    }

    @Override
    public void update(TenantId tenant, User u) {
        String assignments = String.join(" = ?, ", COLUMNS.replace("\n", " ").split(",\\s*")) + " = ?";
        int updated = jdbc.sql("update directory_user set " + assignments + " where tenant_id = ? and id = ?")
                .params(values(u))
                .params(tenant.value(), u.id().value())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("no user " + u.id() + " to update");
        }
    }

    /** Removes the user with its assignments; memberships go with it by cascade. */
    @Override
    public void purge(TenantId tenant, UserId id) {
        jdbc.sql("delete from license_assignment where tenant_id = ? and user_id = ?")
                .params(tenant.value(), id.value())
                .update();
        jdbc.sql("delete from directory_user where tenant_id = ? and id = ?")
                .params(tenant.value(), id.value())
                .update();
    }

    @Override
    public long countOnDomain(TenantId tenant, String domain) {
        String suffix = "%@"
                + domain.toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_");
        return jdbc.sql("""
                        select count(*) from directory_user
                        where tenant_id = ? and (lower(user_principal_name) like ? or lower(mail) like ?)""")
                .params(tenant.value(), suffix, suffix)
                .query(Long.class)
                .single();
    }

    @Override
    public List<UserId> deletedBefore(TenantId tenant, Instant time, int limit) {
        return jdbc.sql("""
                        select id from directory_user
                        where tenant_id = ? and deleted_at is not null and deleted_at < ?
                        order by deleted_at limit ?""")
                .params(tenant.value(), SqlValues.time(time), limit)
                .query((rs, i) -> new UserId(SqlValues.uuid(rs, "id")))
                .list();
    }

    private static List<Object> values(User u) {
        return java.util.Arrays.asList(
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
                u.onPremisesUserPrincipalName());
    }

    /** The extension attributes as a text[] literal for the unnested statements; null when none is set. */
    private static String extensionsLiteral(User u) {
        if (u.extensionAttributes().isEmpty()) {
            return null;
        }
        return u.extensionAttributes().values().stream()
                .map(v -> v == null ? "NULL" : "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    public static User map(ResultSet rs, int row) throws SQLException {
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
                rs.getString("on_premises_user_principal_name"));
    }

    private static String[] extensions(ResultSet rs) throws SQLException {
        java.sql.Array array = rs.getArray("extension_attributes");
        return array == null ? null : (String[]) array.getArray();
    }
}
