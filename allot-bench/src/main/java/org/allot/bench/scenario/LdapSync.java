package org.allot.bench.scenario;

import com.unboundid.ldap.sdk.LDAPException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.allot.bench.harness.Database;
import org.allot.bench.harness.Fixtures;
import org.allot.bench.harness.ServerProcess;
import org.allot.bench.harness.Target;
import org.allot.bench.run.Context;
import org.allot.bench.run.Goal;
import org.allot.bench.run.Result;
import org.allot.bench.run.Stats;

/**
 * Scenario 6: directory sync from a generic LDAP directory (the UnboundID in-memory server in the harness) of U users
 * and G groups: a full sync, then a delta sync of D changes. Durations are the server's own record of the run
 * ({@code sync_run.started_at} to {@code finished_at}). The connector is written to the database (there is no REST
 * endpoint for it yet) and runs are asked for as the "sync now" button does; the server looks every 100 ms. Before
 * each full run the synced objects are removed and the checkpoint cleared, so every run reads and writes everything.
 * Baseline: the harness reading the same entries with the same paged searches.
 */
public final class LdapSync implements Scenario {

    @Override
    public String id() {
        return "sync";
    }

    @Override
    public String title() {
        return "LDAP sync: full sync, then a delta";
    }

    @Override
    public List<String> serverArguments(Context context) {
        return List.of(
                "--allot.sync.poll-interval=100ms",
                "--allot.sync.page-size=" + context.sizes().syncPageSize());
    }

