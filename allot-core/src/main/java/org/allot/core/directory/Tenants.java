package org.allot.core.directory;

import java.util.List;
import java.util.Optional;
import org.allot.core.TenantId;

/** Port: the tenants of this installation. */
public interface Tenants {
    Optional<Tenant> find(TenantId id);

    List<Tenant> all();

    /** The tenants that verified a domain (several tenants may verify the same one), oldest first. */
    List<Tenant> withVerifiedDomain(String domain);

    void add(Tenant tenant);

    void update(Tenant tenant);
}
