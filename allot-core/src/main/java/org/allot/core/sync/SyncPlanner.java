package org.allot.core.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.allot.core.Outcome;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.SyncedGroup;
import org.allot.core.directory.SyncedUser;
import org.allot.core.directory.UsageLocation;
import org.allot.core.directory.User;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserId;

/**
 * Decides what directory entries change in Allot: which objects to add, update, restore or leave as they are, which
 * members a group has, and which objects to delete (and whether that is too many to do without an administrator).
 * Objects are matched by immutable id, never by name or place, so renames and moves are updates.
 */
public final class SyncPlanner {
    private SyncPlanner() {}

    /** An entry as read, with its mapped values or the reason it could not be mapped. */
    public record Mapped<T>(ObjectKind kind, String dn, String immutableId, Outcome<T> value) {
        public SyncError error() {
            return new SyncError(kind, dn, immutableId, value.rejection().message());
        }
    }

    /**
     * What a batch of user entries changes. Restored users are also updated when their values changed; a cloud user
     * holding an entry's immutable id (a hard match) is always updated, which makes it synced.
     */
    public record UserPlan(
            List<SyncedUser> added,
            Map<UserId, SyncedUser> updated,
            Set<UserId> restored,
            int unchanged,
            List<SyncError> errors) {}

    public record GroupPlan(
            List<SyncedGroup> added, Map<GroupId, SyncedGroup> updated, int unchanged, List<SyncError> errors) {}

    /** The objects that left the directory's scope, and whether there are more than the tenant lets a run delete. */
    public record DeletionPlan(List<PendingDeletion> deletions, int threshold) {
        public DeletionPlan {
            deletions = List.copyOf(deletions);
        }

        public boolean blocked() {
            return deletions.size() > threshold;
        }
    }

    /** Plans a batch of user entries against the synced users holding their immutable ids. */
    public static UserPlan users(List<Mapped<SyncedUser>> entries, Map<String, User> existing) {
        List<SyncedUser> added = new ArrayList<>();
        Map<UserId, SyncedUser> updated = new LinkedHashMap<>();
        Set<UserId> restored = new LinkedHashSet<>();
        List<SyncError> errors = new ArrayList<>();
        int unchanged = 0;
        for (Mapped<SyncedUser> entry : entries) {
            if (!entry.value().isDone()) {
                errors.add(entry.error());
                continue;
            }
            SyncedUser synced = entry.value().value();
            User current = existing.get(synced.immutableId());
            if (current == null) {
                added.add(synced);
                continue;
            }
            if (current.isDeleted()) {
                restored.add(current.id());
            }
            if (!current.onPremisesSyncEnabled() || differs(current, synced)) {
                updated.put(current.id(), synced);
            } else if (!current.isDeleted()) {
                unchanged++;
            }
        }
        return new UserPlan(added, updated, restored, unchanged, errors);
    }

    /** Plans a batch of group entries against the synced groups holding their immutable ids. */
    public static GroupPlan groups(List<Mapped<SyncedGroup>> entries, Map<String, Group> existing) {
        List<SyncedGroup> added = new ArrayList<>();
        Map<GroupId, SyncedGroup> updated = new LinkedHashMap<>();
        List<SyncError> errors = new ArrayList<>();
        int unchanged = 0;
        for (Mapped<SyncedGroup> entry : entries) {
            if (!entry.value().isDone()) {
                errors.add(entry.error());
                continue;
            }
            SyncedGroup synced = entry.value().value();
            Group current = existing.get(synced.immutableId());
            if (current == null) {
                added.add(synced);
            } else if (differs(current, synced)) {
                updated.put(current.id(), synced);
            } else {
                unchanged++;
            }
        }
        return new GroupPlan(added, updated, unchanged, errors);
    }

    /**
     * The members a group's member list names in Allot: each distinguished name resolved to a synced object.
     * Names that resolve to nothing are outside the connector's scope and are not members in Allot.
     */
    public static Set<Member> members(Collection<String> memberKeys, Function<String, Optional<SyncedRef>> resolve) {
        Set<Member> members = new LinkedHashSet<>();
        for (String key : memberKeys) {
            resolve.apply(key)
                    .filter(ref -> !ref.deleted())
                    .ifPresent(ref -> members.add(
                            ref.kind() == ObjectKind.USER
                                    ? Member.user(new UserId(ref.id()))
                                    : Member.group(new GroupId(ref.id()))));
        }
        return members;
    }

    /**
     * The synced objects to delete: those not deleted yet that the directory no longer has in scope. Users come
     * before groups.
     */
    public static DeletionPlan deletions(Collection<SyncedRef> synced, Predicate<SyncedRef> inScope, int threshold) {
        List<PendingDeletion> deletions = new ArrayList<>();
        for (ObjectKind kind : ObjectKind.values()) {
            synced.stream()
                    .filter(ref -> ref.kind() == kind && !ref.deleted() && !inScope.test(ref))
                    .forEach(ref -> deletions.add(new PendingDeletion(kind, ref.id(), ref.immutableId(), ref.name())));
        }
        return new DeletionPlan(deletions, threshold);
    }

    static boolean differs(User current, SyncedUser synced) {
        if (!Objects.equals(current.onPremisesSamAccountName(), synced.samAccountName())
                || !Objects.equals(current.onPremisesUserPrincipalName(), synced.onPremisesUserPrincipalName())
                || !current.onPremises().sameAs(synced.onPremises())) {
            return true;
        }
        for (Map.Entry<UserAttribute, Object> value : synced.values().entrySet()) {
            Object now = current.get(value.getKey());
            if (!Objects.equals(now instanceof UsageLocation l ? l.code() : now, normalized(value.getValue()))) {
                return true;
            }
        }
        return false;
    }

    static boolean differs(Group current, SyncedGroup synced) {
        if (!Objects.equals(current.onPremisesSamAccountName(), synced.samAccountName())
                || !current.onPremises().sameAs(synced.onPremises())) {
            return true;
        }
        for (Map.Entry<GroupAttribute, Object> value : synced.values().entrySet()) {
            Object wanted = normalized(value.getValue());
            Object now =
                    switch (value.getKey()) {
                        case DISPLAY_NAME -> current.displayName();
                        case MAIL_NICKNAME -> wanted == null ? null : current.mailNickname();
                        case DESCRIPTION -> current.description();
                        case SECURITY_ENABLED -> wanted == null ? null : current.securityEnabled();
                        case MAIL_ENABLED -> wanted;
                        case MEMBERSHIP_RULE -> current.membershipRule();
                        case MEMBERSHIP_RULE_PROCESSING_STATE -> current.membershipRuleProcessingState();
                    };
            if (!Objects.equals(now, wanted)) {
                return true;
            }
        }
        return false;
    }

    private static Object normalized(Object value) {
        return value instanceof String s ? s.strip() : value;
    }
}
