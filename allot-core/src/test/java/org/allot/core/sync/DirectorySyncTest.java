package org.allot.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.allot.core.Actor;
import org.allot.core.ErrorCode;
import org.allot.core.TenantId;
import org.allot.core.assignment.AssignmentState;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.catalog.Product;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.TenantPolicy;
import org.allot.core.directory.UsageLocation;
import org.allot.core.directory.User;
import org.allot.core.directory.UserAttribute;
import org.allot.core.testing.InMemoryAllot;
import org.allot.core.testing.InMemoryDirectory;
import org.allot.core.testing.SyncScenario;
import org.allot.core.testing.TestCatalog;
import org.junit.jupiter.api.Test;

class DirectorySyncTest {
    private final SyncScenario contoso = SyncScenario.contoso();
    private final Product e3 = TestCatalog.E3;

    @Test
    void aSyncIsDueWhenNeverRunWhenItsIntervalHasPassedAndWhenSomeoneAsks() {
        Duration interval = Duration.ofMinutes(30);
        assertThat(contoso.sync.due(interval))
                .as("never ran")
                .containsExactly(new DueSync(contoso.contoso.tenant, null));

        contoso.run();
        assertThat(contoso.sync.due(interval)).as("ran a moment ago").isEmpty();

        ((InMemoryAllot) contoso.contoso.allot).clock.advance(Duration.ofMinutes(31));
        assertThat(contoso.sync.due(interval)).as("the interval has passed").hasSize(1);

        contoso.run();
        RunRequest asked = contoso.sync.requestRun(contoso.admin, true).value().requestedRun();
        assertThat(contoso.sync.due(interval))
                .as("asked for")
                .containsExactly(new DueSync(contoso.contoso.tenant, asked));
        assertThat(asked.full()).isTrue();
    }

