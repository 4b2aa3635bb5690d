package org.allot.core.directory;

import java.util.Objects;

/**
 * A domain of a tenant, as Graph's {@code domain} resource describes it. Every domain Allot keeps is verified: adding
 * one is an administrator's declaration that the organisation owns it (Allot has no DNS to check).
 *
 * @param name the domain name, lower case: Graph's {@code id}
 * @param isDefault the domain new users get by default
 * @param isInitial the domain Allot gave the tenant when it was created
 */
public record Domain(String name, boolean isDefault, boolean isInitial) {
    public Domain {
        Objects.requireNonNull(name, "name");
    }

    /** The tenant's domains, the default one first. */
    public static java.util.List<Domain> of(Tenant tenant) {
        java.util.List<Domain> domains = new java.util.ArrayList<>();
        for (int i = 0; i < tenant.verifiedDomains().size(); i++) {
            String name = tenant.verifiedDomains().get(i);
            domains.add(new Domain(name, i == 0, tenant.isInitialDomain(name)));
        }
        return domains;
    }
}
