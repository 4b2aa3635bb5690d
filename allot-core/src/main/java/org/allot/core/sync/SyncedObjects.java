package org.allot.core.sync;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.allot.core.TenantId;
import org.allot.core.directory.Group;
import org.allot.core.directory.User;

/** Port: the users and groups of a tenant that came from its directory, found by immutable id. */
public interface SyncedObjects {
    /** Every synced user (deleted ones included) and group of the tenant. */
    List<SyncedRef> all(TenantId tenant);

    /**
     * The users, deleted or not, with these immutable ids, by immutable id: synced users, and cloud users given the id
     * for a hard match.
     */
    Map<String, User> usersByImmutableId(TenantId tenant, Collection<String> immutableIds);

    /**
     * The cloud users a soft match may take over: not synced, not deleted, without an immutable id, whose principal
     * name or mail is one of these (in any case).
     */
    List<User> softMatchCandidates(TenantId tenant, Collection<String> names);

    /**
     * The immutable ids of the synced users (not deleted) that are on the initial domain because their directory's
     * domain was not verified, and whose directory's domain is one of {@code verifiedDomains} now.
     */
    List<String> awaitingTheirDomain(TenantId tenant, String initialDomain, Collection<String> verifiedDomains);

    /** The user, synced or not, deleted or not, whose principal name this is (in any case). */
    Optional<User> userNamed(TenantId tenant, String principalName);

    /** The synced groups with these immutable ids, by immutable id. */
    Map<String, Group> groupsByImmutableId(TenantId tenant, Collection<String> immutableIds);
}