    @Override
    @SuppressWarnings("JavaUtilDate") // the bench directory reads changes since a java.util.Date, as UnboundID does
    public List<Result> run(Target target, Context context) {
        int users = context.sizes().syncUsers();
        int groups = context.sizes().syncGroups();
        int changes = context.sizes().deltaChanges();
        int pageSize = context.sizes().syncPageSize();
        List<Double> full = new ArrayList<>();
        List<Double> fullBaseline = new ArrayList<>();
        List<Double> delta = new ArrayList<>();
        List<Double> deltaBaseline = new ArrayList<>();
        List<Double> listing = new ArrayList<>();
        List<Double> serverCpu = new ArrayList<>();
        List<Double> databaseCpu = new ArrayList<>();
        List<Double> directoryCpu = new ArrayList<>();
        List<Double> copyFloor = new ArrayList<>();
        Optional<ServerProcess> server = target.server();
        long started = System.nanoTime();
        try (SyncDirectory directory = "openldap".equals(context.syncDirectory())
                ? new SlapdDirectory(users, groups, target.domain(), context.seed())
                : new BenchDirectory(users, groups, target.domain(), context.seed())) {
            context.say(
                    "LDAP directory of %,d users and %,d groups built in %,.0f ms",
                    users, groups, Stats.millisSince(started));
            Map<String, Object> connector = new LinkedHashMap<>();
            connector.put("preset", "genericLdap");
            connector.put("url", directory.url());
            connector.put("startTls", false);
            if (directory.bindDn() != null) {
                connector.put("bindDn", directory.bindDn());
                connector.put("password", directory.password());
            }
            connector.put("baseDns", List.of(BenchDirectory.BASE));
            connector.put("userFilter", "(objectClass=inetOrgPerson)");
            connector.put("groupFilter", "(objectClass=groupOfNames)");
            connector.put("enabled", false);
            target.api().put("/allot/v1/directorySync/connector", connector).orFail("the sync connector");
            for (int run = -1; run < context.runs(); run++) {
                clear(target);
                double serverBefore = server.map(ServerProcess::cpuSeconds).orElse(Double.NaN);
                double databaseBefore = target.db().cpuSeconds();
                double directoryBefore = directory.cpuSeconds();
                boolean last = run == context.runs() - 1;
                if (last) {
                    target.db().resetStatements();
                }
                SyncFigures f = syncNow(target);
                double serverSeconds = server.map(ServerProcess::cpuSeconds).orElse(Double.NaN) - serverBefore;
                double databaseSeconds = target.db().cpuSeconds() - databaseBefore;
                double directorySeconds = directory.cpuSeconds() - directoryBefore;
                if (last) {
                    context.say("the last full run's statements, per user synced:");
                    target.db().topStatements(10, users).forEach(line -> context.say("  %s", line));
                }
                if (!"SUCCEEDED".equals(f.state) || f.added != users + groups) {
                    throw new IllegalStateException("full sync: " + f);
                }
                long readStarted = System.nanoTime();
                long read = directory.readAll(pageSize);
                double readMillis = Stats.millisSince(readStarted);
                double copyMillis = copyFloor(target);
                long listStarted = System.nanoTime();
                directory.listIds(pageSize);
                double listMillis = Stats.millisSince(listStarted);

                Date before = new Date(System.currentTimeMillis() - 1000);
                directory.change(changes, run + 1);
                SyncFigures d = syncNow(target);
                if (!"SUCCEEDED".equals(d.state) || !"DELTA".equals(d.mode)) {
                    throw new IllegalStateException("delta sync: " + d);
                }
                long deltaReadStarted = System.nanoTime();
                long changed = directory.readChanged(before, pageSize);
                double deltaReadMillis = Stats.millisSince(deltaReadStarted);
                context.say(
                        "%s: full %s in %,.0f ms (CPU: server %.1f s, database %.1f s, directory %.1f s; plain LDAP"
                                + " read of %,d entries %,.0f ms, their ids alone %,.0f ms); delta %s in %,.0f ms"
                                + " (plain read of %,d changed entries %,.0f ms)",
                        run < 0 ? "warm-up" : "run " + (run + 1),
                        f,
                        f.millis,
                        serverSeconds,
                        databaseSeconds,
                        directorySeconds,
                        read,
                        readMillis,
                        listMillis,
                        d,
                        d.millis,
                        changed,
                        deltaReadMillis);
                context.say(
                        "  floor of the writes: the imported users and memberships copied by COPY into tables like"
                                + " the server's (indexes, no triggers or foreign keys) in %,.0f ms, %.2f× the plain"
                                + " read",
                        copyMillis, copyMillis / readMillis);
                if (run >= 0) {
                    copyFloor.add(copyMillis);
                    full.add(f.millis);
                    fullBaseline.add(readMillis);
                    delta.add(d.millis);
                    deltaBaseline.add(deltaReadMillis);
                    listing.add(listMillis);
                    serverCpu.add(serverSeconds);
                    databaseCpu.add(databaseSeconds);
                    directoryCpu.add(directorySeconds);
                }
            }
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> details = Map.of(
                "users",
                users,
                "groups",
                groups,
                "deltaChanges",
                changes,
                "pageSize",
                pageSize,
                "preset",
                describe(context));
        List<Result> results = new ArrayList<>(List.of(
                Result.of(
                                id(),
                                String.format(Locale.ROOT, "full sync, %,d users / %,d groups", users, groups),
                                "ms",
                                full)
                        .withBaseline("plain paged LDAP read of the same entries", fullBaseline)
                        .withGoals(Goal.ratioAtMost(2))
                        .withDetails(details),
                Result.of(id(), "floor of a first import's writes: COPY of its users and memberships", "ms", copyFloor)
                        .withBaseline("plain paged LDAP read of the same entries", fullBaseline)
                        .withDetails(details),
                Result.of(id(), String.format(Locale.ROOT, "delta sync, %,d changes", changes), "ms", delta)
                        .withBaseline("plain LDAP read of the changed entries", deltaBaseline)
                        .withDetails(details),
                Result.of(
                                id(),
                                String.format(Locale.ROOT, "delta sync, %,d changes (against the ids listed)", changes),
                                "ms",
                                delta)
                        .withBaseline(
                                "plain LDAP read of the changed entries plus listing the entryUUID of every entry",
                                sum(deltaBaseline, listing))
                        .withGoals(Goal.medianAtMost(2_000), Goal.ratioAtMost(3))
                        .withDetails(details)));
        // where a full sync's time can go: on two cores, the server, its database and the directory together cannot
        // take less wall time than half their CPU, nor the database's one connection less than its own
        if (server.isPresent()) {
            results.add(Result.of(id(), "full sync: server CPU", "s", serverCpu));
        }
        results.add(Result.of(id(), "full sync: database CPU", "s", databaseCpu));
        if (directoryCpu.stream().noneMatch(v -> v.isNaN())) {
            results.add(Result.of(id(), "full sync: directory server CPU", "s", directoryCpu));
        }
        return results;
    }

    /**
     * The floor of what a first import writes, whatever the server does: the users and memberships it wrote, copied by
     * PostgreSQL's own {@code COPY} into tables made like the server's with their indexes (not the change log's
     * triggers, the foreign keys or the audit records, which the import pays for too), durably, one table a
     * transaction. An import that must write these rows cannot take less wall time than this.
     */
    private static double copyFloor(Target target) {
        Database db = target.db();
        db.update("drop table if exists bench_copied_user, bench_copied_member");
        db.update("create table bench_copied_user (like directory_user including all)");
        db.update("create table bench_copied_member (like group_member_user including all)");
        String users = db.copyOut("copy directory_user to stdout with (format csv)");
        String members = db.copyOut("copy group_member_user to stdout with (format csv)");
        long started = System.nanoTime();
        db.copy("copy bench_copied_user from stdin with (format csv)", users);
        db.copy("copy bench_copied_member from stdin with (format csv)", members);
        double millis = Stats.millisSince(started);
        db.update("drop table bench_copied_user, bench_copied_member");
        return millis;
    }

    private static List<Double> sum(List<Double> a, List<Double> b) {
        List<Double> sums = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            sums.add(a.get(i) + b.get(i));
        }
        return sums;
    }

