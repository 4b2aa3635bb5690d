package org.allot.core.reclaim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRef;
import org.allot.core.directory.Users;

/**
 * Users' sign-in activity (Graph's {@code signInActivity}): read, set one at a time, or imported in bulk from an
 * identity provider's sign-in log, all or nothing. A sign-in in the future (beyond five minutes of clock skew) is
 * refused.
 */
public final class SignInActivity {
    /** The most sign-ins one import takes. */
    public static final int MAX_IMPORT = 100_000;

    private static final Duration SKEW = Duration.ofMinutes(5);

    private final Transactions transactions;
    private final Users users;
    private final ActivitySignals signals;
    private final AuditLog audit;
    private final Clock clock;

    public SignInActivity(
            Transactions transactions, Users users, ActivitySignals signals, AuditLog audit, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.users = Objects.requireNonNull(users);
        this.signals = Objects.requireNonNull(signals);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
    }

    /** One user's last sign-in. */
    public record SignIn(UserRef user, Instant lastSignInDateTime) {
        public SignIn {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(lastSignInDateTime, "lastSignInDateTime");
        }
    }

    /** What is known of a user's activity, unless the user does not exist (or is deleted). */
    public Optional<UserActivity> of(TenantId tenant, UserRef user) {
        return transactions.read(() -> user.find(tenant, users)
                .map(u -> signals.of(tenant, List.of(u.id())).getOrDefault(u.id(), UserActivity.NONE)));
    }

    /** Sets a user's last sign-in; answers the activity as it then stands. */
    public Outcome<UserActivity> set(Caller caller, SignIn signIn) {
        return this.<UserActivity>checked(List.of(signIn))
                .orElseGet(() -> transactions.run(() -> record(caller, List.of(signIn), true)
                        .map(found -> signals.of(caller.tenant(), found.keySet())
                                .getOrDefault(found.keySet().iterator().next(), UserActivity.NONE))));
    }

    /** Sets the last sign-in of each user, all or nothing: answers how many users were set. */
    public Outcome<Integer> importAll(Caller caller, List<SignIn> signIns) {
        return this.<Integer>checked(signIns)
                .orElseGet(() ->
                        transactions.run(() -> record(caller, signIns, false).map(Map::size)));
    }

    /** Why these sign-ins are refused before any user is read: too many, or one in the future. */
    private <T> Optional<Outcome<T>> checked(List<SignIn> signIns) {
        if (signIns.size() > MAX_IMPORT) {
            return Optional.of(
                    Outcome.refused(Rejection.invalid("At most %d sign-ins are taken at once.", MAX_IMPORT)));
        }
        Instant latest = clock.instant().plus(SKEW);
        for (SignIn s : signIns) {
            if (s.lastSignInDateTime().isAfter(latest)) {
                return Optional.of(Outcome.refused(Rejection.invalid(
                        "The sign-in of %s is in the future: %s.", s.user(), s.lastSignInDateTime())));
            }
        }
        return Optional.empty();
    }

    /**
     * Within the caller's unit of work: finds the users named (by id or principal name, two queries whatever their
     * number) and records the latest sign-in of each, audited once (the user set, or how many an import set), or
     * refuses the whole when one names nobody (or a deleted user).
     */
    private Outcome<Map<UserId, Instant>> record(Caller caller, List<SignIn> signIns, boolean single) {
        TenantId tenant = caller.tenant();
        List<UserId> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (SignIn s : signIns) {
            s.user().id().ifPresentOrElse(ids::add, () -> names.add(s.user().text()));
        }
        Map<UserId, User> byId = ids.isEmpty() ? Map.of() : users.findAll(tenant, ids);
        Map<String, User> byName = names.isEmpty() ? Map.of() : users.findByPrincipalNames(tenant, names);
        Map<UserId, Instant> found = new LinkedHashMap<>();
        User last = null;
        for (SignIn s : signIns) {
            Optional<UserId> id = s.user().id();
            User user = id.isPresent()
                    ? byId.get(id.get())
                    : byName.get(s.user().text().toLowerCase(Locale.ROOT));
            if (user == null || user.isDeleted()) {
                return Outcome.refused(Rejection.notFound(s.user()));
            }
            found.merge(user.id(), s.lastSignInDateTime(), (a, b) -> a.isAfter(b) ? a : b);
            last = user;
        }
        signals.recordSignIns(tenant, found);
        if (found.isEmpty()) {
            return Outcome.done(found);
        }
        audit.append(
                single
                        ? AuditEvent.of(
                                caller,
                                clock.instant(),
                                Activity.SET_SIGN_IN_ACTIVITY,
                                AuditTarget.user(last.id(), last.userPrincipalName()),
                                List.of(PropertyChange.of("lastSignInDateTime", null, found.get(last.id()))))
                        : AuditEvent.of(
                                caller,
                                clock.instant(),
                                Activity.IMPORT_SIGN_IN_ACTIVITY,
                                AuditTarget.other("Company", tenant.value(), null),
                                List.of(PropertyChange.of("users", null, found.size()))));
        return Outcome.done(found);
    }
}
