package org.allot.core.alert;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;

/**
 * A condition an alert rule found true now, with its figures.
 *
 * @param subject the product's or the subscription's id ({@link AlertKind#aboutSubscription()}): one open alert per
 *     kind and subject
 * @param product the product's display name
 * @param figure available seats, waiting users, or the subscription's seats
 * @param threshold the rule's threshold (for an expiring subscription: its number of days; otherwise 0)
 * @param due the subscription's next date: when it ends, is suspended or deleted (null for a product)
 */
public record Condition(
        AlertKind kind, UUID subject, SkuId sku, String product, int figure, int threshold, Instant due) {
    public Condition {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(product, "product");
    }

    /** What identifies the alert it raises among the tenant's open ones. */
    public Key key() {
        return new Key(kind, subject);
    }

    /** The alert it raises now. */
    public Alert raise(TenantId tenant, Instant now) {
        return new Alert(UUID.randomUUID(), tenant, kind, subject, sku, product, figure, threshold, due, now, null);
    }

    /** An alert's kind and subject. */
    public record Key(AlertKind kind, UUID subject) {}
}
