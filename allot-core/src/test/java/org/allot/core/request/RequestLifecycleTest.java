package org.allot.core.request;

import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import org.allot.core.ErrorCode;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserRef;
import org.allot.core.notification.ChangeEvent;
import org.allot.core.notification.ChangeSubscription;
import org.allot.core.notification.ChangeType;
import org.junit.jupiter.api.Test;

/** Who decides a license request, its cancellation and expiry, the webhooks that watch requests, and how they are listed. */
class RequestLifecycleTest extends RequestTesting {
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
    void aUnitAdministratorDecidesAndListsTheRequestsOfItsUnitsUsersOnly() {
        contoso.subscribe(E3, 5);
        UserId ada = contoso.user("ada");
        UserId bob = contoso.user("bob");
        org.allot.core.unit.UnitId north = contoso.allot
                .unitDirectory()
                .create(contoso.admin, org.allot.core.unit.UnitChange.none().withDisplayName("North"))
                .value()
                .id();
        contoso.allot.unitMembers().add(contoso.admin, north, ada.value()).value();
        org.allot.core.Scope northOnly = org.allot.core.Scope.units(java.util.List.of(north.value()));
        org.allot.core.Caller northAdmin = contoso.admin.within(northOnly);
        UUID adas = filed(ada);
        UUID bobs = filed(bob);

        var outside = decisions.deny(northAdmin, Approver.within(northOnly, true), bobs, "no");
        RequestView inside = decisions
                .approve(northAdmin, Approver.within(northOnly, true), adas, RequestDecisions.Approval.asRequested())
                .value();

        assertThat(outside.rejection().code()).isEqualTo(ErrorCode.OUTSIDE_SCOPE);
        assertThat(outside.rejection().message()).contains("outside the scope of your role");
        assertThat(book.find(contoso.admin, bobs).orElseThrow().request().pending())
                .isTrue();
        assertThat(inside.request().state()).isEqualTo(RequestState.APPROVED);
        assertThat(book.list(northAdmin, null, null, 10).value())
                .extracting(v -> v.request().id())
                .containsExactly(adas);
        assertThat(book.list(northAdmin, null, UserRef.of(bob), 10).rejection().code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(book.list(contoso.admin, null, null, 10).value()).hasSize(2);
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

        assertThat(book.find(contoso.admin, old).orElseThrow().request().state())
                .isEqualTo(RequestState.EXPIRED);
        assertThat(book.find(contoso.admin, decided).orElseThrow().request().state())
                .isEqualTo(RequestState.DENIED);
        assertThat(book.find(contoso.admin, young).orElseThrow().request().pending())
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

        assertThat(book.list(contoso.admin, null, null, 10).value())
                .extracting(v -> v.request().id())
                .containsExactly(pending, denied);
        assertThat(book.list(contoso.admin, RequestState.DENIED, null, 10).value())
                .extracting(v -> v.request().id())
                .containsExactly(denied);
    }
}
