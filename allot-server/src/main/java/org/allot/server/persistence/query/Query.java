package org.allot.server.persistence.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * A page request: an optional filter, an optional order, the page size, where the previous page ended, and whether
 * to count all matches.
 */
public record Query(Filter filter, Order order, int top, Cursor after, boolean count) {

    /** Ordering by a sortable property (then by id); null orders by id alone. */
    public record Order(Property property, boolean descending) {}

    /** Where a page ended: the sort value of its last row (null when ordering by id) and that row's id. */
    public record Cursor(String value, UUID id) {

        /** An opaque token for this position under an ordering, safe in a URL. */
        public String token(Order order) {
            String text = "1\n" + orderName(order) + "\n" + (value == null ? "-" : "+" + value) + "\n" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        /** The position a token stands for; empty when the token is damaged or was made under another ordering. */
        public static Optional<Cursor> ofToken(String token, Order order) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                String[] parts = text.split("\n", -1);
                if (parts.length != 4 || !parts[0].equals("1") || !parts[1].equals(orderName(order))) {
                    return Optional.empty();
                }
                String value = parts[2].startsWith("+") ? parts[2].substring(1) : null;
                return Optional.of(new Cursor(value, UUID.fromString(parts[3])));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        private static String orderName(Order order) {
            return order == null ? "id" : order.property().name() + (order.descending() ? " desc" : "");
        }
    }

    public static Query firstPage(int top) {
        return new Query(null, null, top, null, false);
    }
}
