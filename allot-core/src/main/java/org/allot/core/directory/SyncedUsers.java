package org.allot.core.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.TenantId;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.audit.AuditLog;
import org.allot.core.audit.PropertyChange;

/**
 * The sync-only writes of {@link UserDirectory}: synced users created and changed in batches, each checked and
 * audited as a single change would be, with one read and one write per batch.
 */
final class SyncedUsers {
    private final Tenants tenants;
    private final TenantLocks locks;
    private final Users users;
    private final AuditLog audit;
    private final DirectoryListener listener;
    private final Clock clock;
    private final DeletedPrincipalNames deletedNames;

    SyncedUsers(
            Tenants tenants, TenantLocks locks, Users users, AuditLog audit, DirectoryListener listener, Clock clock) {
        this.tenants = Objects.requireNonNull(tenants);
        this.locks = Objects.requireNonNull(locks);
        this.users = Objects.requireNonNull(users);
        this.audit = Objects.requireNonNull(audit);
        this.listener = Objects.requireNonNull(listener);
        this.clock = Objects.requireNonNull(clock);
        this.deletedNames = new DeletedPrincipalNames(users, audit);
    }

    /**
     * Why {@link #provision} would refuse each user for its values alone, writing nothing (in order; empty for one it
     * would take as far as they go): what a dry run counts as the errors a run would meet.
     */
    List<Optional<Rejection>> refusals(TenantId tenantId, List<SyncedUser> synced) {
        Optional<Tenant> tenant = tenants.find(tenantId);
        Instant now = clock.instant();
        return synced.stream()
                .map(s -> tenant.map(t -> SyncedUserValues.build(t, s, now))
                        .map(built -> built.isDone() ? Optional.<Rejection>empty() : Optional.of(built.rejection()))
                        .orElseGet(() -> Optional.of(Rejection.notFound(tenantId))))
                .toList();
    }

