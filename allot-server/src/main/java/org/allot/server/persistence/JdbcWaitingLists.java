package org.allot.server.persistence;

import java.util.List;
import java.util.OptionalInt;
import org.allot.core.TenantId;
import org.allot.core.assignment.AssignmentSource;
import org.allot.core.assignment.LicenseQueries;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The waiting lists of SKUs, read with the SQL {@link WaitingListSql} builds from the core's order: who is served
 * next and how many wait, for licensing ({@link JdbcAssignments}), and the list with names and a user's place in it,
 * for the admin center ({@code query.JdbcLicenseQueries}).
 */
public final class JdbcWaitingLists {
    private final JdbcClient jdbc;

    public JdbcWaitingLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The users waiting for a seat of the SKU, first served first, at most {@code limit}. */
    public List<UserId> waiting(TenantId tenant, SkuId sku, int limit) {
        return jdbc.sql("select w.user_id from (" + WaitingListSql.WAITING + ") w order by "
                        + WaitingListSql.orderBy("w") + " limit :limit")
                .param("tenant", tenant.value())
                .param("sku", sku.value())
                .param("limit", limit)
                .query((rs, i) -> new UserId(SqlValues.uuid(rs, "user_id")))
                .list();
    }

    /** How many users wait for a seat of the SKU. */
    public int countWaiting(TenantId tenant, SkuId sku) {
        return jdbc.sql("select count(*) from (" + WaitingListSql.WAITING + ") w")
                .param("tenant", tenant.value())
                .param("sku", sku.value())
                .query(Integer.class)
                .single();
    }

    /** The waiting list of a SKU in order, from {@code offset}, at most {@code limit} entries. */
    public List<LicenseQueries.WaitingEntry> waitingList(TenantId tenant, SkuId sku, int offset, int limit) {
        return jdbc.sql("select w.*, u.user_principal_name, u.display_name from (" + WaitingListSql.WAITING
                        + ") w join directory_user u on u.tenant_id = :tenant and u.id = w.user_id order by "
                        + WaitingListSql.orderBy("w") + " offset :offset limit :limit")
                .param("tenant", tenant.value())
                .param("sku", sku.value())
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, i) -> new LicenseQueries.WaitingEntry(
                        new UserId(SqlValues.uuid(rs, "user_id")),
                        rs.getString("user_principal_name"),
                        rs.getString("display_name"),
                        SqlValues.instant(rs, "requested_at"),
                        AssignmentSource.ofKey(SqlValues.uuid(rs, "source_group_id")),
                        rs.getString("group_name"),
                        rs.getInt("priority")))
                .list();
    }

    /** A user's place in the waiting list of a SKU (1 is served first); empty when they are not waiting. */
    public OptionalInt waitingPosition(TenantId tenant, SkuId sku, UserId user) {
        return jdbc.sql("with w as (" + WaitingListSql.WAITING + ") select (select count(*) from w where "
                        + WaitingListSql.ahead("w", "me") + ") + 1 as position from w me where me.user_id = :user")
                .param("tenant", tenant.value())
                .param("sku", sku.value())
                .param("user", user.value())
                .query(Integer.class)
                .optional()
                .map(OptionalInt::of)
                .orElse(OptionalInt.empty());
    }
}
