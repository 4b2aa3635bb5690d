package org.allot.core.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.allot.core.TenantId;
import org.allot.core.catalog.SkuId;

/**
 * An alert: raised once when its condition started, resolved when it ended (then {@code resolved} is set); its figures
 * are those of when it was raised ({@link Condition}).
 */
public record Alert(
        UUID id,
        TenantId tenant,
        AlertKind kind,
        UUID subject,
        SkuId sku,
        String product,
        int figure,
        int threshold,
        Instant due,
        Instant raised,
        Instant resolved) {
    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(raised, "raised");
    }

    public boolean open() {
        return resolved == null;
    }

    public Condition.Key key() {
        return new Condition.Key(kind, subject);
    }

    /** The alert resolved at {@code at}. */
    public Alert resolvedAt(Instant at) {
        return new Alert(id, tenant, kind, subject, sku, product, figure, threshold, due, raised, at);
    }

    /** What happened, in plain words with the product's name. */
    public String summary() {
        return switch (kind) {
            case FREE_SEATS_LOW ->
                String.format(
                        Locale.ROOT,
                        "%s has %s left (the alert is set below %d).",
                        product,
                        seats(figure, "free seat"),
                        threshold);
            case WAITING_LIST_LONG ->
                String.format(Locale.ROOT, "%s for %s (the alert is set at %d).", users(figure), product, threshold);
            case SUBSCRIPTION_EXPIRING ->
                String.format(
                        Locale.ROOT, "A subscription of %s (%s) ends on %s.", product, seats(figure, "seat"), day(due));
            case SUBSCRIPTION_EXPIRED ->
                String.format(
                        Locale.ROOT,
                        "A subscription of %s (%s) has expired: its seats take no new assignments; it is suspended on %s.",
                        product,
                        seats(figure, "seat"),
                        day(due));
            case SUBSCRIPTION_SUSPENDED ->
                String.format(
                        Locale.ROOT,
                        "A subscription of %s (%s) is suspended: its users' services are off; it is deleted on %s.",
                        product,
                        seats(figure, "seat"),
                        day(due));
        };
    }

    /** What the administrator can do about it. */
    public String nextStep() {
        return switch (kind) {
            case FREE_SEATS_LOW -> "Add seats to a subscription, or reclaim unused licenses.";
            case WAITING_LIST_LONG ->
                "Add seats, or reclaim unused licenses: waiting users get freed seats at once, first come first served.";
            case SUBSCRIPTION_EXPIRING -> "Renew it (a later end date) or turn on auto-renew before it ends.";
            case SUBSCRIPTION_EXPIRED -> "Renew it to give its seats back, before it is suspended.";
            case SUBSCRIPTION_SUSPENDED -> "Renew it now: once it is deleted, its users lose these licenses.";
        };
    }

    private static String seats(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static String users(int n) {
        return n == 1 ? "1 user waits" : n + " users wait";
    }

    private static String day(Instant at) {
        return at == null
                ? "a date not set"
                : LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }
}
