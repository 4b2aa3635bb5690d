package org.allot.core.timebound;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.catalog.Product;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.User;
import org.allot.core.directory.UserRef;

/**
 * {@link TimeBoundGrants}' reads: the grants of a user or a group with the names a list shows, each read in a read-only
 * unit of work of its own, through the caller's scope.
 */
final class GrantLists {
    private final TimeBoundGrants.Ports ports;

    GrantLists(TimeBoundGrants.Ports ports) {
        this.ports = Objects.requireNonNull(ports);
    }

    /** A grant just set, with the names a list shows (read after its unit of work). */
    TimeBoundGrants.Listed named(TenantId tenant, TimedGrant grant) {
        return ports.transactions().read(() -> listed(tenant, List.of(grant)).get(0));
    }

    /** Whether the user has this grant and it has not started yet: nothing of it is given so far. */
    boolean scheduled(TenantId tenant, TimedGrant.Key key) {
        return ports.transactions().read(() -> ports.grants()
                .find(tenant, key)
                .filter(g -> !g.started())
                .isPresent());
    }

    /** The user's grants of both kinds, the soonest due first; empty for an unknown user or one outside the scope. */
    Optional<List<TimeBoundGrants.Listed>> ofUser(Caller caller, UserRef named) {
        TenantId tenant = caller.tenant();
        return ports.transactions().read(() -> named.find(tenant, ports.users())
                .filter(u -> !u.isDeleted())
                .filter(u -> ports.guard().reaches(caller, u.id().value()))
                .map(u -> listed(tenant, ports.grants().ofUser(tenant, u.id()))));
    }

    /** The membership grants of a group, the soonest due first; empty for an unknown group or one outside the scope. */
    Optional<List<TimeBoundGrants.Listed>> ofGroup(Caller caller, GroupId group) {
        TenantId tenant = caller.tenant();
        return ports.transactions().read(() -> ports.groupStore()
                .find(tenant, group)
                .filter(g -> ports.guard().reaches(caller, group.value()))
                .map(g -> listed(tenant, ports.grants().ofGroup(tenant, group))));
    }

    private List<TimeBoundGrants.Listed> listed(TenantId tenant, List<TimedGrant> grants) {
        List<TimeBoundGrants.Listed> listed = new ArrayList<>();
        for (TimedGrant g : grants) {
            String upn = ports.users()
                    .find(tenant, g.user())
                    .map(User::userPrincipalName)
                    .orElse(null);
            String name = g.kind() == TimedGrant.Kind.LICENSE
                    ? ports.catalog()
                            .forTenant(tenant)
                            .find(g.sku())
                            .map(Product::skuPartNumber)
                            .orElse(null)
                    : ports.groupStore()
                            .find(tenant, g.group())
                            .map(Group::displayName)
                            .orElse(null);
            listed.add(new TimeBoundGrants.Listed(g, upn, name));
        }
        return listed;
    }
}
