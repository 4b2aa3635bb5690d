package org.allot.core.directory;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.allot.core.TenantId;

/**
 * An organisation using Allot: its verified domains, default usage location and policies.
 *
 * @param defaultUsageLocation used by group licensing for users without a usage location; may be null
 */
public record Tenant(
        TenantId id,
        String name,
        List<String> verifiedDomains,
        UsageLocation defaultUsageLocation,
        TenantPolicy policy,
        Instant createdDateTime) {

    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        verifiedDomains =
                verifiedDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(createdDateTime, "createdDateTime");
    }

    public boolean hasVerifiedDomain(String domain) {
        return verifiedDomains.contains(domain.toLowerCase(Locale.ROOT));
    }

    /** The domain new users get by default: the first verified one. */
    public String defaultDomain() {
        return verifiedDomains.get(0);
    }

    public Tenant withDefaultUsageLocation(UsageLocation location) {
        return new Tenant(id, name, verifiedDomains, location, policy, createdDateTime);
    }

    public Tenant withPolicy(TenantPolicy newPolicy) {
        return new Tenant(id, name, verifiedDomains, defaultUsageLocation, newPolicy, createdDateTime);
    }

    public Tenant withName(String newName) {
        return new Tenant(id, newName, verifiedDomains, defaultUsageLocation, policy, createdDateTime);
    }
}
