package org.allot.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.allot.core.Actor;
import org.allot.core.TenantId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.UserId;
import org.allot.core.unit.AdministrativeUnit;
import org.allot.core.unit.ScopedRoleMember;
import org.allot.core.unit.UnitId;
import org.allot.core.unit.UnitRoleAssignments;
import org.allot.core.unit.Units;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Administrative units, their members and the roles held over them, in PostgreSQL (V61). A tenant's units are
 * remembered while its stamp stays where it was (V63): every user created or changed asks which dynamic units it
 * belongs to.
 */
public final class JdbcUnits implements Units, UnitRoleAssignments {
    private final JdbcClient jdbc;
    private final TenantStamps stamps;

    /** Units read from the database at every read. */
    public JdbcUnits(JdbcClient jdbc) {
        this(jdbc, TenantStamps.off());
    }

    /** Units remembered while the tenant's stamp stays where it was. */
    public JdbcUnits(JdbcClient jdbc, TenantStamps stamps) {
        this.jdbc = jdbc;
        this.stamps = stamps;
    }

    @Override
    public Set<UUID> unitsOf(TenantId tenant, UUID member) {
        return new HashSet<>(jdbc.sql("""
                        select unit_id from unit_member_user where tenant_id = ? and user_id = ?
                        union select unit_id from unit_member_group where tenant_id = ? and group_id = ?""")
                .params(tenant.value(), member, tenant.value(), member)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .list());
    }

    @Override
    public List<AdministrativeUnit> all(TenantId tenant) {
        return stamps.read(
                tenant,
                TenantStamps.Kind.UNITS,
                () -> List.copyOf(
                        jdbc.sql("select * from administrative_unit where tenant_id = ? order by display_name, id")
                                .param(tenant.value())
                                .query(JdbcUnits::unit)
                                .list()));
    }

    @Override
    public Optional<AdministrativeUnit> find(TenantId tenant, UnitId id) {
        return jdbc.sql("select * from administrative_unit where tenant_id = ? and id = ?")
                .params(tenant.value(), id.value())
                .query(JdbcUnits::unit)
                .optional();
    }

    @Override
    public Optional<AdministrativeUnit> lock(TenantId tenant, UnitId id) {
        return jdbc.sql("select * from administrative_unit where tenant_id = ? and id = ? for update")
                .params(tenant.value(), id.value())
                .query(JdbcUnits::unit)
                .optional();
    }

