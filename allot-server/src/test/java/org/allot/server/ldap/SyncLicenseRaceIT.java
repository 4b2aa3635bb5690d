package org.allot.server.ldap;

import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.EMS;
import static org.allot.core.testing.TestCatalog.POWER_BI_PRO;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.ErrorCode;
import org.allot.core.Outcome;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.catalog.Product;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.Subscription;
import org.allot.core.sync.ConnectorRequest;
import org.allot.core.sync.SyncRun;
import org.allot.core.sync.SyncRunState;
import org.allot.core.testing.Scenario;
import org.allot.server.testing.DatabaseCounts;
import org.allot.server.testing.JavaProcess;
import org.allot.server.testing.LicenseOracle;
import org.allot.server.testing.LicenseRace;
import org.allot.server.testing.PostgresInstallation;
import org.allot.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Directory sync runs, full and delta, race licensing changes on the same users and groups: while a directory
 * ({@link RacingDirectory}) moves users in and out of licensed synced groups, out of the connector's scope and back,
 * deletes them and creates them again, moves them between departments that a licensed dynamic group's rule follows,
 * and nests a licensed group and takes it out, threads change what the synced
 * groups assign, give and take direct licenses of the synced users, change the products' seats and start runs of their
 * own, and background jobs process the group changes. Afterwards, once a last full run has read the directory and
 * the jobs are done, every stored license is what the rules say ({@link LicenseOracle}: sources, seat figures, no
 * product over its seats, waiting lists), every direct license and every group's licenses are what the last accepted
 * request of each left, the memberships are the directory's, no run failed and no transaction deadlocked. The seed is
 * printed; {@code -Dallot.race.seed=…} runs one again, {@code -Dallot.race.runs=…} races longer (30 runs by default).
 */
class SyncLicenseRaceIT {
    private static final List<String> GROUPS = List.of("sales", RacingDirectory.PARENT, RacingDirectory.TEAM);
    private static final List<Product> PRODUCTS = List.of(E3, EMS, POWER_BI_PRO);
    private static final int USERS = 40;
    private static final int RUNS = 30;
    private static final int FEWEST_SEATS = 10;
    private static final int MOST_SEATS = 30;

    private final TestDirectory ldap = TestDirectory.genericLdap();

    @AfterEach
    void stopDirectory() {
        ldap.close();
    }

    @Test
    void syncRunsRacingLicensingChangesNeitherLoseNorInventALicense() throws Exception {
        long seed = Long.getLong("allot.race.seed", System.nanoTime());
        System.out.println("SyncLicenseRaceIT seed " + seed + " (-Dallot.race.seed=" + seed + " runs it again)");
        Random random = new Random(seed);
        SyncTestbed allot =
                new SyncTestbed(SyncTestbed.postgres(Scenario::contosoWithBackgroundJobs), Duration.ofSeconds(30), 10);
        PostgresInstallation db = allot.allot;
        RacingDirectory directory = new RacingDirectory(ldap, GROUPS, USERS, random);
        allot.connect(connector());
        assertThat(allot.runFull().state()).isEqualTo(SyncRunState.SUCCEEDED);

        Caller api = Caller.of(allot.tenant, Actor.app("automation", "automation"));
        Map<Product, Subscription> subscriptions = new HashMap<>();
        PRODUCTS.forEach(p -> subscriptions.put(p, allot.contoso.subscribe(p, 20)));
        Map<GroupId, Set<UUID>> groupLicenses = new ConcurrentHashMap<>();
        for (int i = 0; i < GROUPS.size(); i++) {
            GroupId group = allot.groupId(GROUPS.get(i));
            Product product = PRODUCTS.get(i);
            db.work()
                    .run(() -> db.licensing()
                            .groups()
                            .assign(api, group, List.of(AssignedLicense.of(product.skuId())), List.of()))
                    .value();
            groupLicenses.put(group, new TreeSet<>(Set.of(product.skuId().value())));
        }
        GroupId legal = db.work()
                .run(() -> db.groupDirectory()
                        .create(
                                api,
                                Map.of(
                                        GroupAttribute.DISPLAY_NAME,
                                        "Legal",
                                        GroupAttribute.MEMBERSHIP_RULE,
                                        LicenseRace.LEGAL_OR_FINANCE),
                                Set.of("DynamicMembership")))
                .value()
                .id();
        db.work()
                .run(() ->
                        db.licensing().groups().assign(api, legal, List.of(AssignedLicense.of(E3.skuId())), List.of()))
                .value();
        groupLicenses.put(legal, new TreeSet<>(Set.of(E3.skuId().value())));
        List<UserId> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            UserId user = allot.synced(RacingDirectory.principalName("u" + i)).id();
            db.work()
                    .run(() -> db.userDirectory().update(api, user, Map.of(UserAttribute.USAGE_LOCATION, "US")))
                    .value();
            users.add(user);
        }
        db.runAllJobs();
        long deadlocksBefore = DatabaseCounts.deadlocks(db.jdbc());

