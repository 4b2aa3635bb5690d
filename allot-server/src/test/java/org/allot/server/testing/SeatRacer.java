package org.allot.server.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.TenantId;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.assignment.LicensingSettings;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.UserId;
import org.allot.core.testing.MutableClock;
import org.allot.core.testing.TestCatalog;

/**
 * A second process racing for seats on the same database: {@code SeatRacer <jdbc-url> <tenant> <sku> <group>
 * <users-file>}. Each user in the file is either joined to the group or given the SKU directly (alternately). It
 * prints READY, waits for a line on standard input, races with 16 threads, and prints its tally.
 */
public final class SeatRacer {
    public static void main(String[] args) throws Exception {
        var dataSource = TestDatabase.pool(args[0], 20);
        TenantId tenant = TenantId.of(args[1]);
        SkuId sku = SkuId.of(args[2]);
        GroupId group = GroupId.of(args[3]);
        List<UserId> users = Files.readAllLines(Path.of(args[4])).stream()
                .filter(l -> !l.isBlank())
                .map(UserId::of)
                .toList();
        PostgresInstallation allot = new PostgresInstallation(
                dataSource,
                TestCatalog.catalog(),
                new LicensingSettings(1000, 500, 1000),
                MutableClock.startingAt("2026-01-05T09:00:00Z"));
        Caller caller = Caller.of(tenant, Actor.app("racer", "second process"));
        System.out.println("READY");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();

        AtomicInteger granted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger joined = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            UserId user = users.get(i);
            boolean direct = i % 2 == 0;
            futures.add(pool.submit(() -> {
                if (direct) {
                    Outcome<?> o = allot.work().run(() -> allot.licensing()
                            .users()
                            .assign(caller, user, List.of(AssignedLicense.of(sku)), List.of(), false));
                    (o.isDone() ? granted : refused).incrementAndGet();
                } else {
                    allot.work()
                            .run(() -> allot.groupDirectory().addMember(caller, group, Member.user(user)))
                            .value();
                    joined.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        System.out.println("GRANTED " + granted + " REFUSED " + refused + " JOINED " + joined);
        dataSource.close();
    }
}
