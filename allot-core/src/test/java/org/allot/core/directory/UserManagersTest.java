package org.allot.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.core.ErrorCode;
import org.allot.core.Transactions;
import org.allot.core.audit.Activity;
import org.allot.core.audit.PropertyChange;
import org.allot.core.testing.InMemoryAuditLog;
import org.allot.core.testing.InMemoryManagers;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/** A user's manager (Graph's {@code /users/{id}/manager}): set, read, replaced and removed, audited; bad ones refused. */
class UserManagersTest {
    private final Scenario contoso = Scenario.contoso();
    private final InMemoryManagers links = new InMemoryManagers();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final UserManagers managers = new UserManagers(
            Transactions.NONE, TenantLocks.NONE, contoso.allot.users(), links, audit, contoso.allot.clock());

    @Test
    void aManagerIsSetReadReplacedAndRemovedAndEachChangeIsAudited() {
        UserId ada = contoso.user("ada");
        UserId grace = contoso.user("grace");
        UserId bob = contoso.user("bob");

        assertThat(managers.manager(contoso.tenant, UserRef.of(ada)).rejection().message())
                .isEqualTo("Resource 'manager' does not exist or one of its queried reference-property objects are"
                        + " not present.");
        managers.assign(contoso.admin, UserRef.of(ada), grace.value()).value();
        assertThat(managers.manager(contoso.tenant, UserRef.of("ada@contoso.com"))
                        .value()
                        .id())
                .isEqualTo(grace);
        managers.assign(contoso.admin, UserRef.of(ada), bob.value()).value();
        managers.assign(contoso.admin, UserRef.of(ada), bob.value()).value();
        assertThat(managers.managersOf(contoso.tenant, List.of(ada, grace))).containsOnlyKeys(ada);
        managers.remove(contoso.admin, UserRef.of(ada)).value();

        assertThat(managers.remove(contoso.admin, UserRef.of(ada)).rejection().code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(audit.events())
                .as("a change that changes nothing is not audited")
                .allMatch(e -> e.activity() == Activity.UPDATE_USER)
                .extracting(e -> e.changes().get(0))
                .containsExactly(
                        new PropertyChange("Manager", null, grace.toString()),
                        new PropertyChange("Manager", grace.toString(), bob.toString()),
                        new PropertyChange("Manager", bob.toString(), null));
    }

    @Test
    void aManagerIsAnotherUserOfTheTenantThatIsNotDeleted() {
        UserId ada = contoso.user("ada");
        UserId gone = contoso.user("gone");
        contoso.allot.userDirectory().delete(contoso.admin, gone).value();

        assertThat(managers.assign(contoso.admin, UserRef.of(ada), ada.value())
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(managers.assign(contoso.admin, UserRef.of(ada), UUID.randomUUID())
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(managers.assign(contoso.admin, UserRef.of(ada), gone.value())
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(managers.assign(contoso.admin, UserRef.of(UserId.random()), ada.value())
                        .rejection()
                        .code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(links.ofAll(contoso.tenant, List.of(ada))).isEqualTo(Map.of());
        assertThat(audit.events()).isEmpty();
    }

    @Test
    void aManagerThatWouldMakeALoopIsRefusedWithTheChainExplained() {
        UserId ada = contoso.user("ada");
        UserId bob = contoso.user("bob");
        UserId cy = contoso.user("cy");
        managers.assign(contoso.admin, UserRef.of(bob), ada.value()).value();
        managers.assign(contoso.admin, UserRef.of(cy), bob.value()).value();

        var twoWay = managers.assign(contoso.admin, UserRef.of(ada), bob.value());
        var threeWay = managers.assign(contoso.admin, UserRef.of(ada), cy.value());
        var self = managers.assign(contoso.admin, UserRef.of(ada), ada.value());

        assertThat(twoWay.rejection().code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(twoWay.rejection().message())
                .contains("bob@contoso.com cannot be the manager of ada@contoso.com", "loop");
        assertThat(threeWay.rejection().message()).contains("cy@contoso.com cannot be the manager", "loop");
        assertThat(self.rejection().message()).isEqualTo("A user cannot be their own manager.");
        assertThat(links.ofAll(contoso.tenant, List.of(ada, bob, cy))).isEqualTo(Map.of(bob, ada, cy, bob));
        assertThat(managers.assign(contoso.admin, UserRef.of(cy), ada.value()).isDone())
                .as("a chain without a loop is fine")
                .isTrue();
    }
}
