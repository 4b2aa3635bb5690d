package org.allot.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.allot.core.TenantId;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Groups;
import org.allot.core.directory.OnPremisesAttributes;
import org.springframework.jdbc.core.simple.JdbcClient;

public final class JdbcGroups implements Groups {
    /** A group by id: {@code ?} the tenant, {@code ?} the group. */
    static final String FIND = "select * from directory_group where tenant_id = ? and id = ?";

    private final JdbcClient jdbc;
    private final TenantStamps stamps;

    public JdbcGroups(JdbcClient jdbc) {
        this(jdbc, TenantStamps.off());
    }

    /** Groups whose writes tell the tenant's remembered dynamic groups (a group may become dynamic or stop being). */
    public JdbcGroups(JdbcClient jdbc, TenantStamps stamps) {
        this.jdbc = jdbc;
        this.stamps = stamps;
    }

    @Override
    public Optional<Group> find(TenantId tenant, GroupId id) {
        return jdbc.sql(FIND)
                .params(tenant.value(), id.value())
                .query(JdbcGroups::map)
                .optional();
    }

    @Override
    public Map<GroupId, Group> findAll(TenantId tenant, Collection<GroupId> ids) {
        Map<GroupId, Group> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("select g.* from unnest(?::uuid[]) as t(id) join directory_group g on g.tenant_id = ? and g.id = t.id")
                .params(SqlValues.uuidArray(ids, GroupId::value), tenant.value())
                .query(JdbcGroups::map)
                .list()
                .forEach(g -> found.put(g.id(), g));
        return found;
    }

