package org.allot.core.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.allot.core.Caller;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.audit.PropertyChange;

/**
 * Principal names held by deleted users, freed as Entra frees them: a deleted user that holds a name another user takes
 * keeps its id, licenses and memberships and gets the name prefixed with its id in 32 hexadecimal digits
 * ({@code 6f1c…e2d9ann@contoso.com}); restoring it gives its name back when nobody took it meanwhile.
 */
final class DeletedPrincipalNames {
    private final Users users;
    private final AuditLog audit;

    DeletedPrincipalNames(Users users, AuditLog audit) {
        this.users = Objects.requireNonNull(users);
        this.audit = Objects.requireNonNull(audit);
    }

    /** The name a deleted user holds while another user has its own. */
    static String mangled(User user) {
        return prefix(user) + user.userPrincipalName();
    }

    /** The name a deleted user had before another user took it, if it was freed that way. */
    static Optional<String> original(User user) {
        String prefix = prefix(user);
        String name = user.userPrincipalName();
        return name.length() > prefix.length() && name.regionMatches(true, 0, prefix, 0, prefix.length())
                ? Optional.of(name.substring(prefix.length()))
                : Optional.empty();
    }

    /**
     * Frees the names that deleted users hold among {@code holders} (by name in lower case, as
     * {@link Users#findByPrincipalNames} returns them), and returns the names still held by users who are not deleted.
     */
    Set<String> free(Caller caller, Map<String, User> holders, Instant now) {
        Set<String> held = new HashSet<>();
        List<User> freed = new ArrayList<>();
        List<AuditEvent> events = new ArrayList<>();
        holders.forEach((name, holder) -> {
            if (!holder.isDeleted()) {
                held.add(name);
                return;
            }
            User renamed = holder.toBuilder().userPrincipalName(mangled(holder)).build();
            freed.add(renamed);
            events.add(AuditEvent.of(
                    caller,
                    now,
                    Activity.UPDATE_USER,
                    UserValues.target(renamed),
                    List.of(PropertyChange.of(
                            UserAttribute.USER_PRINCIPAL_NAME.graphName(),
                            holder.userPrincipalName(),
                            renamed.userPrincipalName()))));
        });
        users.updateAll(caller.tenant(), freed);
        audit.appendAll(events);
        return held;
    }

    /** {@link #free} for the holders of these names, read first. */
    Set<String> free(Caller caller, Collection<String> names, Instant now) {
        return free(caller, users.findByPrincipalNames(caller.tenant(), names), now);
    }

    private static String prefix(User user) {
        return user.id().value().toString().replace("-", "").toLowerCase(Locale.ROOT);
    }
}
