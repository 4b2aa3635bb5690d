package org.allot.server.persistence;

import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import org.allot.core.assignment.AssignmentError;
import org.allot.core.assignment.AssignmentSource;
import org.allot.core.assignment.AssignmentState;
import org.allot.core.assignment.Assignments;
import org.allot.core.assignment.LicenseAssignment;
import org.allot.core.assignment.LicenseQueries;
import org.allot.core.assignment.WaitingOrder;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.allot.server.testing.PostgresInstallation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The waiting list the database serves is in the core's {@link WaitingOrder}: users waiting through several sources,
 * with group priorities and equal request times, come out of the SQL in the order the core's comparator sorts them,
 * each at their best place and with a source that gives it.
 */
class WaitingListSqlIT {
    private final Scenario contoso = Scenario.contoso();
    private final PostgresInstallation allot = (PostgresInstallation) contoso.allot;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void theDatabaseServesWaitingUsersInTheCoresOrder(long seed) {
        Random random = new Random(seed);
        contoso.subscribe(E3, 0);
        Map<AssignmentSource, Integer> priorities = new HashMap<>();
        priorities.put(AssignmentSource.DIRECT, 0);
        int[] choices = {-5, 0, 0, 7, 7};
        for (int i = 0; i < 4; i++) {
            GroupId group = contoso.aGroup("Group " + i).create();
            int priority = choices[random.nextInt(choices.length)];
            allot.licensing()
                    .groups()
                    .setPriority(contoso.admin, group, priority)
                    .value();
            priorities.put(AssignmentSource.group(group), priority);
        }
        List<AssignmentSource> sources = new ArrayList<>(priorities.keySet());
        Instant[] times = {
            Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2026-01-02T00:00:00Z"),
            Instant.parse("2026-01-03T00:00:00Z")
        };
        List<LicenseAssignment> rows = new ArrayList<>();
        Map<UserId, WaitingOrder> best = new HashMap<>();
        for (UserId user : contoso.users("waiting", 30)) {
            List<AssignmentSource> mine = new ArrayList<>(sources);
            java.util.Collections.shuffle(mine, random);
            for (AssignmentSource source : mine.subList(0, 1 + random.nextInt(3))) {
                Instant at = times[random.nextInt(times.length)];
                rows.add(new LicenseAssignment(
                        user,
                        E3.skuId(),
                        source,
                        Set.of(),
                        AssignmentState.Error,
                        AssignmentError.CountViolation,
                        "waiting",
                        at,
                        at,
                        null));
                WaitingOrder place = new WaitingOrder(user, at, priorities.get(source));
                if (!best.containsKey(user) || WaitingOrder.ORDER.compare(place, best.get(user)) < 0) {
                    best.put(user, place);
                }
            }
        }
        allot.work().run(() -> {
            allot.assignments().write(contoso.tenant, rows, List.of(), List.of());
            return null;
        });
        List<UserId> expected = best.values().stream()
                .sorted(WaitingOrder.ORDER)
                .map(WaitingOrder::user)
                .toList();

        Assignments assignments = allot.assignments();
        JdbcWaitingLists waitingLists = new JdbcWaitingLists(allot.jdbc());
        assertThat(assignments.waiting(contoso.tenant, E3.skuId(), 1000)).containsExactlyElementsOf(expected);
        List<LicenseQueries.WaitingEntry> list = waitingLists.waitingList(contoso.tenant, E3.skuId(), 0, 1000);
        assertThat(list).extracting(LicenseQueries.WaitingEntry::user).containsExactlyElementsOf(expected);
        for (int i = 0; i < expected.size(); i++) {
            UserId user = expected.get(i);
            LicenseQueries.WaitingEntry entry = list.get(i);
            assertThat(new WaitingOrder(user, entry.requestedAt(), priorities.get(entry.source())))
                    .isEqualTo(best.get(user));
            assertThat(entry.priority()).isEqualTo(best.get(user).priority());
            assertThat(waitingLists.waitingPosition(contoso.tenant, E3.skuId(), user))
                    .isEqualTo(OptionalInt.of(i + 1));
        }
        assertThat(assignments.countWaiting(contoso.tenant, E3.skuId())).isEqualTo(expected.size());
    }
}
