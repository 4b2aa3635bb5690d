package org.allot.core.directory;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.allot.core.TenantId;

/**
 * An organisation using Allot: its verified domains, default usage location and policies.
 *
 * @param verifiedDomains the domains users' principal names may use, the default one first; the initial one among them
 * @param initialDomain the domain Allot gave the tenant when it was created ({@code contoso.allot.local}, as Entra's
 *     {@code contoso.onmicrosoft.com}): it cannot be removed, and directory sync puts on it the users whose own
 *     domain is not verified
 * @param defaultUsageLocation used by group licensing for users without a usage location; may be null
 */
public record Tenant(
        TenantId id,
        String name,
        List<String> verifiedDomains,
        String initialDomain,
        UsageLocation defaultUsageLocation,
        TenantPolicy policy,
        Instant createdDateTime) {

    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        verifiedDomains =
                verifiedDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
        initialDomain = initialDomain == null ? null : initialDomain.toLowerCase(Locale.ROOT);
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

    /** Whether the domain is the tenant's initial one. */
    public boolean isInitialDomain(String domain) {
        return domain.equalsIgnoreCase(initialDomain);
    }

    public Tenant withDefaultUsageLocation(UsageLocation location) {
        return new Tenant(id, name, verifiedDomains, initialDomain, location, policy, createdDateTime);
    }

    public Tenant withPolicy(TenantPolicy newPolicy) {
        return new Tenant(id, name, verifiedDomains, initialDomain, defaultUsageLocation, newPolicy, createdDateTime);
    }

    public Tenant withName(String newName) {
        return new Tenant(id, newName, verifiedDomains, initialDomain, defaultUsageLocation, policy, createdDateTime);
    }

    /** The tenant with these verified domains (the default one first). */
    public Tenant withVerifiedDomains(List<String> domains) {
        return new Tenant(id, name, domains, initialDomain, defaultUsageLocation, policy, createdDateTime);
    }
}
