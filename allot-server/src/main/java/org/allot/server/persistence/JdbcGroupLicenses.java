package org.allot.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allot.core.TenantId;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.assignment.GroupLicense;
import org.allot.core.assignment.GroupLicenses;
import org.allot.core.assignment.ProcessingState;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Memberships;
import org.allot.core.directory.UserId;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

public final class JdbcGroupLicenses implements GroupLicenses {
    private final JdbcClient jdbc;

    public JdbcGroupLicenses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lock(TenantId tenant, GroupId group) {
        jdbc.sql("select id from directory_group where tenant_id = ? and id = ? for no key update")
                .params(tenant.value(), group.value())
                .query()
                .listOfRows();
    }

    @Override
    public List<GroupLicense> of(TenantId tenant, GroupId group) {
        return ofGroups(tenant, List.of(group)).getOrDefault(group, List.of());
    }

    @Override
    public Map<GroupId, List<GroupLicense>> ofGroups(TenantId tenant, Collection<GroupId> groups) {
        Map<GroupId, List<GroupLicense>> result = new LinkedHashMap<>();
        if (groups.isEmpty()) {
            return result;
        }
        jdbc.sql("select * from group_license where tenant_id = ? and group_id = any(?) order by group_id, sku_id")
                .params(tenant.value(), SqlValues.uuidArray(groups, GroupId::value))
                .query(rs -> {
                    result.computeIfAbsent(new GroupId(SqlValues.uuid(rs, "group_id")), g -> new ArrayList<>())
                            .add(license(rs));
                });
        return result;
    }

    /**
     * A few users' groups and those groups' licenses in one statement: only the groups that assign licenses, each
     * with the users who belong to it; for more users, the two reads of the default.
     */
    @Override
    public OfUsers ofUsers(TenantId tenant, Collection<UserId> users, Memberships memberships) {
        if (users.isEmpty() || users.size() > GroupsOfUsers.FEW_USERS) {
            return GroupLicenses.super.ofUsers(tenant, users, memberships);
        }
        OfUsersRows rows = new OfUsersRows();
        jdbc.sql(OF_USERS).params(ofUsersParams(tenant, users)).query(rows);
        return rows.result();
    }

    /** {@link #ofUsers} in one statement, for at most {@link GroupsOfUsers#FEW_USERS} users. */
    static final String OF_USERS = GroupsOfUsers.MINE + """
            select mine.user_id, mine.direct, l.group_id, l.sku_id, l.disabled_plans, l.assigned_at
            from mine join group_license l on l.tenant_id = :tenant and l.group_id = mine.group_id
            order by l.group_id, l.sku_id""";

    /** The named parameters of {@link #OF_USERS}. */
    static Map<String, Object> ofUsersParams(TenantId tenant, Collection<UserId> users) {
        return Map.of("tenant", tenant.value(), "users", SqlValues.uuidArray(users, UserId::value));
    }

    /** The rows of {@link #OF_USERS}, gathered into {@link OfUsers}. */
    static final class OfUsersRows implements RowCallbackHandler {
        private final Map<UserId, Map<GroupId, Boolean>> groups = new HashMap<>();
        private final Map<GroupId, Map<SkuId, GroupLicense>> licenses = new LinkedHashMap<>();

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            GroupId group = new GroupId(SqlValues.uuid(rs, "group_id"));
            groups.computeIfAbsent(new UserId(SqlValues.uuid(rs, "user_id")), u -> new HashMap<>())
                    .put(group, rs.getBoolean("direct"));
            SkuId sku = new SkuId(SqlValues.uuid(rs, "sku_id"));
            Map<SkuId, GroupLicense> ofGroup = licenses.computeIfAbsent(group, g -> new LinkedHashMap<>());
            if (!ofGroup.containsKey(sku)) {
                ofGroup.put(sku, license(rs));
            }
        }

        OfUsers result() {
            Map<GroupId, List<GroupLicense>> result = new LinkedHashMap<>();
            licenses.forEach((group, bySku) -> result.put(group, new ArrayList<>(bySku.values())));
            return new OfUsers(groups, result);
        }
    }

    private static GroupLicense license(ResultSet rs) throws SQLException {
        return new GroupLicense(
                new AssignedLicense(
                        new SkuId(SqlValues.uuid(rs, "sku_id")),
                        new HashSet<>(SqlValues.uuids(rs, "disabled_plans", ServicePlanId::new))),
                SqlValues.instant(rs, "assigned_at"));
    }

    @Override
    public void replace(TenantId tenant, GroupId group, List<GroupLicense> licenses) {
        jdbc.sql("delete from group_license where tenant_id = ? and group_id = ?")
                .params(tenant.value(), group.value())
                .update();
        for (GroupLicense l : licenses) {
            jdbc.sql("""
                            insert into group_license (tenant_id, group_id, sku_id, disabled_plans, assigned_at)
                            values (?, ?, ?, ?, ?)""")
                    .params(
                            tenant.value(),
                            group.value(),
                            l.license().skuId().value(),
                            SqlValues.uuidArray(l.license().disabledPlans(), ServicePlanId::value),
                            SqlValues.time(l.assignedAt()))
                    .update();
        }
    }

    @Override
    public Set<GroupId> licensedGroups(TenantId tenant) {
        return new LinkedHashSet<>(
                jdbc.sql("select distinct group_id from group_license where tenant_id = ? order by 1")
                        .param(tenant.value())
                        .query((rs, i) -> new GroupId(SqlValues.uuid(rs, "group_id")))
                        .list());
    }

    @Override
    public ProcessingState state(TenantId tenant, GroupId group) {
        return jdbc.sql("select license_processing_state from directory_group where tenant_id = ? and id = ?")
                .params(tenant.value(), group.value())
                .query(String.class)
                .optional()
                .map(ProcessingState::valueOf)
                .orElse(ProcessingState.ProcessingComplete);
    }

    @Override
    public void setState(TenantId tenant, GroupId group, ProcessingState state) {
        jdbc.sql("update directory_group set license_processing_state = ? where tenant_id = ? and id = ?")
                .params(state.name(), tenant.value(), group.value())
                .update();
    }

    @Override
    public int priority(TenantId tenant, GroupId group) {
        return jdbc.sql("select license_priority from directory_group where tenant_id = ? and id = ?")
                .params(tenant.value(), group.value())
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    @Override
    public void setPriority(TenantId tenant, GroupId group, int priority) {
        jdbc.sql("update directory_group set license_priority = ? where tenant_id = ? and id = ?")
                .params(priority, tenant.value(), group.value())
                .update();
    }
}
