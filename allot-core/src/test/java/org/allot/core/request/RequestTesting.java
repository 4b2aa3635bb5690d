package org.allot.core.request;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.Transactions;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserManagers;
import org.allot.core.directory.UserRef;
import org.allot.core.testing.InMemoryAuditLog;
import org.allot.core.testing.InMemoryChangeSubscriptions;
import org.allot.core.testing.InMemoryFiledRequests;
import org.allot.core.testing.InMemoryManagers;
import org.allot.core.testing.InMemoryNotificationOutbox;
import org.allot.core.testing.Scenario;

/** The license requests of Contoso, on the in-memory installation, with the helpers the request tests share. */
abstract class RequestTesting {
    final Scenario contoso = Scenario.contoso();
    final org.allot.core.testing.InMemoryTimedGrants timed = new org.allot.core.testing.InMemoryTimedGrants();
    final InMemoryFiledRequests filed = new InMemoryFiledRequests(contoso.allot.unitMemberships());
    final InMemoryManagers managers = new InMemoryManagers();
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final InMemoryChangeSubscriptions webhooks = new InMemoryChangeSubscriptions();
    final InMemoryNotificationOutbox outbox = new InMemoryNotificationOutbox();
    final org.allot.core.timebound.TimeBoundGrants timeBound = new org.allot.core.timebound.TimeBoundGrants(
            new org.allot.core.timebound.TimeBoundGrants.Ports(
                    Transactions.NONE,
                    org.allot.core.directory.TenantLocks.NONE,
                    contoso.allot.users(),
                    contoso.allot.groups(),
                    contoso.allot.memberships(),
                    contoso.allot.catalog(),
                    contoso.allot.licensing().users(),
                    contoso.allot.groupDirectory(),
                    timed,
                    audit,
                    new org.allot.core.directory.ScopeGuard(contoso.allot.unitMemberships())),
            contoso.allot.clock());
    final RequestPorts ports = new RequestPorts(
            filed,
            contoso.readOnlyTenants(),
            contoso.allot.users(),
            managers,
            contoso.allot.catalog(),
            contoso.allot.subscriptionBook(),
            contoso.allot.licensing().users(),
            contoso.allot.groupDirectory(),
            contoso.allot.groupLicenses(),
            contoso.allot.assignments(),
            webhooks,
            outbox,
            audit,
            contoso.allot.unitMemberships(),
            timeBound);
    final RequestBook book = new RequestBook(Transactions.NONE, ports, contoso.allot.clock());
    final RequestDecisions decisions = new RequestDecisions(Transactions.NONE, ports, contoso.allot.clock());
    final RequestExpiry expiry = new RequestExpiry(Transactions.NONE, ports, contoso.allot.clock());
    final UserManagers userManagers = new UserManagers(
            Transactions.NONE,
            org.allot.core.directory.TenantLocks.NONE,
            contoso.allot.users(),
            managers,
            audit,
            contoso.allot.clock());

    final Caller portal = Caller.of(contoso.tenant, Actor.app("portal-app", "Service desk portal"));
    final Approver licenseAdmin = Approver.tenantWide(true);

    Instant now() {
        return contoso.allot.clock().instant();
    }

    Outcome<RequestView> file(UserId user, Set<ServicePlanId> plans, Instant end) {
        return book.file(
                portal,
                new RequestBook.Filing(
                        UserRef.of(user), "ENTERPRISEPACK", plans, "Needs Teams for the project", null, end));
    }

    UUID filed(UserId user) {
        return file(user, Set.of(), null).value().request().id();
    }
}
