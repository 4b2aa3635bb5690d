package org.allot.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.bench.harness.Api;
import org.allot.bench.harness.Fixtures;
import org.allot.bench.harness.ServerProcess;
import org.allot.bench.harness.Target;
import org.allot.bench.run.Context;
import org.allot.bench.run.Goal;
import org.allot.bench.run.Result;
import org.allot.bench.run.Stats;
import tools.jackson.databind.JsonNode;

/**
 * Scenario 5: a directory of U users and G groups (each user in two groups, one in three holding a direct license).
 * Measures the server's memory (RSS, and heap after a full GC, against the same figures of the server just started),
 * listing users filtered by SKU with {@code $count} (against PostgreSQL counting the same rows itself), and the
 * latency of the following pages.
 */
public final class DirectoryScale implements Scenario {
    private static final String SKU = "ENTERPRISEPACK";
    private static final double MIB = 1024.0 * 1024.0;

    @Override
    public String id() {
        return "directory";
    }

    @Override
    public String title() {
        return "Directory scale: memory, users filtered by SKU with $count, page latency";
    }

    @Override
    public List<Result> run(Target target, Context context) {
        int users = context.sizes().directoryUsers();
        int groups = context.sizes().directoryGroups();
        ServerProcess server = target.server().orElse(null);
        double rssStart = server == null ? Double.NaN : server.residentBytes() / MIB;
        double heapStart = server == null ? Double.NaN : server.heapAfterGc() / MIB;

        Fixtures fx = new Fixtures(target);
        fx.subscribe(SKU, users);
        UUID sku = fx.sku(SKU);
        long loadStarted = System.nanoTime();
        load(target, context.prefix(id(), 0), users, groups, sku);
        long licensed = fx.count(
                "select count(*) from license_assignment where tenant_id = ? and sku_id = ?", target.tenant(), sku);
        context.say(
                "loaded %,d users, %,d groups, %,d licensed in %,.0f s",
                users, groups, licensed, Stats.millisSince(loadStarted) / 1000);

        List<Double> list = new ArrayList<>();
        List<Double> count = new ArrayList<>();
        List<Double> page = new ArrayList<>();
        List<Double> firstPage = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        List<Double> heap = new ArrayList<>();
        String filter = Api.encode("assignedLicenses/any(x:x/skuId eq " + sku + ")");
        for (int run = -1; run < context.runs(); run++) {
            long started = System.nanoTime();
            JsonNode body = target.api()
                    .getEventual("/v1.0/users?$filter=" + filter + "&$count=true&$top=100&$select=id,displayName")
                    .orFail("GET /users filtered by SKU")
                    .body();
            double listMillis = Stats.millisSince(started);
            long counted = body.path("@odata.count").asLong();
            if (counted != licensed) {
                throw new IllegalStateException("@odata.count " + counted + ", expected " + licensed);
            }
            List<Double> pages = new ArrayList<>();
            String next = body.path("@odata.nextLink").asString(null);
            for (int p = 0; p < context.sizes().pages() && next != null; p++) {
                long pageStarted = System.nanoTime();
                JsonNode more =
                        target.api().getEventual(next).orFail("next page").body();
                pages.add(Stats.millisSince(pageStarted));
                next = more.path("@odata.nextLink").asString(null);
            }
            long plainStarted = System.nanoTime();
            target.api().get("/v1.0/users?$top=100").orFail("GET /users");
            double plain = Stats.millisSince(plainStarted);

            long sqlStarted = System.nanoTime();
            long sqlCount = target.db().queryLong("""
                            select count(*) from directory_user u
                            where u.tenant_id = ? and u.deleted_at is null and exists (
                                select 1 from license_assignment a
                                where a.tenant_id = u.tenant_id and a.user_id = u.id and a.sku_id = ?
                                  and a.state in ('Active', 'ActiveWithError'))""", target.tenant(), sku);
            double sqlMillis = Stats.millisSince(sqlStarted);
            double rssNow = server == null ? Double.NaN : server.residentBytes() / MIB;
            double heapNow = server == null ? Double.NaN : server.heapAfterGc() / MIB;
            context.say(
                    "%s: filtered list with $count %,.0f ms (SQL count(*) %,.0f ms, %,d); next pages median %.1f ms;"
                            + " first page unfiltered %.1f ms; RSS %,.0f MiB, heap after GC %,.0f MiB",
                    run < 0 ? "warm-up" : "run " + (run + 1),
                    listMillis,
                    sqlMillis,
                    sqlCount,
                    Stats.median(pages),
                    plain,
                    rssNow,
                    heapNow);
            if (run >= 0) {
                list.add(listMillis);
                count.add(sqlMillis);
                page.add(Stats.median(pages));
                firstPage.add(plain);
                rss.add(rssNow);
                heap.add(heapNow);
            }
        }
        Map<String, Object> details = Map.of("users", users, "groups", groups, "licensed", licensed);
        List<Result> results = new ArrayList<>();
        results.add(Result.of(id(), "users filtered by SKU, $count, first page", "ms", list)
                .withBaseline("SQL count(*) of the same users", count)
                .withDetails(details));
        results.add(Result.of(id(), "users filtered by SKU, next pages (median)", "ms", page)
                .withDetails(details));
        results.add(
                Result.of(id(), "users, first page, no filter", "ms", firstPage).withDetails(details));
        if (server != null) {
            results.add(Result.of(id(), "server heap after GC", "MiB", heap)
                    .withBaseline("heap after GC of the empty server", List.of(heapStart))
                    .withGoals(Goal.medianAtMost(1024))
                    .withDetails(details));
            results.add(Result.of(id(), "server RSS", "MiB", rss)
                    .withBaseline("RSS of the empty server", List.of(rssStart))
                    .withDetails(details));
        }
        return results;
    }

    private static void load(Target target, String prefix, int users, int groups, UUID sku) {
        new Fixtures(target).addUsers(prefix, users);
        target.db().update("""
                        insert into directory_group (tenant_id, id, display_name, mail_nickname, security_enabled,
                            mail_enabled, group_types, on_premises_sync_enabled, created_at)
                        select ?, md5(? || 'group' || g)::uuid, 'Group ' || g, 'group' || g, true, false, '{}', false,
                               now()
                        from generate_series(1, ?) g""", target.tenant(), prefix, groups);
        target.db().update("""
                        insert into group_member_user (tenant_id, group_id, user_id)
                        select ?, md5(? || 'group' || (1 + (i * k) % ?))::uuid, md5(? || i)::uuid
                        from generate_series(1, ?) i, (values (1), (7)) m(k)
                        on conflict do nothing""", target.tenant(), prefix, groups, prefix, users);
        target.db().update("""
                        insert into license_assignment (tenant_id, user_id, sku_id, source_group_id, disabled_plans,
                            state, requested_at, updated_at)
                        select ?, md5(? || i)::uuid, ?, '00000000-0000-0000-0000-000000000000', '{}', 'Active', now(),
                               now()
                        from generate_series(3, ?, 3) i""", target.tenant(), prefix, sku, users);
        target.db().update("""
                        update seat_count set consumed = (
                            select count(*) from license_assignment where tenant_id = ? and sku_id = ?)
                        where tenant_id = ? and sku_id = ?""", target.tenant(), sku, target.tenant(), sku);
        target.db().update("vacuum analyze directory_user");
        target.db().update("vacuum analyze group_member_user");
        target.db().update("vacuum analyze license_assignment");
        target.db().update("analyze directory_group");
    }
}