    @Override
    public void add(TenantId tenant, AdministrativeUnit unit) {
        stamps.wrote(tenant);
        jdbc.sql("""
                        insert into administrative_unit (tenant_id, id, display_name, description, membership_rule,
                            rule_paused, created_at) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        tenant.value(),
                        unit.id().value(),
                        unit.displayName(),
                        unit.description(),
                        unit.membershipRule(),
                        unit.rulePaused(),
                        SqlValues.time(unit.createdAt()))
                .update();
    }

    @Override
    public void update(TenantId tenant, AdministrativeUnit unit) {
        stamps.wrote(tenant);
        jdbc.sql("""
                        update administrative_unit set display_name = ?, description = ?, membership_rule = ?,
                            rule_paused = ? where tenant_id = ? and id = ?""")
                .params(
                        unit.displayName(),
                        unit.description(),
                        unit.membershipRule(),
                        unit.rulePaused(),
                        tenant.value(),
                        unit.id().value())
                .update();
    }

    @Override
    public void remove(TenantId tenant, UnitId id) {
        stamps.wrote(tenant);
        jdbc.sql("delete from administrative_unit where tenant_id = ? and id = ?")
                .params(tenant.value(), id.value())
                .update();
    }

    @Override
    public List<Member> members(TenantId tenant, UnitId unit, UUID after, int limit) {
        // users first, then groups, each in id order; "after" is the id the previous page ended on
        List<Member> page = new ArrayList<>(jdbc.sql("""
                        select id, kind from (
                            select user_id as id, 0 as kind from unit_member_user where tenant_id = ? and unit_id = ?
                            union all
                            select group_id, 1 from unit_member_group where tenant_id = ? and unit_id = ?) m
                        where ?::uuid is null or (kind, id) > (
                            select kind, id from (
                                select user_id as id, 0 as kind from unit_member_user
                                    where tenant_id = ? and unit_id = ? and user_id = ?::uuid
                                union all
                                select group_id, 1 from unit_member_group
                                    where tenant_id = ? and unit_id = ? and group_id = ?::uuid) a limit 1)
                        order by kind, id limit ?""")
                .params(
                        tenant.value(),
                        unit.value(),
                        tenant.value(),
                        unit.value(),
                        after,
                        tenant.value(),
                        unit.value(),
                        after,
                        tenant.value(),
                        unit.value(),
                        after,
                        limit)
                .query((rs, n) -> rs.getInt("kind") == 0
                        ? Member.user(new UserId(rs.getObject("id", UUID.class)))
                        : Member.group(new GroupId(rs.getObject("id", UUID.class))))
                .list());
        return List.copyOf(page);
    }

    @Override
    public boolean isMember(TenantId tenant, UnitId unit, Member member) {
        return jdbc.sql("select count(*) from " + table(member) + " where tenant_id = ? and unit_id = ? and "
                                + column(member) + " = ?")
                        .params(tenant.value(), unit.value(), idOf(member))
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    public boolean addMember(TenantId tenant, UnitId unit, Member member) {
        return jdbc.sql("insert into " + table(member) + " (tenant_id, unit_id, " + column(member)
                                + ") values (?, ?, ?) on conflict do nothing")
                        .params(tenant.value(), unit.value(), idOf(member))
                        .update()
                > 0;
    }

    @Override
    public boolean removeMember(TenantId tenant, UnitId unit, Member member) {
        return jdbc.sql("delete from " + table(member) + " where tenant_id = ? and unit_id = ? and " + column(member)
                                + " = ?")
                        .params(tenant.value(), unit.value(), idOf(member))
                        .update()
                > 0;
    }

    @Override
    public Set<UserId> userMembers(TenantId tenant, UnitId unit, Collection<UserId> users) {
        if (users.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql(
                        "select user_id from unit_member_user where tenant_id = ? and unit_id = ? and user_id = any(?)")
                .params(tenant.value(), unit.value(), SqlValues.uuidArray(users, UserId::value))
                .query((rs, n) -> new UserId(rs.getObject(1, UUID.class)))
                .list());
    }

    @Override
    public void moveUsers(TenantId tenant, UnitId unit, Collection<UserId> joined, Collection<UserId> left) {
        if (!joined.isEmpty()) {
            jdbc.sql("""
                            insert into unit_member_user (tenant_id, unit_id, user_id)
                            select ?, ?, u from unnest(?::uuid[]) as t(u) order by u on conflict do nothing""")
                    .params(tenant.value(), unit.value(), SqlValues.uuidArray(joined, UserId::value))
                    .update();
        }
        if (!left.isEmpty()) {
            jdbc.sql("delete from unit_member_user where tenant_id = ? and unit_id = ? and user_id = any(?)")
                    .params(tenant.value(), unit.value(), SqlValues.uuidArray(left, UserId::value))
                    .update();
        }
    }

    @Override
    public void clearMembers(TenantId tenant, UnitId unit) {
        jdbc.sql("delete from unit_member_user where tenant_id = ? and unit_id = ?")
                .params(tenant.value(), unit.value())
                .update();
        jdbc.sql("delete from unit_member_group where tenant_id = ? and unit_id = ?")
                .params(tenant.value(), unit.value())
                .update();
    }

    @Override
    public List<ScopedRoleMember> ofUnit(TenantId tenant, UnitId unit) {
        return jdbc.sql(
                        "select * from unit_role_assignment where tenant_id = ? and unit_id = ? order by created_at, id")
                .params(tenant.value(), unit.value())
                .query(JdbcUnits::role)
                .list();
    }

    @Override
    public List<ScopedRoleMember> ofMember(TenantId tenant, Actor.Kind kind, String memberId) {
        return jdbc.sql("""
                        select * from unit_role_assignment where tenant_id = ? and member_kind = ? and member_id = ?
                        order by created_at, id""")
                .params(tenant.value(), kind.name(), memberId)
                .query(JdbcUnits::role)
                .list();
    }

    @Override
    public Optional<ScopedRoleMember> find(TenantId tenant, UnitId unit, UUID id) {
        return jdbc.sql("select * from unit_role_assignment where tenant_id = ? and unit_id = ? and id = ?")
                .params(tenant.value(), unit.value(), id)
                .query(JdbcUnits::role)
                .optional();
    }

    @Override
    public void add(TenantId tenant, ScopedRoleMember a) {
        jdbc.sql("""
                        insert into unit_role_assignment (tenant_id, id, unit_id, role, member_kind, member_id,
                            member_name, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        tenant.value(),
                        a.id(),
                        a.unit().value(),
                        a.role(),
                        a.member().kind().name(),
                        a.member().id(),
                        a.member().displayName(),
                        SqlValues.time(a.createdAt()))
                .update();
    }

    @Override
    public void remove(TenantId tenant, UnitId unit, UUID id) {
        jdbc.sql("delete from unit_role_assignment where tenant_id = ? and unit_id = ? and id = ?")
                .params(tenant.value(), unit.value(), id)
                .update();
    }

    @Override
    public void removeMember(TenantId tenant, Actor.Kind kind, String memberId) {
        jdbc.sql("delete from unit_role_assignment where tenant_id = ? and member_kind = ? and member_id = ?")
                .params(tenant.value(), kind.name(), memberId)
                .update();
    }

    private static String table(Member member) {
        return member instanceof Member.OfUser ? "unit_member_user" : "unit_member_group";
    }

    private static String column(Member member) {
        return member instanceof Member.OfUser ? "user_id" : "group_id";
    }

    private static UUID idOf(Member member) {
        return member instanceof Member.OfUser u
                ? u.id().value()
                : ((Member.OfGroup) member).id().value();
    }

    private static AdministrativeUnit unit(ResultSet rs, int row) throws SQLException {
        return new AdministrativeUnit(
                new UnitId(rs.getObject("id", UUID.class)),
                rs.getString("display_name"),
                rs.getString("description"),
                rs.getString("membership_rule"),
                rs.getBoolean("rule_paused"),
                SqlValues.instant(rs, "created_at"));
    }

    private static ScopedRoleMember role(ResultSet rs, int row) throws SQLException {
        String kind = rs.getString("member_kind");
        Actor member = kind.equals("APP")
                ? Actor.app(rs.getString("member_id"), rs.getString("member_name"))
                : Actor.user(rs.getString("member_id"), rs.getString("member_name"));
        return new ScopedRoleMember(
                rs.getObject("id", UUID.class),
                new UnitId(rs.getObject("unit_id", UUID.class)),
                rs.getString("role"),
                member,
                SqlValues.instant(rs, "created_at"));
    }
}
