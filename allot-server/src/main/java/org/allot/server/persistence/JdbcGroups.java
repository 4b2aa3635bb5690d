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
        jdbc.sql("select g.* from unnest(?) as t(id) join directory_group g on g.tenant_id = ? and g.id = t.id")
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
