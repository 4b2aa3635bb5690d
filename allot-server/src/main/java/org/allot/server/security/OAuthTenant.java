package org.allot.server.security;

import java.util.List;
import java.util.Optional;
import org.allot.core.TenantId;

/**
 * What the tenant segment of an OAuth URL names, as Entra reads it: one tenant (by its id, or by a domain only it
 * verified), the tenants that verified a domain, or any tenant ({@code organizations}, {@code common}: then the
 * tenant is the client's own).
 *
 * @param segment the segment as the URL gave it
 * @param tenants the tenants it names; empty for any tenant
 */
public record OAuthTenant(String segment, List<TenantId> tenants) {
    public OAuthTenant {
        tenants = List.copyOf(tenants);
    }

    /** Whether a client of this tenant may use the URL. */
    public boolean admits(TenantId tenant) {
        return tenants.isEmpty() || tenants.contains(tenant);
    }

    /** The tenant, when the segment names exactly one. */
    public Optional<TenantId> single() {
        return tenants.size() == 1 ? Optional.of(tenants.get(0)) : Optional.empty();
    }
}
