package org.allot.core.request;

import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.SWAY;
import static org.allot.core.testing.TestCatalog.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.assignment.AssignmentState;
import org.allot.core.audit.Activity;
import org.allot.core.catalog.ServicePlanId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRef;
import org.allot.core.subscription.Subscription;
import org.junit.jupiter.api.Test;

/**
 * License requests (docs/delegation.md#license-requests) on the in-memory installation and an injected clock: filed
 * with the user's manager, approved through licensing (waiting for a seat when none is free, granted when one frees),
 * approved partly, denied, cancelled by the filer only, expired after the tenant's days, decided once, notified.
 */
class LicenseRequestsTest extends RequestTesting {
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
        assertThat(filed.list(contoso.tenant, null, null, null, 10)).isEmpty();
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
        assertThat(book.find(contoso.admin, id).orElseThrow().request().pending())
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

        assertThat(book.find(contoso.admin, id).orElseThrow().grantStatus()).isEqualTo(GrantStatus.GRANTED);
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
    void anApprovedPeriodStartsAndEndsOnItsOwnAndAtItsStartWaitsForASeatInTheRequestsPlace() {
        Subscription e3 = contoso.subscribe(E3, 1);
        contoso.assign(contoso.user("holder"), E3).value();
        UserId ada = contoso.user("ada");
        Instant start = now().plus(Duration.ofDays(2));
        Instant end = now().plus(Duration.ofDays(30));
        UUID id = book.file(
                        portal,
                        new RequestBook.Filing(UserRef.of(ada), "ENTERPRISEPACK", Set.of(), "Contract", start, end))
                .value()
                .request()
                .id();

        decisions
                .approve(contoso.admin, licenseAdmin, id, RequestDecisions.Approval.asRequested())
                .value();
        assertThat(contoso.heldSkus(ada))
                .as("nothing is given before the start")
                .isEmpty();
        assertThat(timeBound.ofUser(contoso.admin, UserRef.of(ada)).orElseThrow())
                .extracting(l -> l.grant().start(), l -> l.grant().end(), l -> l.grant()
                        .waits())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(start, end, true));

        contoso.allot.clock().advance(Duration.ofDays(2).plusMinutes(1));
        timeBound.runDue();
        assertThat(contoso.waitingFor(E3))
                .as("no seat free at the start: the user waits in the request's place")
                .containsExactly(ada);
        contoso.setSeats(e3, 2);
        assertThat(contoso.direct(ada, E3).state()).isEqualTo(AssignmentState.Active);
        assertThat(book.find(contoso.admin, id).orElseThrow().grantStatus()).isEqualTo(GrantStatus.GRANTED);

        contoso.allot.clock().advance(Duration.ofDays(28));
        timeBound.runDue();
        assertThat(contoso.heldSkus(ada)).as("the license ends on its own date").isEmpty();
    }

    @Test
    void anApprovalThroughAGroupWithAnEndIsAMembershipThatEndsOnItsOwn() {
        contoso.subscribe(E3, 5);
        GroupId sales = contoso.aGroup("Sales").licensedWith(E3).create();
        UserId ada = contoso.user("ada");
        Instant end = now().plus(Duration.ofDays(10));
        UUID id = file(ada, Set.of(), end).value().request().id();

        decisions
                .approve(contoso.admin, licenseAdmin, id, new RequestDecisions.Approval(sales, null, null, null))
                .value();
        assertThat(contoso.membersOf(sales)).containsExactly(ada);

        contoso.allot.clock().advance(Duration.ofDays(10).plusMinutes(1));
        timeBound.runDue();
        assertThat(contoso.membersOf(sales)).isEmpty();
        assertThat(contoso.heldSkus(ada)).isEmpty();
    }

    @Test
    void aGrantScheduledForLaterReadsScheduledUntilItsStartNotRemoved() {
        contoso.subscribe(E3, 5);
        GroupId sales = contoso.aGroup("Sales").licensedWith(E3).create();
        UserId ada = contoso.user("ada");
        UserId bob = contoso.user("bob");
        Instant start = now().plus(Duration.ofDays(2));
        Instant end = now().plus(Duration.ofDays(30));
        UUID direct = book.file(
                        portal,
                        new RequestBook.Filing(UserRef.of(ada), "ENTERPRISEPACK", Set.of(), "Contract", start, end))
                .value()
                .request()
                .id();
        UUID member = book.file(
                        portal,
                        new RequestBook.Filing(UserRef.of(bob), "ENTERPRISEPACK", Set.of(), "Intern", start, null))
                .value()
                .request()
                .id();

        RequestView scheduled = decisions
                .approve(contoso.admin, licenseAdmin, direct, RequestDecisions.Approval.asRequested())
                .value();
        decisions
                .approve(contoso.admin, licenseAdmin, member, new RequestDecisions.Approval(sales, null, null, null))
                .value();

        assertThat(scheduled.grantStatus()).isEqualTo(GrantStatus.SCHEDULED);
        assertThat(scheduled.summary())
                .isEqualTo("Approved — scheduled to start on " + LocalDate.ofInstant(start, ZoneOffset.UTC));
        assertThat(book.find(contoso.admin, member).orElseThrow().grantStatus()).isEqualTo(GrantStatus.SCHEDULED);
        assertThat(contoso.heldSkus(ada)).isEmpty();
        assertThat(contoso.heldSkus(bob)).isEmpty();

        timeBound
                .cancelLicense(contoso.admin, UserRef.of(ada), "ENTERPRISEPACK")
                .value();
        assertThat(book.find(contoso.admin, direct).orElseThrow().grantStatus())
                .as("a scheduled grant cancelled before its start gives nothing: removed")
                .isEqualTo(GrantStatus.REMOVED);

        contoso.allot.clock().advance(Duration.ofDays(2).plusMinutes(1));
        timeBound.runDue();
        assertThat(book.find(contoso.admin, member).orElseThrow().grantStatus()).isEqualTo(GrantStatus.GRANTED);
    }
}
