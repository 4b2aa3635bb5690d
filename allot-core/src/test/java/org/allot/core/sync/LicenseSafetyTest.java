package org.allot.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.allot.core.catalog.Product;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.TenantPolicy;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserId;
import org.allot.core.testing.SyncScenario;
import org.allot.core.testing.TestCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Changes that would take licenses away in bulk are held like deletions: a run over either of the tenant's thresholds
 * (objects deleted, counting memberships of licensed groups removed; users who would lose a license) is blocked with
 * a preview of what it would remove.
 */
class LicenseSafetyTest {
    private final SyncScenario contoso = SyncScenario.contoso();
    private final Product e3 = TestCatalog.E3;
    private final List<String> people = List.of("ada", "grace", "alan");
    private String[] dns;

    @BeforeEach
    void threeUsers() {
        contoso.contoso.withPolicy(TenantPolicy.DEFAULT.withSyncLicenseLossThreshold(2));
        dns = people.stream().map(contoso.directory::addUser).toArray(String[]::new);
        contoso.contoso.subscribe(e3, 10);
    }

    @Test
    void emptyingALicensedGroupIsHeldWithWhoWouldLoseWhatUntilConfirmed() {
        String office = contoso.directory.addGroup("Office users", dns);
        contoso.run();
        GroupId group = license("Office users");
        contoso.contoso.withPolicy(TenantPolicy.DEFAULT.withSyncLicenseLossThreshold(1));
        contoso.contoso.update(id("ada"), UserAttribute.USAGE_LOCATION, "US").value();
        contoso.contoso.assign(id("ada"), e3).value();

        contoso.directory.setMembers(office);
        SyncRun blocked = contoso.run();

        assertThat(blocked.state()).isEqualTo(SyncRunState.BLOCKED);
        assertThat(blocked.pendingRemovals()).isEqualTo(3);
        assertThat(blocked.usersLosingLicenses())
                .as("ada keeps E3: it is assigned to her directly")
                .isEqualTo(2);
        assertThat(contoso.contoso.membersOf(group)).hasSize(3);
        assertThat(contoso.sync.licenseLosses(contoso.contoso.tenant, blocked.id(), 10))
                .extracting(LicenseLoss::userPrincipalName, LicenseLoss::product, LicenseLoss::cause)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "alan@contoso.com", e3.skuPartNumber(), "leaves Office users"),
                        org.assertj.core.groups.Tuple.tuple(
                                "grace@contoso.com", e3.skuPartNumber(), "leaves Office users"));
        assertThat(contoso.sync.pendingRemovals(contoso.contoso.tenant, blocked.id(), 10))
                .extracting(PendingRemoval::memberName)
                .containsExactly("ada@contoso.com", "alan@contoso.com", "grace@contoso.com");

        SyncRun confirmed = contoso.sync.confirm(contoso.admin, blocked.id()).value();

        assertThat(confirmed.state()).isEqualTo(SyncRunState.CONFIRMED);
        assertThat(confirmed.pendingRemovals()).isZero();
        assertThat(contoso.contoso.membersOf(group)).isEmpty();
        assertThat(contoso.contoso.heldSkus(id("grace"))).isEmpty();
        assertThat(contoso.contoso.heldSkus(id("ada"))).containsExactly(e3.skuId());
        assertThat(contoso.run().state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(contoso.contoso.membersOf(group)).isEmpty();
    }

    @Test
    void movingBetweenGroupsThatAssignTheSameProductTakesNoLicense() {
        String office = contoso.directory.addGroup("Office users", dns);
        String next = contoso.directory.addGroup("Office users 2");
        contoso.run();
        license("Office users");
        GroupId second = license("Office users 2");

        contoso.directory.setMembers(office);
        contoso.directory.setMembers(next, dns);
        SyncRun run = contoso.run();

        assertThat(run.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(contoso.contoso.membersOf(second)).hasSize(3);
        assertThat(contoso.contoso.heldSkus(id("grace"))).containsExactly(e3.skuId());
    }

    @Test
    void aNestedGroupLeavingALicensedOneIsHeldForItsMembers() {
        String engineering = contoso.directory.addGroup("Engineering", dns);
        String all = contoso.directory.addGroup("All staff", engineering);
        contoso.run();
        GroupId licensed = license("All staff");
        assertThat(contoso.contoso.heldSkus(id("alan"))).containsExactly(e3.skuId());

        contoso.directory.setMembers(all);
        SyncRun blocked = contoso.run();

        assertThat(blocked.state()).isEqualTo(SyncRunState.BLOCKED);
        assertThat(blocked.pendingRemovals()).isEqualTo(1);
        assertThat(blocked.usersLosingLicenses()).isEqualTo(3);
        assertThat(contoso.sync.pendingRemovals(contoso.contoso.tenant, blocked.id(), 10))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.memberKind()).isEqualTo(ObjectKind.GROUP);
                    assertThat(r.memberName()).isEqualTo("Engineering");
                });
        assertThat(contoso.contoso
                        .allot
                        .memberships()
                        .isDirectMember(
                                contoso.contoso.tenant,
                                licensed,
                                Member.group(contoso.group("Engineering")
                                        .orElseThrow()
                                        .id())))
                .isTrue();
    }

    @Test
    void aFewUsersLeavingALicensedGroupIsAnOrdinaryRun() {
        String office = contoso.directory.addGroup("Office users", dns);
        contoso.run();
        license("Office users");

        contoso.directory.setMembers(office, dns[0]);
        SyncRun run = contoso.run();

        assertThat(run.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(contoso.contoso.heldSkus(id("grace"))).isEmpty();
        assertThat(contoso.contoso.heldSkus(id("ada"))).containsExactly(e3.skuId());
    }

    @Test
    void deletingLicensedUsersCountsThemAsLosingTheirLicenses() {
        contoso.directory.addGroup("Office users", dns);
        contoso.run();
        license("Office users");

        people.forEach(p -> contoso.directory.delete("CN=" + p + "," + org.allot.core.testing.InMemoryDirectory.STAFF));
        SyncRun blocked = contoso.run();

        assertThat(blocked.state()).isEqualTo(SyncRunState.BLOCKED);
        assertThat(blocked.pendingDeletions()).isEqualTo(3);
        assertThat(blocked.usersLosingLicenses()).isEqualTo(3);
        assertThat(contoso.sync.licenseLosses(contoso.contoso.tenant, blocked.id(), 10))
                .extracting(LicenseLoss::cause)
                .containsOnly("the user is deleted");
    }

    private GroupId license(String group) {
        GroupId id = contoso.group(group).orElseThrow().id();
        contoso.contoso.licenseGroup(id, e3).value();
        return id;
    }

    private UserId id(String name) {
        return contoso.user(name).orElseThrow().id();
    }
}
