package org.allot.core.alert;

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

/**
 * A tenant's alert rules ({@link AlertRules}): read, and changed as a whole or not at all, with one audit record of
 * what changed; the tenant's alerts are then evaluated on the new rules at once (rules sent unchanged change nothing).
 */
public final class AlertPolicy {
    private final Transactions transactions;
    private final AlertSettings settings;
    private final AlertWatch watch;
    private final AuditLog audit;
    private final Clock clock;

    public AlertPolicy(
            Transactions transactions, AlertSettings settings, AlertWatch watch, AuditLog audit, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.settings = Objects.requireNonNull(settings);
        this.watch = Objects.requireNonNull(watch);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The tenant's rules: its own, or the defaults. */
    public AlertRules rules(TenantId tenant) {
        return transactions.read(() -> settings.of(tenant));
    }

    /** What a change sends; a null leaves that rule as it is. */
    public record Change(Integer expiringWithinDays, Boolean lapsed, Integer freeSeatsBelow, Integer waitingAtLeast) {
        boolean empty() {
            return expiringWithinDays == null && lapsed == null && freeSeatsBelow == null && waitingAtLeast == null;
        }
    }

    /** Changes the rules the change sends, refused as a whole when one is out of range. */
    public Outcome<AlertRules> change(Caller caller, Change change) {
        if (change.empty()) {
            return Outcome.refused(
                    Rejection.invalid("Send 'expiringWithinDays', 'lapsed', 'freeSeatsBelow' or 'waitingAtLeast'."));
        }
        java.util.concurrent.atomic.AtomicBoolean saved = new java.util.concurrent.atomic.AtomicBoolean();
        Outcome<AlertRules> outcome = transactions.run(() -> {
            saved.set(false);
            AlertRules before = settings.of(caller.tenant());
            AlertRules after = new AlertRules(
                    or(change.expiringWithinDays(), before.expiringWithinDays()),
                    change.lapsed() == null ? before.lapsed() : change.lapsed(),
                    or(change.freeSeatsBelow(), before.freeSeatsBelow()),
                    or(change.waitingAtLeast(), before.waitingAtLeast()));
            Optional<Rejection> refused = after.check();
            if (refused.isPresent()) {
                return Outcome.refused(refused.get());
            }
            if (after.equals(before)) {
                return Outcome.done(after);
            }
            settings.save(caller.tenant(), after);
            saved.set(true);
            audit.append(AuditEvent.of(
                    caller,
                    clock.instant(),
                    Activity.SET_ALERT_RULES,
                    AuditTarget.other("Company", caller.tenant(), "alert rules"),
                    changes(before, after)));
            return Outcome.done(after);
        });
        if (saved.get()) {
            watch.evaluate(caller.tenant());
        }
        return outcome;
    }

    private static int or(Integer value, int otherwise) {
        return value == null ? otherwise : value;
    }

    private static List<PropertyChange> changes(AlertRules before, AlertRules after) {
        List<PropertyChange> changes = new ArrayList<>();
        add(changes, "expiringWithinDays", before.expiringWithinDays(), after.expiringWithinDays());
        add(changes, "lapsed", before.lapsed(), after.lapsed());
        add(changes, "freeSeatsBelow", before.freeSeatsBelow(), after.freeSeatsBelow());
        add(changes, "waitingAtLeast", before.waitingAtLeast(), after.waitingAtLeast());
        return changes;
    }

    private static void add(List<PropertyChange> changes, String name, Object before, Object after) {
        if (!before.equals(after)) {
            changes.add(PropertyChange.of(name, before, after));
        }
    }
}
