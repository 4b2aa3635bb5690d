package org.allot.server.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.allot.core.Actor;
import org.allot.core.audit.Activity;
import org.allot.core.audit.AuditEvent;
import org.allot.core.directory.User;
import org.allot.core.sync.SyncCounts;
import org.allot.core.sync.SyncMode;
import org.allot.core.sync.SyncRun;
import org.allot.core.sync.SyncRunState;
import org.junit.jupiter.api.Test;

/**
 * Directory sync from an Active-Directory-shaped tree (ldap/ad-contoso.ldif) served by the UnboundID in-memory
 * server with Active Directory's update sequence numbers and range retrieval emulated, into Allot on PostgreSQL: what
 * a full run brings over, large member lists read in ranges, and synced objects read-only in Allot. The runs after it:
 * {@link ActiveDirectoryChangesIT}; what is read and what anchors it: {@link ActiveDirectoryScopeIT}.
 */
class ActiveDirectorySyncIT extends ActiveDirectorySyncFixture {
    @Test
    void aFullSyncBringsUsersAndGroupsOverWithNoUsageLocationAndNoLicense() throws Exception {
        allot.connect(connector());

        SyncRun run = allot.run();

        assertThat(run.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(run.mode()).isEqualTo(SyncMode.FULL);
        assertThat(run.counts()).isEqualTo(new SyncCounts(1607 + 4, 0, 0, 0, 0));
        assertThat(allot.syncedUsers()).isEqualTo(1607);

        User ada = allot.synced("ada.lovelace@contoso.com");
        assertThat(ada.onPremisesSyncEnabled()).isTrue();
        assertThat(ada.onPremisesImmutableId())
                .isEqualTo(directory.immutableId("CN=Ada Lovelace," + ENGINEERING))
                .isEqualTo("ByPfzdWYz1qUYc4ttCTbvA==");
        assertThat(ada.onPremisesSamAccountName()).isEqualTo("ada");
        assertThat(ada.displayName()).isEqualTo("Ada Lovelace");
        assertThat(ada.givenName()).isEqualTo("Ada");
        assertThat(ada.surname()).isEqualTo("Lovelace");
        assertThat(ada.mail()).isEqualTo("ada.lovelace@contoso.com");
        assertThat(ada.department()).isEqualTo("Engineering");
        assertThat(ada.jobTitle()).isEqualTo("Analyst");
        assertThat(ada.companyName()).isEqualTo("Contoso");
        assertThat(ada.city()).isEqualTo("London");
        assertThat(ada.country()).isEqualTo("GB");
        assertThat(ada.employeeId()).isEqualTo("E1815");
        assertThat(ada.accountEnabled()).isTrue();
        assertThat(ada.usageLocation()).isNull();
        assertThat(allot.contoso.heldSkus(ada.id())).isEmpty();
        assertThat(allot.synced("alan.turing@contoso.com").accountEnabled()).isFalse();
        assertThat(allot.synced("grace.hopper@contoso.com").accountEnabled()).isTrue();
        assertThat(allot.user("WKS-0042")).isEmpty();

        assertThat(allot.members("Engineering"))
                .containsExactlyInAnyOrder(
                        "ada.lovelace@contoso.com", "grace.hopper@contoso.com", "alan.turing@contoso.com");
        String initial =
                allot.allot.tenantDirectory().find(allot.tenant).orElseThrow().initialDomain();
        assertThat(allot.members("Sales"))
                .containsExactlyInAnyOrder(
                        "joan.clarke@contoso.com",
                        "katherine.johnson@contoso.com",
                        "noprincipal@" + initial,
                        "contractor@" + initial);
        assertThat(allot.members("All Staff"))
                .as("1,600 staff read in ranges of 1,500, and two nested teams")
                .hasSize(1602)
                .contains("Engineering", "Sales", "staff0001@contoso.com", "staff1600@contoso.com");
        assertThat(allot.group("All Staff").orElseThrow().onPremisesSyncEnabled())
                .isTrue();
        assertThat(allot.group("All Staff").orElseThrow().description())
                .isEqualTo("Nested teams and the whole bulk OU");
        assertThat(allot.group("Newsletter").orElseThrow().securityEnabled()).isFalse();

        assertThat(allot.sync.errors(allot.tenant, run.id(), 10))
                .as("a user without a userPrincipalName, and one of a domain the tenant has not verified, come over"
                        + " on the tenant's initial domain")
                .isEmpty();
        assertThat(allot.synced("noprincipal@" + initial).onPremisesUserPrincipalName())
                .isNull();
        assertThat(allot.synced("contractor@" + initial).onPremisesUserPrincipalName())
                .isEqualTo("contractor@fabrikam.local");

        List<AuditEvent> audit = allot.contoso.auditEvents();
        assertThat(audit)
                .filteredOn(e -> e.activity() == Activity.ADD_USER)
                .hasSize(1607)
                .allSatisfy(e -> assertThat(e.actor()).isEqualTo(Actor.DIRECTORY_SYNC));
        assertThat(audit)
                .filteredOn(e -> e.activity() == Activity.FINISH_DIRECTORY_SYNC)
                .singleElement()
                .satisfies(e -> assertThat(e.actor().displayName()).isEqualTo("directory sync"));
    }

    @Test
    void largeMemberListsAreReadSliceBySliceWhateverTheRangeSize() {
        directory.emulation().maxValRange(400);
        allot.connect(connector());

        allot.run();

        assertThat(allot.members("All Staff")).hasSize(1602);
    }

    @Test
    void syncedObjectsStayReadOnlyInAllot() {
        allot.connect(connector());
        allot.run();
        User ada = allot.synced("ada.lovelace@contoso.com");

        assertThat(allot.contoso
                        .update(ada.id(), org.allot.core.directory.UserAttribute.JOB_TITLE, "CEO")
                        .rejection()
                        .message())
                .contains("on-premises mastered");
        assertThat(allot.contoso
                        .leave(allot.groupId("Engineering"), ada.id())
                        .rejection()
                        .message())
                .contains("on-premises mastered");
        assertThat(allot.contoso
                        .update(ada.id(), org.allot.core.directory.UserAttribute.USAGE_LOCATION, "GB")
                        .isDone())
                .isTrue();
    }
}
