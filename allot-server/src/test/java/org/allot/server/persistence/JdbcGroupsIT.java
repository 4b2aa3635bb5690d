package org.allot.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.allot.core.TenantId;
import org.allot.core.assignment.LicensingSettings;
import org.allot.core.directory.Group;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.OnPremisesAttributes;
import org.allot.core.testing.MutableClock;
import org.allot.server.testing.PostgresInstallation;
import org.allot.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** A page of groups written with one statement (a sync's new groups) reads back as each group was written. */
class JdbcGroupsIT {

    @Test
    void aPageOfSyncedGroupsGoesInWithOneStatementAndReadsBackAsWritten() {
        PostgresInstallation allot = new PostgresInstallation(
                TestDatabase.shared(),
                CatalogFiles.builtIn(),
                new LicensingSettings(200, 2_000, 2_000),
                MutableClock.startingAt("2026-01-05T09:00:00Z"));
        TenantId tenant = allot.newTenant("Group page").tenant();
        Instant now = Instant.parse("2026-01-05T09:00:00.123456Z");
        List<Group> page = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            page.add(new Group(
                    GroupId.random(),
                    "Team " + i + (i == 1 ? " \"quoted\", {braces} \\ Zoë 名前" : ""),
                    i == 2 ? null : "team" + i,
                    i % 2 == 0 ? null : "Description " + i,
                    i != 3,
                    false,
                    i == 4 ? Set.of("Unified", "a \"b\", {c}\\") : Set.of(),
                    null,
                    null,
                    true,
                    "group-id-" + i,
                    now,
                    i == 0 ? null : "TEAM" + i,
                    new OnPremisesAttributes(
                            null, i == 0 ? null : "corp.example", i == 1 ? "S-1-5-21-1-2-3" : null, now)));
        }

        allot.work().run(() -> {
            allot.groups().addAll(tenant, page);
            return null;
        });

        for (Group group : page) {
            assertThat(allot.work().run(() -> allot.groups().find(tenant, group.id())))
                    .contains(group);
        }
    }
}
