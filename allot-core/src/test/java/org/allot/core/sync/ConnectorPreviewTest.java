package org.allot.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.catalog.Product;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.TenantPolicy;
import org.allot.core.directory.UserId;
import org.allot.core.testing.InMemoryDirectory;
import org.allot.core.testing.SyncScenario;
import org.allot.core.testing.TestCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A preview of a connector change (a dry run of the next sync with settings not saved) and staging mode (runs that
 * report what they would do and apply nothing) work out what a run would add, update, delete and take away, in the
 * lists a blocked run keeps, and change nothing.
 */
class ConnectorPreviewTest {
    private final SyncScenario contoso = SyncScenario.contoso();
    private final Product e3 = TestCatalog.E3;
    private String office;
    private GroupId licensed;

    @BeforeEach
    void threeLicensedUsers() {
        String[] dns = List.of("ada", "grace", "alan").stream()
                .map(contoso.directory::addUser)
                .toArray(String[]::new);
        office = contoso.directory.addGroup("Office users", dns);
        contoso.contoso.subscribe(e3, 10);
        assertThat(contoso.run().state()).isEqualTo(SyncRunState.SUCCEEDED);
        licensed = contoso.group("Office users").orElseThrow().id();
        contoso.contoso.licenseGroup(licensed, e3).value();
    }

