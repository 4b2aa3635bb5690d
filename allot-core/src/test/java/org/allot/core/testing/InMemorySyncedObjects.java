package org.allot.core.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.allot.core.TenantId;
import org.allot.core.directory.Group;
import org.allot.core.directory.User;
import org.allot.core.sync.ObjectKind;
import org.allot.core.sync.SyncedObjects;
import org.allot.core.sync.SyncedRef;

/** The synced users and groups of an in-memory installation. */
public final class InMemorySyncedObjects implements SyncedObjects {
    private final InMemoryUsers users;
    private final InMemoryGroups groups;

    public InMemorySyncedObjects(InMemoryUsers users, InMemoryGroups groups) {
        this.users = users;
        this.groups = groups;
    }

    @Override
    public List<SyncedRef> all(TenantId tenant) {
        List<SyncedRef> refs = new ArrayList<>();
        users.of(tenant).values().stream()
                .filter(User::onPremisesSyncEnabled)
                .forEach(u -> refs.add(new SyncedRef(
                        ObjectKind.USER,
                        u.id().value(),
                        u.onPremisesImmutableId(),
                        u.userPrincipalName(),
                        u.isDeleted(),
                        u.onPremises().distinguishedName())));
        groups.of(tenant).values().stream()
                .filter(Group::onPremisesSyncEnabled)
                .forEach(g -> refs.add(new SyncedRef(
                        ObjectKind.GROUP, g.id().value(), g.onPremisesImmutableId(), g.displayName(), false)));
        return refs;
    }

    @Override
    public Map<String, User> usersByImmutableId(TenantId tenant, Collection<String> immutableIds) {
        Set<String> wanted = new HashSet<>(immutableIds);
        Map<String, User> found = new HashMap<>();
        users.of(tenant).values().stream()
                .filter(u -> wanted.contains(u.onPremisesImmutableId()))
                .forEach(u -> found.put(u.onPremisesImmutableId(), u));
        return found;
    }

    @Override
    public List<String> awaitingTheirDomain(TenantId tenant, String initialDomain, Collection<String> verifiedDomains) {
        Set<String> verified = new HashSet<>();
        verifiedDomains.forEach(d -> verified.add(d.toLowerCase(java.util.Locale.ROOT)));
        verified.remove(initialDomain.toLowerCase(java.util.Locale.ROOT));
        return users.of(tenant).values().stream()
                .filter(u -> u.onPremisesSyncEnabled() && !u.isDeleted() && u.onPremisesUserPrincipalName() != null)
                .filter(u -> u.domain().equalsIgnoreCase(initialDomain))
                .filter(u -> verified.contains(u.onPremisesUserPrincipalName()
                        .substring(u.onPremisesUserPrincipalName().lastIndexOf('@') + 1)
                        .toLowerCase(java.util.Locale.ROOT)))
                .map(User::onPremisesImmutableId)
                .toList();
    }

    @Override
    public List<User> softMatchCandidates(TenantId tenant, Collection<String> names) {
        Set<String> wanted = new HashSet<>();
        names.forEach(n -> wanted.add(n.toLowerCase(java.util.Locale.ROOT)));
        return users.of(tenant).values().stream()
                .filter(u -> !u.onPremisesSyncEnabled() && !u.isDeleted() && u.onPremisesImmutableId() == null)
                .filter(u -> wanted.contains(u.userPrincipalName().toLowerCase(java.util.Locale.ROOT))
                        || (u.mail() != null && wanted.contains(u.mail().toLowerCase(java.util.Locale.ROOT))))
                .toList();
    }

    @Override
    public java.util.Optional<User> userNamed(TenantId tenant, String principalName) {
        return users.of(tenant).values().stream()
                .filter(u -> u.userPrincipalName().equalsIgnoreCase(principalName))
                .findFirst();
    }

    @Override
    public Map<String, Group> groupsByImmutableId(TenantId tenant, Collection<String> immutableIds) {
        Set<String> wanted = new HashSet<>(immutableIds);
        Map<String, Group> found = new HashMap<>();
        groups.of(tenant).values().stream()
                .filter(g -> g.onPremisesSyncEnabled() && wanted.contains(g.onPremisesImmutableId()))
                .forEach(g -> found.put(g.onPremisesImmutableId(), g));
        return found;
    }
}
