package org.allot.core.subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.allot.core.audit.AuditTarget;
import org.allot.core.audit.PropertyChange;
import org.allot.core.catalog.Product;

/** What changed between two versions of a subscription, as the audit log shows it. */
final class SubscriptionChanges {
    private SubscriptionChanges() {}

    static List<PropertyChange> between(Subscription before, Subscription after) {
        List<PropertyChange> changes = new ArrayList<>();
        add(changes, "totalLicenses", before.totalLicenses(), after.totalLicenses());
        add(changes, "status", before.status(), after.status());
        add(changes, "isTrial", before.isTrial(), after.isTrial());
        add(changes, "nextLifecycleDateTime", before.nextLifecycleDateTime(), after.nextLifecycleDateTime());
        SubscriptionTerms a = before.terms();
        SubscriptionTerms b = after.terms();
        add(changes, "startDateTime", a.startDateTime(), b.startDateTime());
        add(changes, "endDateTime", a.endDateTime(), b.endDateTime());
        add(changes, "autoRenew", a.autoRenew(), b.autoRenew());
        add(changes, "unitPrice", plain(a), plain(b));
        add(changes, "currency", a.currency(), b.currency());
        return changes;
    }

    /** The properties a new subscription was added with. */
    static List<PropertyChange> added(Subscription s) {
        List<PropertyChange> changes = new ArrayList<>();
        changes.add(PropertyChange.of("totalLicenses", null, s.totalLicenses()));
        changes.add(PropertyChange.of("status", null, s.status()));
        SubscriptionTerms t = s.terms();
        if (t.endDateTime() != null) {
            changes.add(PropertyChange.of("endDateTime", null, t.endDateTime()));
        }
        if (t.autoRenew()) {
            changes.add(PropertyChange.of("autoRenew", null, true));
        }
        if (t.unitPrice() != null) {
            changes.add(PropertyChange.of("unitPrice", null, plain(t)));
            changes.add(PropertyChange.of("currency", null, t.currency()));
        }
        return changes;
    }

    static AuditTarget target(Subscription subscription, Product product) {
        return AuditTarget.other("Subscription", subscription.id(), product.skuPartNumber());
    }

    private static String plain(SubscriptionTerms t) {
        return t.unitPrice() == null ? null : t.unitPrice().toPlainString();
    }

    private static void add(List<PropertyChange> changes, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(PropertyChange.of(name, before, after));
        }
    }
}
