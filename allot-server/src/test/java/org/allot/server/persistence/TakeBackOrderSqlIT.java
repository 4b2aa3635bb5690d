package org.allot.server.persistence;

import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.allot.core.assignment.AssignmentSource;
import org.allot.core.assignment.AssignmentState;
import org.allot.core.assignment.LicenseAssignment;
import org.allot.core.assignment.SeatHolders;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.allot.server.testing.PostgresInstallation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The database lists a product's seat holders in the core's {@link SeatHolders#TAKE_BACK_ORDER}: users holding
 * through several sources (direct among them), with group priorities and equal grant times, come out of the SQL in
 * the order the core's comparator sorts them, with the same direct flag, rank and grant time.
 */
class TakeBackOrderSqlIT {
    private final Scenario contoso = Scenario.contoso();
    private final PostgresInstallation allot = (PostgresInstallation) contoso.allot;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void theDatabaseListsHoldersInTheCoresTakeBackOrder(long seed) {
        Random random = new Random(seed);
        contoso.subscribe(E3, 100);
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
        List<SeatHolders.Holder> holders = new ArrayList<>();
        for (UserId user : contoso.users("holder", 30)) {
            List<AssignmentSource> mine = new ArrayList<>(sources);
            Collections.shuffle(mine, random);
            boolean direct = false;
            Integer rank = null;
            Instant granted = Instant.MIN;
            for (AssignmentSource source : mine.subList(0, 1 + random.nextInt(3))) {
                Instant at = times[random.nextInt(times.length)];
                rows.add(new LicenseAssignment(
                        user, E3.skuId(), source, Set.of(), AssignmentState.Active, null, null, at, at, null));
                direct |= source.isDirect();
                if (!source.isDirect()) {
                    rank = rank == null ? priorities.get(source) : Math.max(rank, priorities.get(source));
                }
                granted = at.isAfter(granted) ? at : granted;
            }
            User found = allot.users().find(contoso.tenant, user).orElseThrow();
            holders.add(new SeatHolders.Holder(
                    user, found.userPrincipalName(), found.displayName(), direct, rank == null ? 0 : rank, granted));
        }
        allot.work().run(() -> {
            allot.assignments().write(contoso.tenant, rows, List.of(), List.of());
            return null;
        });
        List<SeatHolders.Holder> expected =
                holders.stream().sorted(SeatHolders.TAKE_BACK_ORDER).toList();

        JdbcCapacity capacity = new JdbcCapacity(allot.jdbc());
        assertThat(capacity.inTakeBackOrder(contoso.tenant, E3.skuId(), false, 1000))
                .containsExactlyElementsOf(expected);
        assertThat(capacity.inTakeBackOrder(contoso.tenant, E3.skuId(), true, 1000))
                .containsExactlyElementsOf(
                        expected.stream().filter(h -> !h.direct()).toList());
        assertThat(capacity.inTakeBackOrder(contoso.tenant, E3.skuId(), false, 5))
                .containsExactlyElementsOf(expected.subList(0, 5));
    }
}