        Map<UserId, Set<UUID>> direct = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger operations = new AtomicInteger();
        Map<String, Integer> refused = new ConcurrentHashMap<>();
        List<SyncRun> runs = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger conflicts = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        threads.add(racer("jobs", new Random(random.nextLong()), failures, stop, r -> {
            if (db.runJobs() == 0) {
                Thread.sleep(20);
            }
        }));
        threads.add(racer("second trigger", new Random(random.nextLong()), failures, stop, r -> {
            Outcome<SyncRun> run = allot.sync.runNow(allot.contoso.admin, r.nextInt(3) == 0);
            record(run, runs, conflicts);
            Thread.sleep(50 + r.nextInt(200));
        }));
        threads.add(racer("group licenses and seats", new Random(random.nextLong()), failures, stop, groupRandom -> {
            operations.incrementAndGet();
            Product product = PRODUCTS.get(groupRandom.nextInt(PRODUCTS.size()));
            if (groupRandom.nextInt(4) == 0) {
                int seats = FEWEST_SEATS + groupRandom.nextInt(MOST_SEATS - FEWEST_SEATS + 1);
                count(
                        db.work().run(() -> db.subscriptionBook()
                                .setSeats(api, subscriptions.get(product).id(), seats)),
                        refused);
                return;
            }
            GroupId group = allot.groupId(GROUPS.get(groupRandom.nextInt(GROUPS.size())));
            boolean add = groupRandom.nextBoolean();
            Outcome<?> outcome = db.work().run(() -> db.licensing()
                    .groups()
                    .assign(
                            api,
                            group,
                            add ? List.of(AssignedLicense.of(product.skuId())) : List.of(),
                            add ? List.of() : List.of(product.skuId())));
            if (count(outcome, refused)) {
                apply(groupLicenses.computeIfAbsent(group, g -> new TreeSet<>()), product, add);
            }
        }));
        for (int t = 0; t < 2; t++) {
            List<UserId> mine = users.subList(t * USERS / 2, (t + 1) * USERS / 2);
            threads.add(racer("direct licenses " + t, new Random(random.nextLong()), failures, stop, directRandom -> {
                operations.incrementAndGet();
                UserId user = mine.get(directRandom.nextInt(mine.size()));
                Product product = PRODUCTS.get(directRandom.nextInt(PRODUCTS.size()));
                boolean add = directRandom.nextInt(3) > 0;
                Outcome<?> outcome = db.work().run(() -> db.licensing()
                        .users()
                        .assign(
                                api,
                                user,
                                add ? List.of(AssignedLicense.of(product.skuId())) : List.of(),
                                add ? List.of() : List.of(product.skuId()),
                                false));
                if (count(outcome, refused)) {
                    apply(direct.computeIfAbsent(user, u -> new TreeSet<>()), product, add);
                }
            }));
        }
        JavaProcess secondServer = JavaProcess.start(
                SyncRacer.class.getName(),
                List.of(TestDatabase.jdbcUrl("postgres"), allot.tenant.toString(), String.valueOf(random.nextLong())));
        secondServer.await("READY", Duration.ofSeconds(60));
        secondServer.send("go");
        threads.forEach(Thread::start);
        List<String> changes = new ArrayList<>();
        long started = System.nanoTime();
        String theirs;
        try {
            for (int i = 0; i < Integer.getInteger("allot.race.runs", RUNS); i++) {
                int count = 1 + random.nextInt(4);
                for (int c = 0; c < count; c++) {
                    changes.add(directory.change(random));
                }
                boolean full = random.nextInt(5) < 2;
                while (!record(allot.sync.runNow(allot.contoso.admin, full), runs, conflicts)) {
                    Thread.sleep(5); // another trigger's run is under way
                }
                Thread.sleep(random.nextInt(150)); // time for the other triggers' runs
            }
        } finally {
            stop.set(true);
            secondServer.send("stop");
            for (Thread thread : threads) {
                thread.join();
            }
            theirs = secondServer.await("DONE", Duration.ofMinutes(2));
            secondServer.close();
        }
        long raced = Duration.ofNanos(System.nanoTime() - started).toMillis();

        // a reduction that committed after seats were taken leaves a legitimate overage (rule 9): the race ends at
        // the largest capacity it used, so that every waiting list is served
        subscriptions.values().forEach(s -> db.work()
                .run(() -> db.subscriptionBook().setSeats(allot.contoso.admin, s.id(), MOST_SEATS))
                .value());
        db.runAllJobs();
        SyncRun last = allot.runFull();
        db.runAllJobs();

