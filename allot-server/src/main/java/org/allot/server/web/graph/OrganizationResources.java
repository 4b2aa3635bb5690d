package org.allot.server.web.graph;

import java.util.ArrayList;
import java.util.List;
import org.allot.api.graph.Organization;
import org.allot.core.directory.Tenant;

/** Graph's organization resource: the tenant, its verified domains and default usage location. */
final class OrganizationResources {
    private OrganizationResources() {}

    static Organization organization(Tenant t) {
        String location = t.defaultUsageLocation() == null
                ? null
                : t.defaultUsageLocation().code();
        List<Organization.VerifiedDomain> domains = new ArrayList<>();
        for (int i = 0; i < t.verifiedDomains().size(); i++) {
            domains.add(new Organization.VerifiedDomain(
                    "Email, OfficeCommunicationsOnline",
                    i == 0,
                    t.isInitialDomain(t.verifiedDomains().get(i)),
                    t.verifiedDomains().get(i),
                    "Managed"));
        }
        return new Organization(
                t.id().toString(), t.name(), location, GraphValues.time(t.createdDateTime()), domains, location);
    }
}