    @Test
    void aPreviewOfARunThatWouldEmptyALicensedGroupListsTheLossesAndChangesNothing() {
        String readers = contoso.directory.addGroup("Readers", "CN=ada," + InMemoryDirectory.STAFF);
        contoso.run();
        GroupId unlicensed = contoso.group("Readers").orElseThrow().id();
        contoso.directory.setMembers(office);
        contoso.directory.setMembers(readers);
        contoso.directory.addUser("edsger");
        int runs = contoso.sync.runs(contoso.contoso.tenant, 100).size();

        SyncRun preview = contoso.sync
                .preview(contoso.admin, SyncScenario.activeDirectory())
                .value();

        assertThat(preview.state()).isEqualTo(SyncRunState.PREVIEW);
        assertThat(preview.counts().added()).isEqualTo(1);
        assertThat(preview.pendingRemovals())
                .as("three of the licensed group, one of a group that gives no license")
                .isEqualTo(4);
        assertThat(preview.usersLosingLicenses()).isEqualTo(3);
        assertThat(preview.message())
                .contains("nothing was applied")
                .contains("add 1 object,")
                .contains("remove 3 memberships of licensed groups (and 1 of groups that give no license) and take a"
                        + " license from 3 users");
        assertThat(contoso.sync.pendingRemovals(contoso.contoso.tenant, preview.id(), 10))
                .extracting(PendingRemoval::groupName, PendingRemoval::memberName)
                .contains(tuple("Readers", "ada@contoso.com"));
        assertThat(contoso.sync.licenseLosses(contoso.contoso.tenant, preview.id(), 10))
                .extracting(LicenseLoss::userPrincipalName, LicenseLoss::cause)
                .containsExactly(
                        tuple("ada@contoso.com", "leaves Office users"),
                        tuple("alan@contoso.com", "leaves Office users"),
                        tuple("grace@contoso.com", "leaves Office users"));
        assertThat(contoso.sync.plannedChanges(contoso.contoso.tenant, preview.id(), 10))
                .extracting(PlannedChange::action, PlannedChange::name, PlannedChange::objectId)
                .containsExactly(tuple(PlannedChange.Action.ADD, "edsger@contoso.com", null));
        assertThat(contoso.contoso.membersOf(licensed)).hasSize(3);
        assertThat(contoso.contoso.membersOf(unlicensed)).hasSize(1);
        assertThat(contoso.contoso.heldSkus(id("grace"))).containsExactly(e3.skuId());
        assertThat(contoso.user("edsger")).isEmpty();
        assertThat(contoso.sync.runs(contoso.contoso.tenant, 100)).hasSize(runs + 1);
        assertThat(contoso.sync.confirm(contoso.admin, preview.id()).rejection().code())
                .as("a preview is not a blocked run: nothing of it can be carried out")
                .isEqualTo(ErrorCode.CONFLICT);

        SyncRun applied = contoso.run();

        assertThat(applied.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(contoso.contoso.membersOf(licensed)).isEmpty();
        assertThat(contoso.user("edsger")).isPresent();
    }

    @Test
    void aPreviewCountsAsErrorsTheUsersARunWouldRefuseForTheirValuesNotAsAddedOrUpdated() {
        String tooLong = "E-0123456789-ABCDEF"; // Graph's employeeId takes 16 characters
        contoso.directory.addUser("edsger", "employeeID", tooLong);
        contoso.directory.modify("CN=ada," + InMemoryDirectory.STAFF, "employeeID", tooLong);
        contoso.directory.modify("CN=grace," + InMemoryDirectory.STAFF, "title", "Rear Admiral");

        SyncRun preview = contoso.sync
                .preview(contoso.admin, SyncScenario.activeDirectory())
                .value();

        assertThat(preview.counts().added()).isZero();
        assertThat(preview.counts().updated()).as("grace").isEqualTo(1);
        assertThat(preview.counts().errors()).isEqualTo(2);
        assertThat(contoso.sync.errors(contoso.contoso.tenant, preview.id(), 10))
                .extracting(SyncError::object, SyncError::message)
                .containsExactlyInAnyOrder(
                        tuple(
                                "CN=ada," + InMemoryDirectory.STAFF,
                                "Invalid value specified for property 'employeeId' of resource 'User'."),
                        tuple(
                                "CN=edsger," + InMemoryDirectory.STAFF,
                                "Invalid value specified for property 'employeeId' of resource 'User'."));
        SyncRun run = contoso.run();
        assertThat(run.counts().errors()).as("what the run meets").isEqualTo(2);
        assertThat(run.counts().added()).isZero();
    }

    @Test
    void aPreviewOverTheThresholdsSaysTheRunWouldBeBlocked() {
        contoso.contoso.withPolicy(TenantPolicy.DEFAULT.withSyncLicenseLossThreshold(2));
        contoso.directory.setMembers(office);

        SyncRun preview = contoso.sync
                .preview(contoso.admin, SyncScenario.activeDirectory())
                .value();

        assertThat(preview.state()).isEqualTo(SyncRunState.PREVIEW);
        assertThat(preview.message()).contains("it would be blocked for confirmation");
        assertThat(contoso.contoso.membersOf(licensed)).hasSize(3);
    }

    @Test
    void aPreviewSendsTheSavedPasswordOnlyToTheSavedConnectorsTarget() {
        ConnectorRequest elsewhere = request("ldaps://dc9.fabrikam.com", null, null);

        Outcome<SyncRun> refused = contoso.sync.preview(contoso.admin, elsewhere);

        assertThat(refused.isDone()).isFalse();
        assertThat(refused.rejection().message()).contains("Type the bind password to preview");
        assertThat(contoso.sync
                        .preview(contoso.admin, request("ldaps://dc1.contoso.com", null, null))
                        .value()
                        .state())
                .isEqualTo(SyncRunState.PREVIEW);
    }

    @Test
    void aStagingConnectorsRunsReportWhatTheyWouldDoAndApplyNothingUntilStagingIsSwitchedOff() {
        contoso.sync
                .configure(contoso.admin, request("ldaps://dc1.contoso.com", null, true))
                .value();
        assertThat(contoso.connector().settings().staging()).isTrue();
        contoso.directory.setMembers(office, contoso.directory.addUser("edsger"));

        SyncRun staged = contoso.run();

        assertThat(staged.state()).isEqualTo(SyncRunState.STAGED);
        assertThat(staged.counts().added()).isEqualTo(1);
        assertThat(staged.pendingRemovals()).isEqualTo(3);
        assertThat(staged.usersLosingLicenses()).isEqualTo(3);
        assertThat(staged.message()).contains("Staging mode: nothing was applied");
        assertThat(contoso.user("edsger")).isEmpty();
        assertThat(contoso.contoso.membersOf(licensed)).hasSize(3);
        assertThat(contoso.run().state())
                .as("every staged run works it out again, and still applies nothing")
                .isEqualTo(SyncRunState.STAGED);
        assertThat(contoso.contoso.heldSkus(id("ada"))).containsExactly(e3.skuId());

        contoso.sync
                .configure(contoso.admin, request("ldaps://dc1.contoso.com", null, false))
                .value();
        SyncRun applied = contoso.run();

        assertThat(applied.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(applied.counts().added()).isEqualTo(1);
        assertThat(contoso.contoso.heldSkus(id("ada"))).isEmpty();
        assertThat(contoso.contoso.heldSkus(id("edsger"))).containsExactly(e3.skuId());
    }

    private static ConnectorRequest request(String url, String password, Boolean staging) {
        ConnectorRequest ad = SyncScenario.activeDirectory();
        return new ConnectorRequest(
                ad.preset(),
                url,
                null,
                null,
                ad.bindDn(),
                password,
                ad.baseDns(),
                null,
                null,
                Map.of(),
                true,
                null,
                null,
                staging);
    }

    private UserId id(String name) {
        return contoso.user(name).orElseThrow().id();
    }
}
