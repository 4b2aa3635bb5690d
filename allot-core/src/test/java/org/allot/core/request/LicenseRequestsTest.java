package org.allot.core.request;

import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.SWAY;
import static org.allot.core.testing.TestCatalog.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.TenantId;
import org.allot.core.Transactions;
import org.allot.core.assignment.AssignmentState;
import org.allot.core.audit.Activity;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Tenant;
import org.allot.core.directory.Tenants;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserManagers;
import org.allot.core.directory.UserRef;
import org.allot.core.notification.ChangeEvent;
import org.allot.core.notification.ChangeSubscription;
import org.allot.core.notification.ChangeType;
import org.allot.core.subscription.Subscription;
import org.allot.core.testing.InMemoryAuditLog;
import org.allot.core.testing.InMemoryChangeSubscriptions;
import org.allot.core.testing.InMemoryFiledRequests;
import org.allot.core.testing.InMemoryManagers;
import org.allot.core.testing.InMemoryNotificationOutbox;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/**
 * License requests (docs/delegation.md#license-requests) on the in-memory installation and an injected clock: filed
 * with the user's manager, approved through licensing (waiting for a seat when none is free, granted when one frees),
 * approved partly, denied, cancelled by the filer only, expired after the tenant's days, decided once, notified.
 */
class LicenseRequestsTest {
    private final Scenario contoso = Scenario.contoso();
    private final InMemoryFiledRequests filed = new InMemoryFiledRequests();
    private final InMemoryManagers managers = new InMemoryManagers();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final InMemoryChangeSubscriptions webhooks = new InMemoryChangeSubscriptions();
    private final InMemoryNotificationOutbox outbox = new InMemoryNotificationOutbox();
    private final RequestPorts ports = new RequestPorts(
            filed,
            tenants(),
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
            audit);
    private final RequestBook book = new RequestBook(Transactions.NONE, ports, contoso.allot.clock());
    private final RequestDecisions decisions = new RequestDecisions(Transactions.NONE, ports, contoso.allot.clock());
    private final RequestExpiry expiry = new RequestExpiry(Transactions.NONE, ports, contoso.allot.clock());
    private final UserManagers userManagers = new UserManagers(
            Transactions.NONE,
            org.allot.core.directory.TenantLocks.NONE,
            contoso.allot.users(),
            managers,
            audit,
            contoso.allot.clock());

    private final Caller portal = Caller.of(contoso.tenant, Actor.app("portal-app", "Service desk portal"));
    private final Approver licenseAdmin = Approver.tenantWide(true);

    private Tenants tenants() {
        return new Tenants() {
            @Override
            public Optional<Tenant> find(TenantId id) {
                return contoso.allot.tenantDirectory().find(id);
            }

            @Override
            public List<Tenant> all() {
                return contoso.allot.tenantDirectory().find(contoso.tenant).stream()
                        .toList();
            }

            @Override
            public List<Tenant> withVerifiedDomain(String domain) {
                return List.of();
            }

            @Override
            public void add(Tenant tenant) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void update(Tenant tenant) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private Instant now() {
        return contoso.allot.clock().instant();
    }

    private Outcome<RequestView> file(UserId user, Set<ServicePlanId> plans, Instant end) {
        return book.file(
                portal,
                new RequestBook.Filing(
                        UserRef.of(user), "ENTERPRISEPACK", plans, "Needs Teams for the project", null, end));
    }

    private UUID filed(UserId user) {
        return file(user, Set.of(), null).value().request().id();
    }

    @Test
    void aRequestRecordsTheUsersManagerAndWhoFiledIt() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        UserId grace = contoso.user("grace");
        userManagers.assign(contoso.admin, UserRef.of(ada), grace.value()).value();

        LicenseRequest request = file(ada, Set.of(), null).value().request();

        assertThat(request.manager()).isEqualTo(grace);
        assertThat(request.filedBy()).isEqualTo(portal.actor());
        assertThat(request.state()).isEqualTo(RequestState.PENDING);
        assertThat(request.productName()).isEqualTo(E3.displayName());
        assertThat(audit.events()).extracting(e -> e.activity()).contains(Activity.FILE_LICENSE_REQUEST);
        assertThat(file(ada, Set.of(), null).rejection().code())
                .as("one pending request per user and product")
                .isEqualTo(ErrorCode.CONFLICT);
    }

    @Test
    void badFilingsAreRefusedWithReasons() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        Outcome<RequestView> noJustification =
                book.file(portal, new RequestBook.Filing(UserRef.of(ada), "ENTERPRISEPACK", Set.of(), " ", null, null));
        assertThat(noJustification.rejection().code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        Outcome<RequestView> unknownProduct =
                book.file(portal, new RequestBook.Filing(UserRef.of(ada), "NOPE", Set.of(), "why", null, null));
        assertThat(unknownProduct.rejection().code()).isEqualTo(ErrorCode.INVALID_LICENSE);
        assertThat(file(ada, Set.of(new ServicePlanId(UUID.randomUUID())), null)
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.INVALID_SERVICE_PLAN);
        assertThat(file(ada, Set.of(), now().minusSeconds(1)).rejection().message())
                .contains("not in the future");
        assertThat(filed.list(contoso.tenant, null, null, 10)).isEmpty();
    }

    @Test
    void anApprovedRequestBecomesADirectAssignmentWithTheGrantedPlansOnly() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        Instant until = now().plus(Duration.ofDays(30));
        UUID id = file(ada, Set.of(TEAMS.id(), SWAY.id()), now().plus(Duration.ofDays(90)))
                .value()
                .request()
                .id();

        RequestView approved = decisions
                .approve(
                        contoso.admin,
                        licenseAdmin,
                        id,
                        new RequestDecisions.Approval(null, Set.of(TEAMS.id()), null, until))
                .value();

        assertThat(approved.request().state()).isEqualTo(RequestState.APPROVED);
        assertThat(approved.grantStatus()).isEqualTo(GrantStatus.GRANTED);
        assertThat(approved.request().decision().grant().end()).isEqualTo(until);
        var direct = contoso.direct(ada, E3);
        assertThat(direct.state()).isEqualTo(AssignmentState.Active);
        assertThat(direct.disabledPlans()).contains(SWAY.id()).doesNotContain(TEAMS.id());
    }

