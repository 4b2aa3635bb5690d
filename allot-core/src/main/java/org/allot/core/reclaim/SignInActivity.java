package org.allot.core.reclaim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
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
    private final Clock clock;

    public SignInActivity(Transactions transactions, Users users, ActivitySignals signals, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.users = Objects.requireNonNull(users);
        this.signals = Objects.requireNonNull(signals);
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
        return importAll(caller, List.of(signIn)).flatMap(n -> of(caller.tenant(), signIn.user())
                .<Outcome<UserActivity>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Rejection.notFound(signIn.user()))));
    }

    /** Sets the last sign-in of each user, all or nothing: answers how many users were set. */
    public Outcome<Integer> importAll(Caller caller, List<SignIn> signIns) {
        if (signIns.size() > MAX_IMPORT) {
            return Outcome.refused(Rejection.invalid("At most %d sign-ins are taken at once.", MAX_IMPORT));
        }
        Instant latest = clock.instant().plus(SKEW);
        for (SignIn s : signIns) {
            if (s.lastSignInDateTime().isAfter(latest)) {
                return Outcome.refused(
                        Rejection.invalid("The sign-in of %s is in the future: %s.", s.user(), s.lastSignInDateTime()));
            }
        }
        return transactions.run(() -> {
            Map<UserId, Instant> found = new LinkedHashMap<>();
            for (SignIn s : signIns) {
                Optional<User> user = s.user().find(caller.tenant(), users);
                if (user.isEmpty()) {
                    return Outcome.refused(Rejection.notFound(s.user()));
                }
                found.merge(user.get().id(), s.lastSignInDateTime(), (a, b) -> a.isAfter(b) ? a : b);
            }
            signals.recordSignIns(caller.tenant(), found);
            return Outcome.done(found.size());
        });
    }
}
