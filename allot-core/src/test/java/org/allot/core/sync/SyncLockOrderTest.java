package org.allot.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.allot.core.directory.UserId;
import org.allot.core.testing.InMemoryAllot;
import org.allot.core.testing.SyncScenario;
import org.junit.jupiter.api.Test;

/**
 * A run deletes, restores and updates users in id order, the order in which every unit of work locks users (see
 * docs/architecture.md), whatever order the directory lists them in: a page that locked them in the directory's order
 * would find a lock out of order whenever a request held one of its users, and be run again from the start.
 */
class SyncLockOrderTest {
    private final SyncScenario contoso = SyncScenario.contoso();
    private final InMemoryAllot allot = (InMemoryAllot) contoso.contoso.allot;

    @Test
    void usersLeavingComingBackAndChangingAreLockedInIdOrder() {
        List<String> leaving = names("leaving", 12);
        List<String> staying = names("staying", 12);
        List<String> leavingDns =
                leaving.stream().map(contoso.directory::addUser).toList();
        List<String> stayingDns =
                staying.stream().map(contoso.directory::addUser).toList();
        contoso.directory.pageSize(leaving.size() + staying.size());
        contoso.run();
        List<UserId> ids = ids(leaving);
        assertThat(ids)
                .as("the directory lists them in another order")
                .isNotEqualTo(ids.stream().sorted().toList());

        leavingDns.forEach(contoso.directory::delete);
        allot.users.locked(contoso.contoso.tenant);
        SyncRun deleting = contoso.run();

        assertThat(deleting.counts().deleted()).isEqualTo(12);
        assertThat(allot.users.locked(contoso.contoso.tenant))
                .as("users locked to be deleted")
                .containsAll(ids)
                .satisfies(SyncLockOrderTest::inLockOrder);

        leaving.forEach(contoso.directory::addUser);
        stayingDns.forEach(dn -> contoso.directory.modify(dn, "title", "Engineer"));
        allot.users.locked(contoso.contoso.tenant);
        SyncRun restoring = contoso.run();

        assertThat(restoring.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(ids).allSatisfy(id -> assertThat(allot.users
                        .find(contoso.contoso.tenant, id)
                        .orElseThrow()
                        .isDeleted())
                .isFalse());
        assertThat(staying)
                .allSatisfy(name ->
                        assertThat(contoso.user(name).orElseThrow().jobTitle()).isEqualTo("Engineer"));
        assertThat(allot.users.locked(contoso.contoso.tenant))
                .as("users locked to be restored and updated, all in one page")
                .containsAll(ids)
                .containsAll(ids(staying))
                .satisfies(SyncLockOrderTest::inLockOrder);
    }

    /** Each lock asked for is one already held or sorts after every one held: a unit of work never waits backwards. */
    private static void inLockOrder(List<? extends UserId> asked) {
        Set<UserId> held = new HashSet<>();
        UserId highest = null;
        for (UserId id : asked) {
            if (!held.contains(id)) {
                assertThat(highest == null || id.compareTo(highest) > 0)
                        .as("%s asked for after %s in %s", id, highest, asked)
                        .isTrue();
                held.add(id);
                highest = id;
            }
        }
    }

    private List<UserId> ids(List<String> names) {
        return names.stream().map(n -> contoso.user(n).orElseThrow().id()).toList();
    }

    private static List<String> names(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }
}
