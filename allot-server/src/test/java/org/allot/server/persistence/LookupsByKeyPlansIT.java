package org.allot.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.allot.core.directory.User;
import org.allot.core.directory.UserId;
import org.allot.core.testing.Scenario;
import org.allot.server.testing.PostgresInstallation;
import org.junit.jupiter.api.Test;

/**
 * A directory sync looks up a page of keys at once (5,000 immutable ids, principal names or ids), and each lookup reads
 * the index entries of its keys only, whatever plan PostgreSQL would make for the page. Planned with the page's values
 * (as PostgreSQL plans the first executions of a statement on each connection), a join of 5,000 ids with a tenant of
 * 20,000 synced users is a merge join that reads the tenant's whole index: in a first import, where no key is found,
 * every page read every synced user's entry (80,000 at 100,000 users, 350 ms a page against 50 ms). Here, 20,001
 * entries for 5,000 new immutable ids every time, and for 5,000 new principal names in one run of two, depending on the
 * statistics' sample.
 */
class LookupsByKeyPlansIT {
    private static final int SYNCED_USERS = 20_000;
    private static final int PAGE = 5_000;

    private final Scenario contoso = Scenario.contoso();
    private final PostgresInstallation allot = (PostgresInstallation) contoso.allot;

    @Test
    void aPageOfNewImmutableIdsReadsNoIndexEntryOfTheUsersAlreadySynced() {
        tenantOfSyncedUsers();
        List<String> absent = IntStream.range(0, PAGE).mapToObj(n -> "new-" + n).toList();

        long read = allot.work().run(() -> {
            Map<String, User> found = new JdbcSyncedObjects(allot.jdbc()).usersByImmutableId(contoso.tenant, absent);
            assertThat(found).isEmpty();
            return indexEntriesRead();
        });

        assertThat(read)
                .as(
                        "index entries of directory_user read to find none of %,d new ids among %,d synced users",
                        PAGE, SYNCED_USERS)
                .isLessThan(PAGE / 10);
    }

    @Test
    void aPageOfNewPrincipalNamesReadsNoIndexEntryOfTheUsersAlreadyThere() {
        tenantOfSyncedUsers();
        List<String> absent = IntStream.range(0, PAGE)
                .mapToObj(n -> "new" + n + "@contoso.example")
                .toList();

        long read = allot.work().run(() -> {
            Map<String, User> found = allot.users().findByPrincipalNames(contoso.tenant, absent);
            assertThat(found).isEmpty();
            return indexEntriesRead();
        });

        assertThat(read)
                .as(
                        "index entries of directory_user read to find none of %,d new names among %,d users",
                        PAGE, SYNCED_USERS)
                .isLessThan(PAGE / 10);
    }

    @Test
    void aPageOfKnownUsersReadsTheirEntriesOnly() {
        tenantOfSyncedUsers();
        List<UserId> known = allot.jdbc()
                .sql("select id from directory_user where tenant_id = ? and on_premises_immutable_id like 'synced-%'"
                        + " order by on_premises_immutable_id limit ?")
                .params(contoso.tenant.value(), PAGE)
                .query((rs, i) -> new UserId(SqlValues.uuid(rs, "id")))
                .list();

        long read = allot.work().run(() -> {
            assertThat(allot.users().names(contoso.tenant, known)).hasSize(PAGE);
            return indexEntriesRead();
        });

        assertThat(read)
                .as("index entries of directory_user read to name %,d of %,d users", PAGE, SYNCED_USERS)
                .isLessThanOrEqualTo(PAGE + PAGE / 10);
    }

    /** Ada's row copied as {@link #SYNCED_USERS} synced users, with the statistics autovacuum would gather. */
    private void tenantOfSyncedUsers() {
        UserId ada = contoso.user("ada");
        allot.jdbc()
                .sql("""
                        insert into directory_user
                        select (jsonb_populate_record(u, jsonb_build_object(
                            'id', gen_random_uuid(), 'user_principal_name', 'synced' || n || '@contoso.example',
                            'mail', null, 'on_premises_immutable_id', 'synced-' || lpad(n::text, 6, '0'),
                            'on_premises_sync_enabled', true))).*
                        from directory_user u, generate_series(1, ?) n where u.tenant_id = ? and u.id = ?""")
                .params(SYNCED_USERS, contoso.tenant.value(), ada.value())
                .update();
        allot.jdbc().sql("analyze directory_user").update();
    }

    /** Index entries of {@code directory_user} this transaction has read so far. */
    private long indexEntriesRead() {
        return allot.jdbc()
                .sql("select coalesce(sum(pg_stat_get_xact_tuples_returned(indexrelid)), 0) from pg_index"
                        + " where indrelid = 'directory_user'::regclass")
                .query(Long.class)
                .single();
    }
}