        List<SyncRun> everyRun = allot.sync.runs(allot.tenant, 10_000);
        System.out.printf(
                "SyncLicenseRaceIT: %d ms of race, %d directory changes, %d runs in all (%s), here %d runs and %d"
                        + " refused while another ran, the second server: %s; %d licensing requests (refused: %s)%n",
                raced,
                changes.size(),
                everyRun.size(),
                everyRun.stream()
                        .collect(Collectors.groupingBy(run -> run.mode() + " " + run.state(), Collectors.counting())),
                runs.size(),
                conflicts.get(),
                theirs,
                operations.get(),
                new TreeMap<>(refused));
        System.out.printf(
                "SyncLicenseRaceIT: at the end, %d members of the dynamic group, %d users waiting for a seat%n",
                db.jdbc()
                        .sql("select count(*) from group_member_user where tenant_id = ? and group_id = ?")
                        .params(allot.tenant.value(), legal.value())
                        .query(Integer.class)
                        .single(),
                db.jdbc()
                        .sql("select coalesce(sum(waiting), 0) from seat_count where tenant_id = ?")
                        .param(allot.tenant.value())
                        .query(Integer.class)
                        .single());
        assertThat(failures).as("requests and runs that failed").isEmpty();
        assertThat(secondServer.output()).as("the second server's failures").doesNotContain("FAILURE");
        assertThat(everyRun)
                .as("runs that did not succeed")
                .filteredOn(run -> run.state() != SyncRunState.SUCCEEDED)
                .isEmpty();
        assertThat(last.state()).isEqualTo(SyncRunState.SUCCEEDED);
        assertThat(new LicenseOracle(db.jdbc(), allot.tenant, LicenseRace.RULES).differences())
                .as("differences between the stored licenses and the rules")
                .isEmpty();
        assertThat(SyncRaceRecords.storedDirect(allot, users))
                .as("direct licenses as the last accepted request of each left them")
                .isEqualTo(SyncRaceRecords.nonEmpty(direct));
        assertThat(SyncRaceRecords.storedGroupLicenses(allot))
                .as("group licenses as the last accepted request of each left them")
                .isEqualTo(SyncRaceRecords.nonEmpty(groupLicenses));
        assertThat(SyncRaceRecords.members(allot, GROUPS))
                .as("memberships after a full run")
                .isEqualTo(directory.expectedMembers());
        assertThat(SyncRaceRecords.syncedUsers(allot))
                .as("users after a full run")
                .isEqualTo(directory.expectedUsers());
        assertThat(DatabaseCounts.deadlocks(db.jdbc()) - deadlocksBefore)
                .as("deadlocks: locks are always taken in one order")
                .isZero();
    }

    private ConnectorRequest connector() {
        return new ConnectorRequest(
                "genericLdap",
                ldap.url(),
                false,
                null,
                TestDirectory.BIND_DN,
                TestDirectory.PASSWORD,
                List.of(TestDirectory.BASE),
                null,
                null,
                Map.of(),
                true,
                List.of(RacingDirectory.AWAY),
                true,
                false,
                null);
    }

    /** One step a racer repeats until told to stop, with a {@code Random} of its own. */
    private interface Step {
        void run(Random random) throws Exception;
    }

    private static Thread racer(
            String name, Random random, ConcurrentLinkedQueue<String> failures, AtomicBoolean stop, Step step) {
        return new Thread(
                () -> {
                    while (!stop.get()) {
                        try {
                            step.run(random);
                        } catch (InterruptedException e) {
                            return;
                        } catch (Exception | AssertionError e) {
                            failures.add(name + ": " + e);
                        }
                    }
                },
                name);
    }

    /** Whether the run ran (it did not if another was under way). */
    private static boolean record(Outcome<SyncRun> run, List<SyncRun> runs, AtomicInteger conflicts) {
        if (run.isDone()) {
            runs.add(run.value());
            return true;
        } else if (run.rejection().code() == ErrorCode.CONFLICT) {
            conflicts.incrementAndGet();
            return false;
        } else {
            throw new AssertionError("a run was refused: " + run.rejection().message());
        }
    }

    /** Whether the request was accepted; counts it as refused if not. */
    private static boolean count(Outcome<?> outcome, Map<String, Integer> refused) {
        if (!outcome.isDone()) {
            String why = outcome.rejection().message().replaceAll("[0-9a-f-]{36}", "…");
            refused.merge(outcome.rejection().code() + " " + why, 1, Integer::sum);
        }
        return outcome.isDone();
    }

    private static void apply(Set<UUID> skus, Product product, boolean add) {
        if (add) {
            skus.add(product.skuId().value());
        } else {
            skus.remove(product.skuId().value());
        }
    }
}
