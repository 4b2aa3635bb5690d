package org.allot.core.query;

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

    /**
     * Where a page ended: the sort value of its last row (null when ordering by id) and that row's id. Its token is
     * only good for the collection (the request path) and the ordering it was made for.
     */
    public record Cursor(String value, UUID id) {

        /** An opaque token for this position in a collection under an ordering, safe in a URL. */
        public String token(String collection, Order order) {
            String text = "2\n" + collectionKey(collection) + "\n" + orderName(order) + "\n"
                    + (value == null ? "-" : "+" + value) + "\n" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        /** A token for a list that is not a collection of the API (a page of the admin center). */
        public String token(Order order) {
            return token("", order);
        }

        /**
         * The position a token stands for; empty when the token is damaged or was made for another collection or
         * under another ordering.
         */
        public static Optional<Cursor> ofToken(String token, String collection, Order order) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                String[] parts = text.split("\n", -1);
                if (parts.length != 5
                        || !parts[0].equals("2")
                        || !parts[1].equals(collectionKey(collection))
                        || !parts[2].equals(orderName(order))) {
                    return Optional.empty();
                }
                String value = parts[3].startsWith("+") ? parts[3].substring(1) : null;
                return Optional.of(new Cursor(value, UUID.fromString(parts[4])));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        public static Optional<Cursor> ofToken(String token, Order order) {
            return ofToken(token, "", order);
        }

        private static String orderName(Order order) {
            return order == null ? "id" : order.property().name() + (order.descending() ? " desc" : "");
        }

        private static String collectionKey(String collection) {
            String path = collection.endsWith("/") ? collection.substring(0, collection.length() - 1) : collection;
            return Integer.toHexString(path.hashCode());
        }
    }

    /**
     * The same request narrowed to the objects that are members of these administrative units (for audit records:
     * the records with such an object among their targets).
     */
    public Query withinUnits(java.util.Collection<UUID> units) {
        Filter within = new Filter.InUnits(java.util.List.copyOf(units));
        Filter narrowed = filter == null ? within : new Filter.And(java.util.List.of(within, filter));
        return new Query(narrowed, order, top, after, count);
    }

    public static Query firstPage(int top) {
        return new Query(null, null, top, null, false);
    }
}
