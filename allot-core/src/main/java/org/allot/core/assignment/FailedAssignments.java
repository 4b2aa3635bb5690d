package org.allot.core.assignment;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.Transactions;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.audit.AuditTarget;
import org.allot.core.audit.PropertyChange;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.UserRef;
import org.allot.core.directory.Users;

/**
 * Audits a refused change of a user's direct licenses, as Graph does ({@code result: failure}): the refused unit of
 * work writes nothing, so the record is written in a unit of work of its own. A user that does not exist is not
 * audited (there is nothing to name as the target).
 */
final class FailedAssignments {
    private final Transactions transactions;
    private final Users users;
    private final AuditLog audit;
    private final Clock clock;

    FailedAssignments(Transactions transactions, Users users, AuditLog audit, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.users = Objects.requireNonNull(users);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The outcome as it is, after auditing it when it is a refusal. */
    <T> Outcome<T> audited(
            Caller caller, UserRef user, List<AssignedLicense> add, List<SkuId> remove, Outcome<T> outcome) {
        if (outcome.isDone() || outcome.rejection().code() == ErrorCode.NOT_FOUND) {
            return outcome;
        }
        List<PropertyChange> changes = List.of(
                PropertyChange.of(
                        "addLicenses",
                        null,
                        add.stream().map(l -> l.skuId().value().toString()).collect(Collectors.joining(","))),
                PropertyChange.of(
                        "removeLicenses",
                        null,
                        remove.stream().map(s -> s.value().toString()).collect(Collectors.joining(","))),
                PropertyChange.of("error", null, outcome.rejection().message()));
        transactions.run(() -> {
            user.find(caller.tenant(), users)
                    .ifPresent(u -> audit.append(AuditEvent.of(
                                    caller,
                                    clock.instant(),
                                    Activity.CHANGE_USER_LICENSE,
                                    AuditTarget.user(u.id(), u.userPrincipalName()),
                                    changes)
                            .failed()));
            return null;
        });
        return outcome;
    }
}
