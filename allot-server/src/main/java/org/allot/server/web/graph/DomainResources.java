package org.allot.server.web.graph;

import java.util.List;
import org.allot.api.graph.DomainResource;
import org.allot.core.directory.Domain;

/** Graph's domain resource: a tenant's domain, verified and managed. */
final class DomainResources {
    /** Graph's value for a password that never expires. */
    private static final int NEVER = Integer.MAX_VALUE;

    private DomainResources() {}

    /** The domain among the tenant's: it is a root domain when none of the others is a parent of it. */
    static DomainResource domain(Domain domain, List<Domain> all) {
        boolean root = all.stream().noneMatch(other -> domain.name().endsWith("." + other.name()));
        return new DomainResource(
                "Managed",
                null,
                domain.name(),
                true,
                domain.isDefault(),
                domain.isInitial(),
                root,
                true,
                null,
                null,
                14,
                NEVER,
                null,
                List.of("Email", "OfficeCommunicationsOnline"));
    }

    static List<DomainResource> domains(List<Domain> all) {
        return all.stream().map(d -> domain(d, all)).toList();
    }
}
