package org.allot.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.testing.SyncScenario;
import org.junit.jupiter.api.Test;

/** Objects entering the scope in a delta run, and the groups that already list them. */
class EnteredObjectsTest {
    private final SyncScenario contoso = SyncScenario.contoso();

    @Test
    void theGroupsListingObjectsThatEnteredAreFoundWithOneSearchNotOnePerObject() {
        String staff = "OU=Staff,DC=contoso,DC=com";
        contoso.directory.addGroup("Engineers", "CN=ada," + staff, "CN=grace," + staff, "CN=alan," + staff);
        contoso.directory.addUser("edsger");
        contoso.run();
        int before = contoso.directory.memberSearches();

        contoso.directory.addUser("ada");
        contoso.directory.addUser("grace");
        contoso.directory.addUser("alan");
        SyncRun delta = contoso.run();

        assertThat(delta.mode()).isEqualTo(SyncMode.DELTA);
        assertThat(contoso.directory.memberSearches() - before).isEqualTo(1);
        GroupId engineers = contoso.group("Engineers").orElseThrow().id();
        for (String name : new String[] {"ada", "grace", "alan"}) {
            assertThat(contoso.contoso
                            .allot
                            .memberships()
                            .isDirectMember(
                                    contoso.contoso.tenant,
                                    engineers,
                                    Member.user(contoso.user(name).orElseThrow().id())))
                    .as(name)
                    .isTrue();
        }
    }
}
