package org.allot.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
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
        PostgresInstallation allot = installation();
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
        PostgresInstallation allot = installation();
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

    /**
     * A page whose COPY text takes several of {@link PgCopy}'s buffers (names with characters of two, three and four
     * bytes, so that some fall across the end of a buffer) reads back as written.
     */
    @Test
    void aPageLongerThanOneCopyBufferReadsBackAsWritten() {
        PostgresInstallation allot = installation();
        TenantId tenant = allot.newTenant("Long page").tenant();
        Instant now = Instant.parse("2026-01-05T09:00:00.5Z");
        List<User> page = new java.util.ArrayList<>();
        for (int i = 0; i < 700; i++) {
            page.add(User.builder(UserId.random(), "long" + i + "@long.example", now)
                    .displayName("Zoë " + "名前😀".repeat(i % 7) + " \"" + i + "\"")
                    .department("é".repeat(i % 13))
                    .onPremises("long-" + i, "sam" + i)
                    .build());
        }

        allot.work().run(() -> {
            allot.users().addAll(tenant, page);
            return null;
        });

        for (User user : page) {
            assertThat(read(allot, tenant, user)).isEqualTo(user);
        }
    }

    /** What an audit record names users by is read without their other values: unknown ids are left out. */
    @Test
    void namesAreReadForTheUsersThatExistDeletedOrNot() {
        PostgresInstallation allot = installation();
        TenantId tenant = allot.newTenant("Names").tenant();
        Instant now = Instant.parse("2026-01-05T09:00:00Z");
        User kept = User.builder(UserId.random(), "Kept@names.example", now).build();
        User gone = User.builder(UserId.random(), "gone@names.example", now)
                .deletedDateTime(now)
                .build();
        UserId unknown = UserId.random();

        java.util.Map<UserId, Users.Named> names = allot.work().run(() -> {
            allot.users().addAll(tenant, List.of(kept, gone));
            return allot.users().names(tenant, List.of(kept.id(), unknown, gone.id()));
        });

        assertThat(names)
                .containsOnly(
                        java.util.Map.entry(kept.id(), new Users.Named(kept.id(), "Kept@names.example", false)),
                        java.util.Map.entry(gone.id(), new Users.Named(gone.id(), "gone@names.example", true)));
    }

    /**
     * Fewer users than a page ({@link JdbcUsers#COPY_FROM}) go in with one statement, not COPY: a data source for
     * COPY that refuses every connection is never asked.
     */
    @Test
    void fewerUsersThanAPageGoInWithOneStatement() {
        PostgresInstallation allot = installation();
        TenantId tenant = allot.newTenant("Few").tenant();
        Users withoutCopy = new JdbcUsers(allot.jdbc(), refusing());
        Instant now = Instant.parse("2026-01-05T09:00:00Z");
        List<User> few = new java.util.ArrayList<>();
        for (int i = 0; i < JdbcUsers.COPY_FROM - 1; i++) {
            few.add(User.builder(UserId.random(), "u" + i + "@few.example", now).build());
        }

        allot.work().run(() -> {
            withoutCopy.addAll(tenant, few.subList(0, 1));
            withoutCopy.addAll(tenant, few.subList(1, 3));
            withoutCopy.addAll(tenant, few.subList(3, few.size()));
            return null;
        });

        for (User user : few) {
            assertThat(read(allot, tenant, user)).isEqualTo(user);
        }
    }

    /** A data source whose every connection is refused (it is only compared and hashed, as a transaction's key). */
    private static DataSource refusing() {
        return (DataSource) Proxy.newProxyInstance(
                JdbcUsersIT.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    return switch (method.getName()) {
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "a data source that refuses connections";
                        default -> throw new IllegalStateException("COPY's data source asked: " + method.getName());
                    };
                });
    }

    private static PostgresInstallation installation() {
        return new PostgresInstallation(
                TestDatabase.shared(),
                CatalogFiles.builtIn(),
                new LicensingSettings(200, 2_000, 2_000),
                MutableClock.startingAt("2026-01-05T09:00:00Z"));
    }

    private static User read(PostgresInstallation allot, TenantId tenant, User user) {
        return allot.work().run(() -> allot.users().find(tenant, user.id()).orElseThrow());
    }
}
