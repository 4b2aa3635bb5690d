package org.allot.server.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.User;
import org.allot.core.sync.ConnectorRequest;
import org.allot.core.sync.SyncMode;
import org.allot.core.sync.SyncRun;
import org.allot.core.sync.SyncRunState;
import org.allot.core.testing.TestCatalog;
import org.junit.jupiter.api.Test;

/**
 * What directory sync reads of the Active-Directory-shaped tree and what anchors it: the {@code
 * mS-DS-ConsistencyGuid} as the immutable id, critical system objects and excluded subtrees left out, and excluded
 * subtrees only under a base DN.
 */
class ActiveDirectoryScopeIT extends ActiveDirectorySyncFixture {
    @Test
    void aConsistencyGuidImmutableIdAnchorsUsersOnlyAndAUserWithoutOneKeepsItsObjectGuid() throws Exception {
        allot.connect(engineering(Map.of()));
        allot.run();
        allot.contoso.subscribe(TestCatalog.E3, 10);
        GroupId licensed = allot.groupId("Engineering");
        allot.contoso.licenseGroup(licensed, TestCatalog.E3).value();
        List<String> groups = List.of("Engineering", "Sales", "All Staff", "Newsletter");
        List<GroupId> before = groups.stream().map(allot::groupId).toList();
        User ada = allot.synced("ada.lovelace@contoso.com");
        for (String name : List.of("Grace Hopper", "Alan Turing")) {
            String dn = "CN=" + name + "," + ENGINEERING;
            directory.replaceBytes(
                    dn, "mS-DS-ConsistencyGuid", Base64.getDecoder().decode(directory.immutableId(dn)));
        }

        allot.connect(engineering(Map.of("onPremisesImmutableId", "mS-DS-ConsistencyGuid")));
        SyncRun run = allot.run();

        assertThat(run.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(run.mode()).isEqualTo(SyncMode.FULL);
        assertThat(run.counts().deleted()).isZero();
        assertThat(run.counts().added()).isZero();
        assertThat(run.counts().errors()).isZero();
        assertThat(groups.stream().map(allot::groupId).toList())
                .as("groups keep their objectGUID and their ids")
                .isEqualTo(before);
        User after = allot.synced("ada.lovelace@contoso.com");
        assertThat(after.id()).isEqualTo(ada.id());
        assertThat(after.isDeleted()).isFalse();
        assertThat(after.onPremisesImmutableId()).isEqualTo(ada.onPremisesImmutableId());
        assertThat(allot.members("Engineering")).hasSize(3);
        assertThat(allot.contoso.usersHolding(TestCatalog.E3)).isEqualTo(3);
    }

    @Test
    void criticalSystemObjectsAndExcludedSubtreesAreLeftOut() throws Exception {
        directory.add(
                "dn: CN=Administrator," + STAFF,
                "objectClass: top",
                "objectClass: person",
                "objectClass: organizationalPerson",
                "objectClass: user",
                "cn: Administrator",
                "sn: Administrator",
                "objectGUID:: 3q2+7wAAAAAAAAAAAAAAAw==",
                "sAMAccountName: Administrator",
                "userPrincipalName: administrator@contoso.com",
                "userAccountControl: 512",
                "isCriticalSystemObject: TRUE");
        directory.add(
                "dn: CN=Domain Admins," + GROUPS,
                "objectClass: top",
                "objectClass: group",
                "cn: Domain Admins",
                "objectGUID:: 3q2+7wAAAAAAAAAAAAAABA==",
                "sAMAccountName: Domain Admins",
                "groupType: -2147483646",
                "isCriticalSystemObject: TRUE",
                "member: CN=Administrator," + STAFF,
                "member: CN=Ada Lovelace," + ENGINEERING);
        allot.connect(connector(List.of(STAFF, GROUPS), Map.of(), List.of(SALES)));

        SyncRun run = allot.run();

        assertThat(run.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(allot.user("administrator@contoso.com")).isEmpty();
        assertThat(allot.group("Domain Admins")).isEmpty();
        assertThat(allot.user("joan.clarke@contoso.com"))
                .as("in the excluded OU")
                .isEmpty();
        assertThat(allot.members("Sales"))
                .as("its members are all in the excluded OU")
                .isEmpty();
        assertThat(allot.synced("ada.lovelace@contoso.com").isDeleted()).isFalse();
        assertThat(run.counts().errors())
                .as("the two Sales people in error before are out of scope now")
                .isZero();

        allot.connect(connector());
        SyncRun back = allot.run();
        assertThat(back.mode()).as("the scope changed").isEqualTo(SyncMode.FULL);
        assertThat(allot.synced("joan.clarke@contoso.com").isDeleted()).isFalse();
        assertThat(allot.group("Domain Admins")).isEmpty();
    }

    @Test
    void anExcludedSubtreeMustLieUnderABaseDn() {
        ConnectorRequest outside = connector(List.of(STAFF), Map.of(), List.of(GROUPS));

        assertThat(allot.sync
                        .configure(allot.contoso.admin, outside)
                        .rejection()
                        .message())
                .contains("is not under any of the base DNs");
    }

    /** Engineering's three people and the groups. */
    private ConnectorRequest engineering(Map<String, String> mapping) {
        return connector(List.of(ENGINEERING, GROUPS), mapping, null);
    }
}