    @Test
    void anApprovalGrantsNoMoreThanWasAskedFor() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        Instant end = now().plus(Duration.ofDays(30));
        UUID id = file(ada, Set.of(TEAMS.id()), end).value().request().id();

        var morePlans = decisions.approve(
                contoso.admin,
                licenseAdmin,
                id,
                new RequestDecisions.Approval(null, Set.of(TEAMS.id(), SWAY.id()), null, null));
        var longer = decisions.approve(
                contoso.admin, licenseAdmin, id, new RequestDecisions.Approval(null, null, null, end.plusSeconds(60)));

        assertThat(morePlans.rejection().message()).contains("no other");
        assertThat(longer.rejection().message()).contains("not lengthen");
        assertThat(contoso.heldSkus(ada)).isEmpty();
        assertThat(book.find(contoso.tenant, id).orElseThrow().request().pending())
                .isTrue();
    }

    @Test
    void withNoSeatFreeTheUserWaitsInItsPlaceAndIsGrantedWhenASeatFrees() {
        Subscription e3 = contoso.subscribe(E3, 1);
        UserId holder = contoso.user("holder");
        contoso.assign(holder, E3).value();
        UserId ada = contoso.user("ada");
        UUID id = filed(ada);

        RequestView approved = decisions
                .approve(contoso.admin, licenseAdmin, id, RequestDecisions.Approval.asRequested())
                .value();

        assertThat(approved.grantStatus()).isEqualTo(GrantStatus.WAITING_FOR_SEAT);
        assertThat(approved.summary()).isEqualTo("Approved — waiting for a seat");
        assertThat(contoso.waitingFor(E3)).containsExactly(ada);

        contoso.setSeats(e3, 2);

        assertThat(book.find(contoso.tenant, id).orElseThrow().grantStatus()).isEqualTo(GrantStatus.GRANTED);
        assertThat(contoso.direct(ada, E3).state()).isEqualTo(AssignmentState.Active);
    }

    @Test
    void anApprovalThroughAGroupMakesTheUserAMemberOfIt() {
        contoso.subscribe(E3, 5);
        GroupId sales = contoso.aGroup("Sales").licensedWith(E3).create();
        GroupId empty = contoso.aGroup("Unlicensed").create();
        UserId ada = contoso.user("ada");
        UUID id = filed(ada);

        var wrongGroup = decisions.approve(
                contoso.admin, licenseAdmin, id, new RequestDecisions.Approval(empty, null, null, null));
        assertThat(wrongGroup.rejection().message()).contains("does not assign");

        RequestView approved = decisions
                .approve(contoso.admin, licenseAdmin, id, new RequestDecisions.Approval(sales, null, null, null))
                .value();

        assertThat(contoso.membersOf(sales)).containsExactly(ada);
        assertThat(approved.grantStatus()).isEqualTo(GrantStatus.GRANTED);
        assertThat(contoso.inherited(ada, E3, sales).state()).isEqualTo(AssignmentState.Active);
    }

    @Test
    void aRequestIsDecidedOnce() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        UUID id = filed(ada);
        decisions
                .approve(contoso.admin, licenseAdmin, id, RequestDecisions.Approval.asRequested())
                .value();

        var again = decisions.approve(contoso.admin, licenseAdmin, id, RequestDecisions.Approval.asRequested());
        var deny = decisions.deny(contoso.admin, licenseAdmin, id, "too late");

        assertThat(again.rejection().code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(again.rejection().message()).contains("approved already");
        assertThat(deny.rejection().code()).isEqualTo(ErrorCode.CONFLICT);
    }

    @Test
    void aDeniedRequestKeepsItsReasonAndCannotBeApproved() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        UUID id = filed(ada);

        assertThat(decisions
                        .deny(contoso.admin, licenseAdmin, id, " ")
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.INVALID_REQUEST);
        RequestView denied = decisions
                .deny(contoso.admin, licenseAdmin, id, "Use the shared mailbox")
                .value();

        assertThat(denied.summary()).isEqualTo("Denied: Use the shared mailbox");
        assertThat(decisions
                        .approve(contoso.admin, licenseAdmin, id, RequestDecisions.Approval.asRequested())
                        .rejection()
                        .message())
                .contains("denied already");
        assertThat(contoso.heldSkus(ada)).isEmpty();
    }

    @Test
    void onlyLicenseAssigningAdminsDecideAndAnAppOnTheManagersBehalfOnlyWhenThereIsAManager() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        UUID noManager = filed(ada);

        assertThat(decisions
                        .approve(
                                contoso.admin,
                                Approver.tenantWide(false),
                                noManager,
                                RequestDecisions.Approval.asRequested())
                        .isDone())
                .isFalse();
        assertThat(decisions
                        .approve(portal, licenseAdmin.forManager(), noManager, RequestDecisions.Approval.asRequested())
                        .rejection()
                        .message())
                .contains("no manager");

        UserId bob = contoso.user("bob");
        UserId grace = contoso.user("grace");
        userManagers.assign(contoso.admin, UserRef.of(bob), grace.value()).value();
        UUID withManager = filed(bob);
        RequestView approved = decisions
                .approve(portal, licenseAdmin.forManager(), withManager, RequestDecisions.Approval.asRequested())
                .value();

        assertThat(approved.request().decision().onBehalfOfManager()).isTrue();
        assertThat(approved.request().decision().by()).isEqualTo(portal.actor());
    }

    @Test
    void onlyTheFilerCancels() {
        contoso.subscribe(E3, 5);
        UUID id = filed(contoso.user("ada"));

        assertThat(book.cancel(contoso.admin, id, null).rejection().message()).contains("Only whoever filed");
        assertThat(book.cancel(portal, id, "no longer needed").value().request().state())
                .isEqualTo(RequestState.CANCELLED);
    }

    @Test
    void pendingRequestsExpireAfterTheTenantsDaysOnceAndDecidedOnesNever() {
        contoso.subscribe(E3, 5);
        book.setExpiryDays(contoso.admin, 3).value();
        UUID old = filed(contoso.user("ada"));
        UUID decided = filed(contoso.user("bob"));
        decisions.deny(contoso.admin, licenseAdmin, decided, "no").value();
        contoso.allot.clock().advance(Duration.ofDays(2));
        UUID young = filed(contoso.user("cy"));
        contoso.allot.clock().advance(Duration.ofDays(1).plusMinutes(1));

        assertThat(expiry.expireAll()).isEqualTo(1);
        assertThat(expiry.expireAll()).as("idempotent").isZero();

        assertThat(book.find(contoso.tenant, old).orElseThrow().request().state())
                .isEqualTo(RequestState.EXPIRED);
        assertThat(book.find(contoso.tenant, decided).orElseThrow().request().state())
                .isEqualTo(RequestState.DENIED);
        assertThat(book.find(contoso.tenant, young).orElseThrow().request().pending())
                .isTrue();
        assertThat(book.setExpiryDays(contoso.admin, 0).rejection().code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    }

    @Test
    void webhooksWatchingRequestsAreToldOfEachChange() {
        contoso.subscribe(E3, 5);
        ChangeSubscription hook = new ChangeSubscription(
                UUID.randomUUID(),
                contoso.tenant,
                "allot/v1/licenseRequests",
                EnumSet.of(ChangeType.CREATED, ChangeType.UPDATED),
                URI.create("https://hooks.example.com/requests"),
                null,
                "state",
                now().plus(Duration.ofDays(2)),
                now(),
                "app",
                ChangeSubscription.State.ACTIVE,
                null,
                null,
                null);
        webhooks.add(hook);
        UUID id = filed(contoso.user("ada"));
        decisions
                .approve(contoso.admin, licenseAdmin, id, RequestDecisions.Approval.asRequested())
                .value();

        assertThat(outbox.all())
                .extracting(e -> e.event())
                .containsExactly(
                        ChangeEvent.licenseRequest(id, ChangeType.CREATED),
                        ChangeEvent.licenseRequest(id, ChangeType.UPDATED));
    }

    @Test
    void listsShowPendingRequestsFirst() {
        contoso.subscribe(E3, 5);
        UUID denied = filed(contoso.user("ada"));
        decisions.deny(contoso.admin, licenseAdmin, denied, "no").value();
        contoso.allot.clock().advance(Duration.ofMinutes(1));
        UUID pending = filed(contoso.user("bob"));

        assertThat(book.list(contoso.tenant, null, null, 10).value())
                .extracting(v -> v.request().id())
                .containsExactly(pending, denied);
        assertThat(book.list(contoso.tenant, RequestState.DENIED, null, 10).value())
                .extracting(v -> v.request().id())
                .containsExactly(denied);
    }
}
