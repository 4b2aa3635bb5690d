package org.allot.server.persistence;

import java.util.List;
import java.util.stream.Collectors;
import org.allot.core.assignment.WaitingOrder;

/**
 * The waiting list of a SKU in SQL, with its order built from the core's one definition, {@link WaitingOrder#KEYS}:
 * which user's best place comes first, which place is a user's best, and how many users are ahead of one.
 */
final class WaitingListSql {
    private WaitingListSql() {}

    /**
     * Each waiting user once, with their best place (the first of their requests in the order) and the source that
     * gives it; parameters {@code :tenant} and {@code :sku}.
     */
    static final String WAITING = """
            select distinct on (a.user_id) a.user_id, a.requested_at, a.source_group_id, g.display_name as group_name,
                   coalesce(g.license_priority, 0) as priority
            from license_assignment a
            join directory_user u on u.tenant_id = a.tenant_id and u.id = a.user_id and u.deleted_at is null
            left join directory_group g on g.tenant_id = a.tenant_id and g.id = a.source_group_id
            where a.tenant_id = :tenant and a.sku_id = :sku and a.error = """
            + AssignmentSql.WAITING_ERROR
            + " order by a.user_id, "
            + keys(WaitingOrder.KEYS.stream()
                    .filter(k -> k != WaitingOrder.Key.USER)
                    .toList());

    /** The order of {@link #WAITING}'s rows (aliased {@code alias}): who is served first. */
    static String orderBy(String alias) {
        return WaitingOrder.KEYS.stream()
                .map(k -> alias + "." + column(k) + (k.descending() ? " desc" : ""))
                .collect(Collectors.joining(", "));
    }

    /** A condition: row {@code ahead} of {@link #WAITING} comes before row {@code me} in the order. */
    static String ahead(String ahead, String me) {
        return ahead(ahead, me, WaitingOrder.KEYS);
    }

    private static String ahead(String ahead, String me, List<WaitingOrder.Key> keys) {
        WaitingOrder.Key key = keys.get(0);
        String first = ahead + "." + column(key) + (key.descending() ? " > " : " < ") + me + "." + column(key);
        if (keys.size() == 1) {
            return first;
        }
        return "(" + first + " or (" + ahead + "." + column(key) + " = " + me + "." + column(key) + " and "
                + ahead(ahead, me, keys.subList(1, keys.size())) + "))";
    }

    /** The expressions a user's own requests are ordered by, to find their best place. */
    private static String keys(List<WaitingOrder.Key> keys) {
        return keys.stream()
                .map(k -> expression(k) + (k.descending() ? " desc" : ""))
                .collect(Collectors.joining(", "));
    }

    private static String column(WaitingOrder.Key key) {
        return switch (key) {
            case PRIORITY -> "priority";
            case REQUESTED_AT -> "requested_at";
            case USER -> "user_id";
        };
    }

    private static String expression(WaitingOrder.Key key) {
        return switch (key) {
            case PRIORITY -> "coalesce(g.license_priority, 0)";
            case REQUESTED_AT -> "a.requested_at";
            case USER -> "a.user_id";
        };
    }
}