    private static String describe(Context context) {
        return "openldap".equals(context.syncDirectory())
                ? "genericLdap (OpenLDAP slapd, mdb)"
                : "genericLdap (UnboundID in-memory server)";
    }

    /** Removes what earlier runs synced and the checkpoint, so that the next run is a full one that adds it all. */
    private static void clear(Target target) {
        var t = target.tenant();
        target.db().update("delete from license_assignment where tenant_id = ?", t);
        target.db().update("delete from group_member_user where tenant_id = ?", t);
        target.db().update("delete from group_member_group where tenant_id = ?", t);
        target.db().update("delete from directory_group where tenant_id = ? and on_premises_sync_enabled", t);
        target.db().update("delete from directory_user where tenant_id = ? and on_premises_sync_enabled", t);
        target.db().update("""
                        update sync_connector set watermark_strategy = null, watermark_value = null,
                            watermark_server = null, settings_fingerprint = null, last_full_sync_at = null
                        where tenant_id = ?""", t);
        target.db().update("vacuum analyze directory_user");
        target.db().update("vacuum analyze group_member_user");
    }

    private record SyncFigures(String mode, String state, long added, long updated, long errors, double millis) {
        @Override
        public String toString() {
            return mode + " " + state + " +" + added + " ~" + updated + " !" + errors;
        }
    }

    /** Asks for a run as the admin center's "sync now" does (REST), and waits for the server to record its end. */
    private static SyncFigures syncNow(Target target) {
        var t = target.tenant();
        long before = target.db().queryLong("select count(*) from sync_run where tenant_id = ?", t);
        target.api().post("/allot/v1/directorySync/runs", Map.of()).orFail("sync now");
        Fixtures.await(
                () -> target.db()
                                .queryLong(
                                        "select count(*) from sync_run where tenant_id = ? and state <> 'RUNNING'", t)
                        > before,
                Duration.ofMillis(50),
                Duration.ofMinutes(60),
                "the sync run");
        String row = target.db().queryString("""
                        select coalesce(mode, '') || '|' || state || '|' || added || '|' || updated || '|' || errors
                               || '|' || extract(epoch from finished_at - started_at) * 1000
                        from sync_run where tenant_id = ? order by started_at desc limit 1""", t);
        String[] f = row.split("\\|");
        return new SyncFigures(
                f[0], f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]), Double.parseDouble(f[5]));
    }
}
