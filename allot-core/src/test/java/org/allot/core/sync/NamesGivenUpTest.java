package org.allot.core.sync;

import static org.allot.core.testing.InMemoryDirectory.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.allot.core.directory.User;
import org.allot.core.testing.InMemoryDirectory;
import org.allot.core.testing.SyncScenario;
import org.junit.jupiter.api.Test;

/**
 * Users whose principal name another user gives up later in the same run (deleted, or renamed on a later page): the
 * run writes them again once the name is free, rather than reporting the name as taken.
 */
class NamesGivenUpTest {
    private final SyncScenario contoso = SyncScenario.contoso();

    @Test
    void anAccountDeletedAndCreatedAgainBeforeADeltaSyncsInThatDelta() {
        contoso.directory.addUser("erin");
        contoso.run();
        User before = contoso.user("erin").orElseThrow();
        contoso.directory.delete("CN=erin," + STAFF);
        contoso.directory.addUser("erin", "objectGUID", InMemoryDirectory.guidOf("erin, created again"));

        SyncRun delta = contoso.run();

        assertThat(delta.mode()).isEqualTo(SyncMode.DELTA);
        assertThat(contoso.sync.errors(contoso.contoso.tenant, delta.id(), 10)).isEmpty();
        assertThat(delta.counts().added()).isEqualTo(1);
        assertThat(delta.counts().deleted()).isEqualTo(1);
        User again = contoso.user("erin").orElseThrow();
        assertThat(again.id()).isNotEqualTo(before.id());
        assertThat(again.isDeleted()).isFalse();
        User recycled = contoso.contoso
                .allot
                .users()
                .find(contoso.contoso.tenant, before.id())
                .orElseThrow();
        assertThat(recycled.isDeleted()).isTrue();
        assertThat(recycled.userPrincipalName()).endsWith("erin@contoso.com").isNotEqualTo("erin@contoso.com");
    }

    @Test
    void aUserTakingTheNameAUserOnALaterPageGivesUpGetsItInTheSameRun() {
        String carol = contoso.directory.addUser("carol");
        String dave = contoso.directory.addUser("dave");
        String bob = contoso.directory.addUser("bob");
        contoso.run();
        User carolBefore = contoso.user("carol").orElseThrow();
        User bobBefore = contoso.user("bob").orElseThrow();
        contoso.directory.modify(carol, "userPrincipalName", "bob@contoso.com");
        contoso.directory.modify(dave, "title", "Lead");
        contoso.directory.modify(bob, "userPrincipalName", "robert@contoso.com");

        SyncRun delta = contoso.run();

        assertThat(contoso.sync.errors(contoso.contoso.tenant, delta.id(), 10))
                .as("carol, on the first page, is written again once bob, on the second, gave the name up")
                .isEmpty();
        assertThat(contoso.user("bob").orElseThrow().id()).isEqualTo(carolBefore.id());
        assertThat(contoso.user("robert").orElseThrow().id()).isEqualTo(bobBefore.id());
        assertThat(delta.counts().updated()).isEqualTo(3);
    }

    @Test
    void aNameThatStaysTakenIsAnErrorOnce() {
        contoso.directory.addUser("frank");
        String gina = contoso.directory.addUser("gina");
        contoso.run();
        contoso.directory.modify(gina, "userPrincipalName", "frank@contoso.com");

        SyncRun delta = contoso.run();

        UUID frank = contoso.user("frank").orElseThrow().id().value();
        assertThat(contoso.sync.errors(contoso.contoso.tenant, delta.id(), 10))
                .singleElement()
                .satisfies(e -> assertThat(e.message())
                        .as("Graph's message, then the user that has the name")
                        .isEqualTo("Another object with the same value for property userPrincipalName already exists."
                                + " It is the name of the synced user frank@contoso.com (" + frank + "), from"
                                + " CN=frank,OU=Staff,DC=contoso,DC=com: give one of them another name in the"
                                + " directory."));
        assertThat(delta.counts().errors()).isEqualTo(1);
        assertThat(contoso.user("gina")).isPresent();
    }
}
