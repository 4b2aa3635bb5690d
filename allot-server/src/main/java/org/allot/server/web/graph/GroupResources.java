package org.allot.server.web.graph;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.allot.api.graph.LicenseProcessingState;
import org.allot.core.assignment.GroupLicense;
import org.allot.core.assignment.LicensedGroup;
import org.allot.core.directory.CloudSecurityIdentifiers;
import org.allot.core.directory.Group;

/** Graph's group resource, with what licensing adds to it, from what core read. */
public final class GroupResources {
    public static final Set<String> GROUP_DEFAULT = ordered(
            "id",
            "createdDateTime",
            "description",
            "displayName",
            "groupTypes",
            "mailEnabled",
            "mailNickname",
            "membershipRule",
            "membershipRuleProcessingState",
            "onPremisesDomainName",
            "onPremisesLastSyncDateTime",
            "onPremisesNetBiosName",
            "onPremisesProvisioningErrors",
            "onPremisesSamAccountName",
            "onPremisesSecurityIdentifier",
            "onPremisesSyncEnabled",
            "securityEnabled",
            "securityIdentifier");
    /** What {@code /v1.0/groups} may select: every property of allot-api's group, in its order. */
    public static final Set<String> GROUP_PROPERTIES =
            ordered(org.allot.api.graph.GroupResource.PROPERTIES.toArray(String[]::new));

    private static Set<String> ordered(String... names) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(names)));
    }

    private GroupResources() {}

    /** Whether the request selects a property only licensing knows, so the groups are read with their licensing. */
    static boolean licensesSelected(ODataQuery query) {
        return query != null
                && query.select() != null
                && (query.select().contains("assignedLicenses")
                        || query.select().contains("licenseProcessingState")
                        || query.select().contains("licensePriority"));
    }

    /** The default properties and those licensing adds: how an answer about a group's licenses shows the group. */
    static Set<String> withLicenses() {
        Set<String> properties = new LinkedHashSet<>(GROUP_DEFAULT);
        properties.addAll(List.of("assignedLicenses", "licenseProcessingState"));
        return properties;
    }

    public static List<org.allot.api.graph.GroupResource> groups(List<LicensedGroup> groups) {
        return groups.stream().map(GroupResources::group).toList();
    }

    /** A group as Graph shows it, with its licensing when it was read. */
    public static org.allot.api.graph.GroupResource group(LicensedGroup g) {
        return g.hasLicenses()
                ? group(
                        g.group(),
                        g.licensing().licenses(),
                        g.licensing().state().name(),
                        g.licensing().priority())
                : group(g.group(), null, null, null);
    }

    private static org.allot.api.graph.GroupResource group(
            Group g, List<GroupLicense> licenses, String state, Integer priority) {
        return new org.allot.api.graph.GroupResource(
                "#microsoft.graph.group",
                g.id().toString(),
                licenses == null
                        ? null
                        : licenses.stream()
                                .map(l -> GraphValues.assigned(l.license()))
                                .toList(),
                GraphValues.time(g.createdDateTime()),
                g.description(),
                g.displayName(),
                g.groupTypes().stream().sorted().toList(),
                state == null ? null : new LicenseProcessingState(state),
                g.mailEnabled(),
                g.mailNickname(),
                g.membershipRule(),
                g.membershipRuleProcessingState(),
                g.onPremises().domainName(),
                g.onPremisesImmutableId(),
                GraphValues.time(g.onPremises().lastSyncDateTime()),
                null,
                List.of(),
                g.onPremisesSamAccountName(),
                g.onPremises().securityIdentifier(),
                g.onPremisesSyncEnabled() ? Boolean.TRUE : null,
                g.securityEnabled(),
                CloudSecurityIdentifiers.of(g.id().value()),
                priority);
    }
}
