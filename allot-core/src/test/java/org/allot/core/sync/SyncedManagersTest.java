package org.allot.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.allot.core.ErrorCode;
import org.allot.core.Transactions;
import org.allot.core.directory.TenantLocks;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.directory.UserManagers;
import org.allot.core.directory.UserRef;
import org.allot.core.testing.InMemoryAllot;
import org.allot.core.testing.SyncScenario;
import org.junit.jupiter.api.Test;

/**
 * Directory sync maps the directory's {@code manager} (a distinguished name) to the manager's synced user once the
 * run's users are known: a manager outside the scope leaves the user without one and is no error; a change or removal
 * in the directory follows in the next run; a synced user's manager cannot be changed through the API.
 */
class SyncedManagersTest {
    private final SyncScenario contoso = SyncScenario.contoso();
    private final UserManagers managers = new UserManagers(
            Transactions.NONE,
            TenantLocks.NONE,
            contoso.contoso.allot.users(),
            contoso.managers,
            ((InMemoryAllot) contoso.contoso.allot).audit,
            contoso.contoso.allot.clock());

    private UserId id(String name) {
        return contoso.user(name).orElseThrow().id();
    }

    private Optional<UserId> managerOf(String name) {
        return contoso.managers.of(contoso.contoso.tenant, id(name));
    }

    @Test
    void managersComeFromTheDirectoryAndOnesOutsideTheScopeAreLeftEmpty() {
        // ada's manager is read after her in the same run; bob's is in no scope Allot reads
        String ada = contoso.directory.addUser("ada", "manager", "CN=grace,OU=Staff,DC=contoso,DC=com");
        String grace = contoso.directory.addUser("grace");
        contoso.directory.addUser("bob", "manager", "CN=Someone,OU=Elsewhere,DC=contoso,DC=com");

        SyncRun run = contoso.run();

        assertThat(run.counts().errors()).isZero();
        assertThat(managerOf("ada")).contains(id("grace"));
        assertThat(managerOf("bob")).isEmpty();
        assertThat(managers.manager(contoso.contoso.tenant, UserRef.of(id("ada")))
                        .value()
                        .displayName())
                .isEqualTo("grace");

        contoso.directory.modify(ada, "manager", "CN=bob,OU=Staff,DC=contoso,DC=com");
        contoso.run();
        assertThat(managerOf("ada")).as("a change follows in the next run").contains(id("bob"));

        contoso.directory.modify(ada, "manager", null);
        contoso.run();
        assertThat(managerOf("ada")).as("a removal too").isEmpty();
        assertThat(grace).isNotBlank();
    }

    @Test
    void aSyncedUsersManagerIsReadOnlyThroughTheApi() {
        contoso.directory.addUser("ada");
        contoso.directory.addUser("grace");
        contoso.run();

        var refused = managers.assign(
                contoso.admin, UserRef.of(id("ada")), id("grace").value());

        assertThat(refused.rejection().code()).isEqualTo(ErrorCode.READ_ONLY_ATTRIBUTE);
        assertThat(managerOf("ada")).isEmpty();
        User ada = contoso.user("ada").orElseThrow();
        assertThat(ada.onPremisesSyncEnabled()).isTrue();
    }

    @Test
    void aManagerLoopInTheDirectoryIsAnErrorOnItsUsersAndTheRunCarriesOn() {
        contoso.directory.addUser("ada", "manager", "CN=bob,OU=Staff,DC=contoso,DC=com");
        contoso.directory.addUser("bob", "manager", "CN=ada,OU=Staff,DC=contoso,DC=com");
        contoso.directory.addUser("cy", "manager", "CN=cy,OU=Staff,DC=contoso,DC=com");
        contoso.directory.addUser("dan", "manager", "CN=ada,OU=Staff,DC=contoso,DC=com");

        SyncRun run = contoso.run();

        assertThat(run.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(run.counts().errors()).isEqualTo(3);
        assertThat(contoso.sync.errors(contoso.contoso.tenant, run.id(), 10))
                .extracting(SyncError::object)
                .allMatch(dn -> dn.startsWith("CN=ada") || dn.startsWith("CN=bob") || dn.startsWith("CN=cy"))
                .hasSize(3);
        assertThat(contoso.sync.errors(contoso.contoso.tenant, run.id(), 10))
                .allMatch(e -> e.message().contains("would make a loop"));
        assertThat(managerOf("ada")).isEmpty();
        assertThat(managerOf("bob")).isEmpty();
        assertThat(managerOf("cy")).isEmpty();
        assertThat(managerOf("dan")).as("the other users' managers are set").contains(id("ada"));
    }
}