    List<Outcome<User>> provision(Caller caller, List<SyncedUser> synced) {
        locks.share(caller.tenant());
        Optional<Tenant> tenant = tenants.find(caller.tenant());
        if (tenant.isEmpty()) {
            return synced.stream()
                    .map(s -> Outcome.<User>refused(Rejection.notFound(caller.tenant())))
                    .toList();
        }
        Instant now = clock.instant();
        List<Outcome<User>> built = synced.stream()
                .map(s -> SyncedUserValues.build(tenant.get(), s, now))
                .toList();
        Set<String> claimed = new HashSet<>(deletedNames.free(
                caller,
                built.stream()
                        .filter(Outcome::isDone)
                        .map(u -> u.value().userPrincipalName())
                        .toList(),
                now));
        List<Outcome<User>> results = new ArrayList<>();
        List<User> created = new ArrayList<>();
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < built.size(); i++) {
            Outcome<User> user = built.get(i);
            if (user.isDone() && !claimed.add(fold(user.value().userPrincipalName()))) {
                user = SyncedUserValues.onInitialDomain(tenant.get(), user.value())
                        ? quarantined(caller, user.value(), claimed)
                        : Outcome.refused(UserValues.principalNameTaken());
            }
            if (user.isDone()) {
                created.add(user.value());
                events.add(AuditEvent.of(
                        caller,
                        now,
                        Activity.ADD_USER,
                        UserValues.target(user.value()),
                        UserValues.changes(
                                null, user.value(), synced.get(i).values().keySet())));
            }
            results.add(user);
        }
        users.addAll(caller.tenant(), created);
        audit.appendAll(events);
        listener.usersCreated(caller, created);
        return results;
    }

    /**
     * Changes synced users; with {@code match}, the users are cloud users that the directory's objects take over (a
     * hard match by {@code onPremisesImmutableId}, or a soft match by name that sync decided), keeping their ids,
     * licenses and memberships.
     */
    Map<UserId, Outcome<User>> update(Caller caller, Map<UserId, SyncedUser> changes, boolean match) {
        Map<UserId, Outcome<User>> results = new LinkedHashMap<>();
        Optional<Tenant> tenant = tenants.find(caller.tenant());
        locks.share(caller.tenant());
        Map<UserId, User> found = users.lock(caller.tenant(), changes.keySet());
        Map<UserId, User> planned = new LinkedHashMap<>();
        for (Map.Entry<UserId, SyncedUser> change : changes.entrySet()) {
            Outcome<User> after = tenant.isEmpty()
                    ? Outcome.refused(Rejection.notFound(caller.tenant()))
                    : SyncedUserValues.change(
                            tenant.get(), found.get(change.getKey()), change.getKey(), change.getValue(), match);
            results.put(change.getKey(), after);
            if (after.isDone()) {
                planned.put(change.getKey(), after.value());
            }
        }
        List<String> renamed = planned.values().stream()
                .filter(u -> !u.userPrincipalName()
                        .equalsIgnoreCase(found.get(u.id()).userPrincipalName()))
                .map(User::userPrincipalName)
                .toList();
        Instant now = clock.instant();
        Map<String, User> holders = new LinkedHashMap<>(users.findByPrincipalNames(caller.tenant(), renamed));
        Set<String> held = new HashSet<>();
        holders.entrySet().removeIf(h -> planned.containsKey(h.getValue().id()) && held.add(h.getKey()));
        held.addAll(deletedNames.free(caller, holders, now));
        Set<String> claimed = new HashSet<>();
        List<User> updated = new ArrayList<>();
        List<AuditEvent> events = new ArrayList<>();
        for (User planning : planned.values()) {
            User before = found.get(planning.id());
            User after = planning;
            String name = fold(after.userPrincipalName());
            Optional<Rejection> problem = held.contains(name) || !claimed.add(name)
                    ? Optional.of(UserValues.principalNameTaken())
                    : listener.checkUserUpdate(caller, before, after);
            if (problem.isPresent()) {
                results.put(after.id(), Outcome.refused(problem.get()));
                continue;
            }
            if (after.equals(before)) {
                results.put(after.id(), Outcome.done(before));
                continue;
            }
            after = after.toBuilder()
                    .onPremisesAttributes(after.onPremises().syncedAt(now))
                    .build();
            results.put(after.id(), Outcome.done(after));
            List<PropertyChange> changed = new ArrayList<>(UserValues.changes(
                    before, after, changes.get(after.id()).values().keySet()));
            SyncedUserValues.onPremisesChanges(before, after, changed);
            updated.add(after);
            events.add(AuditEvent.of(caller, now, Activity.UPDATE_USER, UserValues.target(after), changed));
        }
        users.updateAll(caller.tenant(), updated);
        audit.appendAll(events);
        for (User after : updated) {
            listener.userUpdated(caller, found.get(after.id()), after);
        }
        return results;
    }

    /**
     * A user on the initial domain whose name another has: as Entra Connect does, the prefix gets four digits (here
     * from its immutable id, so that they stay the same; the next free ones when those are taken).
     */
    private Outcome<User> quarantined(Caller caller, User user, Set<String> claimed) {
        String name = user.userPrincipalName();
        int at = name.lastIndexOf('@');
        int digits = Math.floorMod(user.onPremisesImmutableId().hashCode(), 10_000);
        for (int attempt = 0; attempt < 10; attempt++) {
            String candidate = name.substring(0, at)
                    + String.format(Locale.ROOT, "%04d", (digits + attempt) % 10_000)
                    + name.substring(at);
            if (!claimed.contains(fold(candidate))
                    && users.findByPrincipalName(caller.tenant(), candidate).isEmpty()) {
                claimed.add(fold(candidate));
                return Outcome.done(
                        user.toBuilder().userPrincipalName(candidate).build());
            }
        }
        return Outcome.refused(UserValues.principalNameTaken());
    }

    private static String fold(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
