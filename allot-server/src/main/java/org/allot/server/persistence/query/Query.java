package org.allot.server.persistence.query;

import java.util.UUID;

/**
 * A page request: an optional filter, an optional order, the page size, where the previous page ended, and whether
 * to count all matches.
 */
public record Query(Filter filter, Order order, int top, Cursor after, boolean count) {

    /** Ordering by a sortable property (then by id); null orders by id alone. */
    public record Order(Property property, boolean descending) {}

    /** Where a page ended: the sort value of its last row (null when ordering by id) and that row's id. */
    public record Cursor(String value, UUID id) {}

    public static Query firstPage(int top) {
        return new Query(null, null, top, null, false);
    }
}
