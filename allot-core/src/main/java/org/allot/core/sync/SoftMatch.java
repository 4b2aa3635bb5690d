package org.allot.core.sync;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.allot.core.TenantId;
import org.allot.core.directory.SyncedUser;
import org.allot.core.directory.User;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserId;

/**
 * Entra Connect's soft match: a directory user that Allot lacks takes over the cloud user (not synced, not deleted,
 * without an immutable id) that has its principal name, or else whose principal name or mail is its mail address
 * (Entra's primary SMTP address). The cloud user keeps its id, so its licenses and memberships stay. Each cloud user is
 * taken over by one directory user at most.
 */
final class SoftMatch {
    private final SyncedObjects synced;

    SoftMatch(SyncedObjects synced) {
        this.synced = Objects.requireNonNull(synced);
    }

    /** The new users matched, by the cloud user each takes over; the others are left in {@code added}. */
    Map<UserId, SyncedUser> match(TenantId tenant, List<SyncedUser> added) {
        Map<UserId, SyncedUser> matched = new LinkedHashMap<>();
        if (added.isEmpty()) {
            return matched;
        }
        Set<String> names = new HashSet<>();
        for (SyncedUser user : added) {
            addFolded(names, user.values().get(UserAttribute.USER_PRINCIPAL_NAME));
            addFolded(names, user.onPremisesUserPrincipalName());
            addFolded(names, user.values().get(UserAttribute.MAIL));
        }
        List<User> candidates = new ArrayList<>(synced.softMatchCandidates(tenant, names));
        for (SyncedUser user : List.copyOf(added)) {
            User found = byPrincipalName(candidates, user);
            if (found == null) {
                found = byMail(candidates, user);
            }
            if (found != null) {
                candidates.remove(found);
                matched.put(found.id(), user);
                added.remove(user);
            }
        }
        return matched;
    }

    private static User byPrincipalName(List<User> candidates, SyncedUser user) {
        for (User candidate : candidates) {
            if (same(candidate.userPrincipalName(), user.values().get(UserAttribute.USER_PRINCIPAL_NAME))
                    || same(candidate.userPrincipalName(), user.onPremisesUserPrincipalName())) {
                return candidate;
            }
        }
        return null;
    }

    private static User byMail(List<User> candidates, SyncedUser user) {
        Object mail = user.values().get(UserAttribute.MAIL);
        for (User candidate : candidates) {
            if (same(candidate.mail(), mail) || same(candidate.userPrincipalName(), mail)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean same(String a, Object b) {
        return a != null && b instanceof String s && a.equalsIgnoreCase(s.strip());
    }

    private static void addFolded(Set<String> names, Object value) {
        if (value instanceof String s && !s.isBlank()) {
            names.add(s.strip().toLowerCase(Locale.ROOT));
        }
    }
}
