package org.allot.core.subscription;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.audit.AuditTarget;
import org.allot.core.audit.PropertyChange;
import org.allot.core.directory.TenantLocks;

/**
 * A tenant's lifecycle periods ({@link LifecyclePeriods}): how long expired subscriptions stay in {@code Warning} and
 * {@code Suspended}, and the overage grace period. Changing them moves the tenant's subscriptions to where the
 * calendar now says (forward only, as the calendar always does), with their next lifecycle dates on the new periods;
 * a running overage grace period ends on the new period counted from the cut.
 */
public final class LifecyclePolicy {
    private final Transactions transactions;
    private final TenantLocks locks;
    private final LifecycleSettings settings;
    private final Subscriptions subscriptions;
    private final SubscriptionBook book;
    private final AuditLog audit;
    private final Clock clock;

    public LifecyclePolicy(
            Transactions transactions,
            TenantLocks locks,
            LifecycleSettings settings,
            Subscriptions subscriptions,
            SubscriptionBook book,
            AuditLog audit,
            Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.locks = Objects.requireNonNull(locks);
        this.settings = Objects.requireNonNull(settings);
        this.subscriptions = Objects.requireNonNull(subscriptions);
        this.book = Objects.requireNonNull(book);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The tenant's periods: its own, or the defaults. */
    public LifecyclePeriods periods(TenantId tenant) {
        return transactions.read(() -> settings.of(tenant));
    }

    /**
     * Changes the periods given (null leaves one as it is), refused as a whole when one is out of range; then the
     * tenant's subscriptions with an end date follow the calendar on the new periods, each in its own unit of work.
     * The periods are read under the tenant's exclusive licensing lock, so two changes to different periods at once
     * both stay (the one that waits merges into what the other wrote).
     */
    public Outcome<LifecyclePeriods> change(
            Caller caller, Integer warningDays, Integer suspendedDays, Integer overageGraceDays) {
        if (warningDays == null && suspendedDays == null && overageGraceDays == null) {
            return Outcome.refused(Rejection.invalid("Send 'warningDays', 'suspendedDays' or 'overageGraceDays'."));
        }
        Outcome<LifecyclePeriods> outcome = transactions.run(() -> {
            locks.exclusive(caller.tenant());
            LifecyclePeriods before = settings.of(caller.tenant());
            LifecyclePeriods after = new LifecyclePeriods(
                    warningDays == null ? before.warningDays() : warningDays,
                    suspendedDays == null ? before.suspendedDays() : suspendedDays,
                    overageGraceDays == null ? before.overageGraceDays() : overageGraceDays);
            Optional<Rejection> refused = after.check();
            if (refused.isPresent()) {
                return Outcome.refused(refused.get());
            }
            if (after.equals(before)) {
                return Outcome.done(after);
            }
            settings.save(caller.tenant(), after);
            audit.append(AuditEvent.of(
                    caller,
                    clock.instant(),
                    Activity.UPDATE_TENANT,
                    AuditTarget.other("Company", caller.tenant(), "lifecycle periods"),
                    changes(before, after)));
            return Outcome.done(after);
        });
        if (outcome.isDone()) {
            List<Subscription> dated = transactions.read(() -> subscriptions.all(caller.tenant())).stream()
                    .filter(s -> s.terms().endDateTime() != null && s.status() != SubscriptionStatus.Deleted)
                    .toList();
            for (Subscription s : dated) {
                book.followCalendar(caller.as(SubscriptionCalendar.CALENDAR), s.id());
            }
        }
        return outcome;
    }

    private static List<PropertyChange> changes(LifecyclePeriods before, LifecyclePeriods after) {
        List<PropertyChange> changes = new ArrayList<>();
        add(changes, "warningDays", before.warningDays(), after.warningDays());
        add(changes, "suspendedDays", before.suspendedDays(), after.suspendedDays());
        add(changes, "overageGraceDays", before.overageGraceDays(), after.overageGraceDays());
        return changes;
    }

    private static void add(List<PropertyChange> changes, String name, int before, int after) {
        if (before != after) {
            changes.add(PropertyChange.of(name, before, after));
        }
    }
}