    @Override
    public void add(TenantId tenant, Group g) {
        stamps.wrote(tenant);
        jdbc.sql("""
                        insert into directory_group (tenant_id, id, display_name, mail_nickname, description,
                            security_enabled, mail_enabled, group_types, membership_rule,
                            membership_rule_processing_state, on_premises_sync_enabled, on_premises_immutable_id,
                            created_at, on_premises_sam_account_name, on_premises_domain_name,
                            on_premises_security_identifier, on_premises_last_sync_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        tenant.value(),
                        g.id().value(),
                        g.displayName(),
                        g.mailNickname(),
                        g.description(),
                        g.securityEnabled(),
                        g.mailEnabled(),
                        g.groupTypes().stream().sorted().toArray(String[]::new),
                        g.membershipRule(),
                        g.membershipRuleProcessingState(),
                        g.onPremisesSyncEnabled(),
                        g.onPremisesImmutableId(),
                        SqlValues.time(g.createdDateTime()),
                        g.onPremisesSamAccountName(),
                        g.onPremises().domainName(),
                        g.onPremises().securityIdentifier(),
                        SqlValues.time(g.onPremises().lastSyncDateTime()))
                .update();
    }

    /**
     * The groups in one statement (a sync's page of new groups): every column as a text array, unnested and typed by
     * the columns; the group types as array literals.
     */
    @Override
    public void addAll(TenantId tenant, Collection<Group> groups) {
        if (groups.size() < 2) {
            groups.forEach(g -> add(tenant, g));
            return;
        }
        stamps.wrote(tenant);
        String[][] c = new String[16][groups.size()];
        int i = 0;
        for (Group g : groups) {
            c[0][i] = g.id().value().toString();
            c[1][i] = g.displayName();
            c[2][i] = g.mailNickname();
            c[3][i] = g.description();
            c[4][i] = String.valueOf(g.securityEnabled());
            c[5][i] = String.valueOf(g.mailEnabled());
            c[6][i] = typesLiteral(g);
            c[7][i] = g.membershipRule();
            c[8][i] = g.membershipRuleProcessingState();
            c[9][i] = String.valueOf(g.onPremisesSyncEnabled());
            c[10][i] = g.onPremisesImmutableId();
            c[11][i] = g.createdDateTime().toString();
            c[12][i] = g.onPremisesSamAccountName();
            c[13][i] = g.onPremises().domainName();
            c[14][i] = g.onPremises().securityIdentifier();
            c[15][i] = g.onPremises().lastSyncDateTime() == null
                    ? null
                    : g.onPremises().lastSyncDateTime().toString();
            i++;
        }
        jdbc.sql("""
                        insert into directory_group (tenant_id, id, display_name, mail_nickname, description,
                            security_enabled, mail_enabled, group_types, membership_rule,
                            membership_rule_processing_state, on_premises_sync_enabled, on_premises_immutable_id,
                            created_at, on_premises_sam_account_name, on_premises_domain_name,
                            on_premises_security_identifier, on_premises_last_sync_at)
                        select ?, id::uuid, display_name, mail_nickname, description, security_enabled::boolean,
                            mail_enabled::boolean, group_types::text[], membership_rule,
                            membership_rule_processing_state, sync_enabled::boolean, immutable_id,
                            created_at::timestamptz, sam_account_name, domain_name, security_identifier,
                            last_sync_at::timestamptz
                        from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as t(id, display_name,
                            mail_nickname, description, security_enabled, mail_enabled, group_types,
                            membership_rule, membership_rule_processing_state, sync_enabled, immutable_id,
                            created_at, sam_account_name, domain_name, security_identifier, last_sync_at)""")
                .params(
                        tenant.value(),
                        c[0],
                        c[1],
                        c[2],
                        c[3],
                        c[4],
                        c[5],
                        c[6],
                        c[7],
                        c[8],
                        c[9],
                        c[10],
                        c[11],
                        c[12],
                        c[13],
                        c[14],
                        c[15])
                .update();
    }

    /** A group's types as a {@code text[]} literal ({@code {"Unified","DynamicMembership"}}), sorted. */
    private static String typesLiteral(Group g) {
        StringBuilder literal = new StringBuilder("{");
        g.groupTypes().stream().sorted().forEach(t -> {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"')
                    .append(t.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        });
        return literal.append('}').toString();
    }

    @Override
    public void update(TenantId tenant, Group g) {
        stamps.wrote(tenant);
        jdbc.sql("""
                        update directory_group set display_name = ?, mail_nickname = ?, description = ?,
                            security_enabled = ?, mail_enabled = ?, group_types = ?, membership_rule = ?,
                            membership_rule_processing_state = ?, on_premises_sync_enabled = ?,
                            on_premises_immutable_id = ?, on_premises_sam_account_name = ?,
                            on_premises_domain_name = ?, on_premises_security_identifier = ?,
                            on_premises_last_sync_at = ?
                        where tenant_id = ? and id = ?""")
                .params(
                        g.displayName(),
                        g.mailNickname(),
                        g.description(),
                        g.securityEnabled(),
                        g.mailEnabled(),
                        g.groupTypes().stream().sorted().toArray(String[]::new),
                        g.membershipRule(),
                        g.membershipRuleProcessingState(),
                        g.onPremisesSyncEnabled(),
                        g.onPremisesImmutableId(),
                        g.onPremisesSamAccountName(),
                        g.onPremises().domainName(),
                        g.onPremises().securityIdentifier(),
                        SqlValues.time(g.onPremises().lastSyncDateTime()),
                        tenant.value(),
                        g.id().value())
                .update();
    }

    @Override
    public void remove(TenantId tenant, GroupId id) {
        stamps.wrote(tenant);
        jdbc.sql("delete from directory_group where tenant_id = ? and id = ?")
                .params(tenant.value(), id.value())
                .update();
    }

    public static Group map(ResultSet rs, int row) throws SQLException {
        return new Group(
                new GroupId(SqlValues.uuid(rs, "id")),
                rs.getString("display_name"),
                rs.getString("mail_nickname"),
                rs.getString("description"),
                rs.getBoolean("security_enabled"),
                rs.getBoolean("mail_enabled"),
                new HashSet<>(SqlValues.strings(rs, "group_types")),
                rs.getString("membership_rule"),
                rs.getString("membership_rule_processing_state"),
                rs.getBoolean("on_premises_sync_enabled"),
                rs.getString("on_premises_immutable_id"),
                SqlValues.instant(rs, "created_at"),
                rs.getString("on_premises_sam_account_name"),
                new OnPremisesAttributes(
                        null,
                        rs.getString("on_premises_domain_name"),
                        rs.getString("on_premises_security_identifier"),
                        SqlValues.instant(rs, "on_premises_last_sync_at")));
    }
}
