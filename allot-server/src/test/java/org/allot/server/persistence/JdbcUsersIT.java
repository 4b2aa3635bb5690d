package org.allot.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.allot.core.Caller;
import org.allot.core.TenantId;
import org.allot.core.assignment.LicensingSettings;
import org.allot.core.directory.User;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserId;
import org.allot.core.directory.Users;
import org.allot.core.testing.MutableClock;
import org.allot.server.testing.PostgresInstallation;
import org.allot.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** Users' extension attributes survive each way of writing users: one at a time and the bulk statements of sync. */
class JdbcUsersIT {

    @Test
    void extensionAttributesAreWrittenAndReadByTheSingleAndTheBulkStatements() {
        PostgresInstallation allot = new PostgresInstallation(
                TestDatabase.shared(),
                CatalogFiles.builtIn(),
                new LicensingSettings(200, 2_000, 2_000),
                MutableClock.startingAt("2026-01-05T09:00:00Z"));
        Caller admin = allot.newTenant("Extensions");
        TenantId tenant = admin.tenant();
        Users users = allot.users();
        Instant now = Instant.parse("2026-01-05T09:00:00Z");
        User one = User.builder(UserId.random(), "one@extensions.example", now)
                .set(UserAttribute.EXTENSION_ATTRIBUTE_1, "a \"quoted\", comma")
                .build();
        User bulk = User.builder(UserId.random(), "bulk@extensions.example", now)
                .set(UserAttribute.EXTENSION_ATTRIBUTE_15, "back\\slash {NULL}")
                .build();
        User none =
                User.builder(UserId.random(), "none@extensions.example", now).build();

        allot.work().run(() -> {
            users.add(tenant, one);
            users.addAll(tenant, List.of(bulk, none));
            return null;
        });

        assertThat(read(allot, tenant, one)).isEqualTo(one);
        assertThat(read(allot, tenant, bulk)).isEqualTo(bulk);
        assertThat(read(allot, tenant, none).extensionAttributes().isEmpty()).isTrue();

        User changed = bulk.toBuilder()
                .set(UserAttribute.EXTENSION_ATTRIBUTE_15, null)
                .set(UserAttribute.EXTENSION_ATTRIBUTE_2, "two")
                .build();
        User cleared =
                one.toBuilder().set(UserAttribute.EXTENSION_ATTRIBUTE_1, null).build();
        allot.work().run(() -> {
            users.updateAll(tenant, List.of(changed));
            users.update(tenant, cleared);
            return null;
        });

        assertThat(read(allot, tenant, changed)).isEqualTo(changed);
        assertThat(read(allot, tenant, cleared).extensionAttributes().isEmpty()).isTrue();
    }

    /**
     * A page of synced users goes in with COPY ({@link JdbcUsers#COPY_FROM} or more): every column reads back as the
     * unnested statement wrote it, whatever its text (quotes, commas, new lines, backslashes, braces, non-ASCII),
     * nulls included.
     */
    @Test
    void aPageOfSyncedUsersGoesInWithCopyAndReadsBackAsWritten() {
        PostgresInstallation allot = new PostgresInstallation(
                TestDatabase.shared(),
                CatalogFiles.builtIn(),
                new LicensingSettings(200, 2_000, 2_000),
                MutableClock.startingAt("2026-01-05T09:00:00Z"));
        TenantId tenant = allot.newTenant("Copied").tenant();
        Instant now = Instant.parse("2026-01-05T09:00:00.123456Z");
        List<User> page = new java.util.ArrayList<>();
        for (int i = 0; i < JdbcUsers.COPY_FROM + 5; i++) {
            User.Builder user = User.builder(UserId.random(), "u" + i + "@copied.example", now)
                    .onPremises("id-" + i + "\"q\",\\", i % 2 == 0 ? null : "sam" + i)
                    .onPremisesUserPrincipalName("u" + i + "@corp.example")
                    .onPremisesAttributes(new org.allot.core.directory.OnPremisesAttributes(
                            "CN=Ann \\, \"B\",OU=Zoë 名前,DC=corp", i % 3 == 0 ? null : "corp.example", null, now));
            if (i % 2 == 0) {
                user.displayName("Ann, \"the\"\nsecond {x} \\ 😀")
                        .department("R&D")
                        .set(UserAttribute.EXTENSION_ATTRIBUTE_3, "a \"quoted\", {NULL}")
                        .set(UserAttribute.ACCOUNT_ENABLED, false);
            }
            page.add(user.build());
        }

        allot.work().run(() -> {
            allot.users().addAll(tenant, page);
            return null;
        });

        for (User user : page) {
            assertThat(read(allot, tenant, user)).isEqualTo(user);
        }
    }

    private static User read(PostgresInstallation allot, TenantId tenant, User user) {
        return allot.work().run(() -> allot.users().find(tenant, user.id()).orElseThrow());
    }
}