    @Test
    void syncedUsersArriveWithoutUsageLocationOrLicense() {
        contoso.directory.addUser("ada", "department", "Engineering", "c", "SE");

        SyncRun run = contoso.run();

        assertThat(run.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(run.mode()).isEqualTo(SyncMode.FULL);
        assertThat(run.counts()).isEqualTo(new SyncCounts(1, 0, 0, 0, 0));
        User ada = contoso.user("ada").orElseThrow();
        assertThat(ada.onPremisesSyncEnabled()).isTrue();
        assertThat(ada.onPremisesImmutableId()).isEqualTo(InMemoryDirectory.guidOf("ada"));
        assertThat(ada.onPremisesSamAccountName()).isEqualTo("ada");
        assertThat(ada.department()).isEqualTo("Engineering");
        assertThat(ada.country()).isEqualTo("SE");
        assertThat(ada.usageLocation()).isNull();
        assertThat(contoso.contoso.heldSkus(ada.id())).isEmpty();
    }

    @Test
    void aSecondRunReadsOnlyTheChanges() {
        String ada = contoso.directory.addUser("ada");
        contoso.directory.addUser("grace");
        contoso.run();

        contoso.directory.modify(ada, "title", "Countess");
        SyncRun delta = contoso.run();

        assertThat(delta.mode()).isEqualTo(SyncMode.DELTA);
        assertThat(delta.counts()).isEqualTo(new SyncCounts(0, 1, 0, 0, 0));
        assertThat(contoso.user("ada").orElseThrow().jobTitle()).isEqualTo("Countess");
    }

    @Test
    void disabledAccountsAreSyncedDisabled() {
        String ada = contoso.directory.addUser("ada");
        contoso.run();

        contoso.directory.modify(ada, "userAccountControl", "514");
        contoso.run();

        assertThat(contoso.user("ada").orElseThrow().accountEnabled()).isFalse();
    }

    @Test
    void usersLeavingTheDirectoryAreSoftDeletedAndComeBackAsTheyWere() {
        String ada = contoso.directory.addUser("ada");
        String group = contoso.directory.addGroup("Engineers", ada);
        contoso.run();
        User synced = contoso.user("ada").orElseThrow();

        contoso.directory.delete(ada);
        SyncRun run = contoso.run();

        assertThat(run.counts().deleted()).isEqualTo(1);
        assertThat(contoso.user("ada").orElseThrow().isDeleted()).isTrue();

        contoso.directory.addUser("ada");
        contoso.directory.setMembers(group, ada);
        contoso.run();

        User back = contoso.user("ada").orElseThrow();
        assertThat(back.id()).isEqualTo(synced.id());
        assertThat(back.isDeleted()).isFalse();
        GroupId engineers = contoso.group("Engineers").orElseThrow().id();
        assertThat(contoso.contoso
                        .allot
                        .memberships()
                        .isDirectMember(contoso.contoso.tenant, engineers, Member.user(back.id())))
                .isTrue();
    }

    @Test
    void membersOfALicensedSyncedGroupAreLicensedWithTheTenantDefaultLocation() {
        String ada = contoso.directory.addUser("ada");
        String group = contoso.directory.addGroup("Office users", ada);
        contoso.run();
        GroupId office = licensed("Office users");

        String grace = contoso.directory.addUser("grace");
        contoso.directory.setMembers(group, ada, grace);
        contoso.run();

        User synced = contoso.user("grace").orElseThrow();
        assertThat(contoso.contoso.inherited(synced.id(), e3, office).state()).isEqualTo(AssignmentState.Active);
        assertThat(synced.usageLocation()).isNull();
        // licensed through the group in the tenant's default location (US): synced users have none of their own
    }

    @Test
    void leavingASyncedGroupTakesItsLicenseAway() {
        String ada = contoso.directory.addUser("ada");
        String group = contoso.directory.addGroup("Office users", ada);
        contoso.run();
        licensed("Office users");

        contoso.directory.setMembers(group);
        contoso.run();

        assertThat(contoso.contoso.heldSkus(contoso.user("ada").orElseThrow().id()))
                .isEmpty();
    }

    @Test
    void aRunThatWouldDeleteMoreThanTheThresholdDeletesNothingUntilConfirmed() {
        contoso.contoso.withPolicy(new TenantPolicy(TenantPolicy.DEFAULT.guestLicensing(), true, 30, 2));
        List<String> people = List.of("ada", "grace", "alan", "edsger");
        people.forEach(contoso.directory::addUser);
        contoso.run();

        people.stream().map(p -> "CN=" + p + "," + InMemoryDirectory.STAFF).forEach(contoso.directory::delete);
        SyncRun blocked = contoso.run();

        assertThat(blocked.state()).isEqualTo(SyncRunState.BLOCKED);
        assertThat(blocked.pendingDeletions()).isEqualTo(4);
        assertThat(blocked.message()).contains("threshold of 2: nothing was deleted");
        assertThat(contoso.user("ada").orElseThrow().isDeleted()).isFalse();
        assertThat(contoso.sync.pendingDeletions(contoso.contoso.tenant, blocked.id(), 10))
                .extracting(PendingDeletion::displayName)
                .containsExactlyInAnyOrder(
                        "ada@contoso.com", "grace@contoso.com", "alan@contoso.com", "edsger@contoso.com");

        SyncRun confirmed = contoso.sync.confirm(contoso.admin, blocked.id()).value();

        assertThat(confirmed.state()).isEqualTo(SyncRunState.CONFIRMED);
        assertThat(confirmed.counts().deleted()).isEqualTo(4);
        assertThat(people)
                .allSatisfy(p ->
                        assertThat(contoso.user(p).orElseThrow().isDeleted()).isTrue());
        assertThat(contoso.sync.confirm(contoso.admin, blocked.id()).rejection().code())
                .isEqualTo(ErrorCode.CONFLICT);
    }

    @Test
    void aLaterRunSupersedesABlockedOne() {
        contoso.contoso.withPolicy(new TenantPolicy(TenantPolicy.DEFAULT.guestLicensing(), true, 30, 0));
        String ada = contoso.directory.addUser("ada");
        contoso.run();
        contoso.directory.delete(ada);
        SyncRun first = contoso.run();

        SyncRun second = contoso.run();

        assertThat(second.state()).isEqualTo(SyncRunState.BLOCKED);
        assertThat(contoso.sync
                        .run(contoso.contoso.tenant, first.id())
                        .orElseThrow()
                        .state())
                .isEqualTo(SyncRunState.SUPERSEDED);
        assertThat(contoso.sync.confirm(contoso.admin, first.id()).rejection().message())
                .contains("A later run replaced this one");
    }

    @Test
    void aDirectoryThatGoesDownMidRunDeletesNothingAndTheNextRunCompletes() {
        String ada = contoso.directory.addUser("ada");
        contoso.directory.addUser("grace");
        contoso.run();
        contoso.directory.delete(ada);
        for (int i = 0; i < 6; i++) {
            contoso.directory.addUser("new" + i);
        }
        contoso.directory.failAfter(4);

        SyncRun failed = contoso.run();

        assertThat(failed.state()).isEqualTo(SyncRunState.FAILED);
        assertThat(failed.message()).contains("went away");
        assertThat(contoso.user("ada").orElseThrow().isDeleted()).isFalse();

        contoso.directory.comeBack();
        SyncRun next = contoso.run();

        assertThat(next.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(contoso.user("ada").orElseThrow().isDeleted()).isTrue();
        assertThat(contoso.user("new5")).isPresent();
    }

    @Test
    void syncedObjectsAreReadOnlyButUsageLocationStaysCloudManaged() {
        String ada = contoso.directory.addUser("ada");
        contoso.directory.addGroup("Engineers", ada);
        contoso.run();
        User synced = contoso.user("ada").orElseThrow();

        assertThat(contoso.contoso
                        .update(synced.id(), UserAttribute.DEPARTMENT, "Sales")
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.READ_ONLY_ATTRIBUTE);
        assertThat(contoso.contoso
                        .update(synced.id(), UserAttribute.USAGE_LOCATION, "SE")
                        .isDone())
                .isTrue();
        GroupId engineers = contoso.group("Engineers").orElseThrow().id();
        assertThat(contoso.contoso.leave(engineers, synced.id()).rejection().code())
                .isEqualTo(ErrorCode.READ_ONLY_ATTRIBUTE);

        contoso.directory.modify(ada, "department", "Research");
        contoso.run();

        User after = contoso.user("ada").orElseThrow();
        assertThat(after.department()).isEqualTo("Research");
        assertThat(after.usageLocation()).isEqualTo(UsageLocation.of("SE"));
    }

    @Test
    void everyRunIsAuditedAsDirectorySync() {
        contoso.directory.addUser("ada");

        contoso.run();

        List<AuditEvent> events = contoso.contoso.auditEvents();
        assertThat(events)
                .filteredOn(e -> e.activity() == Activity.ADD_USER)
                .singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(Actor.DIRECTORY_SYNC));
        assertThat(events)
                .extracting(AuditEvent::activity)
                .contains(Activity.START_DIRECTORY_SYNC, Activity.FINISH_DIRECTORY_SYNC);
    }

    @Test
    void objectsTheTenantCannotTakeAreReportedOneByOne() {
        contoso.directory.addUser("ada", "userPrincipalName", "ada lovelace@contoso.com");
        contoso.directory.addUser("grace", "employeeID", "x".repeat(40));
        contoso.directory.addUser("alan");

        SyncRun run = contoso.run();

        assertThat(run.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(run.counts()).isEqualTo(new SyncCounts(1, 0, 0, 0, 2));
        List<SyncError> errors = contoso.sync.errors(contoso.contoso.tenant, run.id(), 10);
        assertThat(errors)
                .extracting(SyncError::object)
                .containsExactly("CN=ada," + InMemoryDirectory.STAFF, "CN=grace," + InMemoryDirectory.STAFF);
        assertThat(errors.get(0).message()).isEqualTo("Property userPrincipalName is invalid.");
        assertThat(errors.get(1).message()).contains("employeeId");
    }

    @Test
    void onlyOneRunAtATime() {
        TenantId tenant = contoso.contoso.tenant;
        try (var held = contoso.locks.tryLock(tenant).orElseThrow()) {
            assertThat(contoso.sync.runNow(contoso.admin, false).rejection().code())
                    .isEqualTo(ErrorCode.CONFLICT);
        }
        assertThat(contoso.sync.runNow(contoso.admin, false).isDone()).isTrue();
    }

    /** Subscribes E3 and licenses the synced group with it. */
    private GroupId licensed(String group) {
        contoso.contoso.subscribe(e3, 10);
        GroupId id = contoso.group(group).orElseThrow().id();
        contoso.contoso.licenseGroup(id, e3).value();
        return id;
    }
}
