package org.allot.core.sync;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.allot.core.TenantId;
import org.allot.core.directory.Group;
import org.allot.core.directory.User;

/** Port: the users and groups of a tenant that came from its directory, found by immutable id. */
public interface SyncedObjects {
    /** Every synced user (deleted ones included) and group of the tenant. */
    List<SyncedRef> all(TenantId tenant);

    /** The synced users, deleted or not, with these immutable ids, by immutable id. */
    Map<String, User> usersByImmutableId(TenantId tenant, Collection<String> immutableIds);

    /** The synced groups with these immutable ids, by immutable id. */
    Map<String, Group> groupsByImmutableId(TenantId tenant, Collection<String> immutableIds);
}
