package org.allot.server.testing;

import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.EMS;
import static org.allot.core.testing.TestCatalog.POWER_BI_PRO;
import static org.allot.core.testing.TestCatalog.SWAY;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.TenantId;
import org.allot.core.assignment.AssignedLicense;
import org.allot.core.assignment.LicensingSettings;
import org.allot.core.catalog.Product;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.Member;
import org.allot.core.directory.UserAttribute;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.SubscriptionId;
import org.allot.core.subscription.SubscriptionStatus;
import org.allot.core.testing.MutableClock;
import org.allot.core.testing.TestCatalog;
import org.allot.core.unit.UnitId;

/**
 * Random license-affecting changes to one tenant, each in its own transaction as the server runs requests: members
 * joining and leaving nested and overlapping licensed groups, direct licenses assigned and removed, usage locations
 * and departments (a dynamic group's rule) changed, users deleted, restored and purged, seats changed, the dynamic
 * rule edited, group licenses and nesting changed; in a tenant set up {@link #setUpWithPools with allotments}, also
 * users joining and leaving administrative units and the pools' caps, order and named pool changed, pools deleted and
 * created ({@link RacePools}). Used by threads of a test and, through {@link #main}, by a second process on the same
 * database: {@code LicenseRace <jdbc-url> <layout-file> <seed> <threads> <operations-each>}.
 */
public final class LicenseRace {
    public static final String LEGAL = "user.department -eq \"Legal\"";
    public static final String LEGAL_OR_FINANCE = "user.department -in [\"Legal\",\"Finance\"]";

    /** The rules the dynamic group may have, as the oracle understands them. */
    public static final Map<String, Predicate<String>> RULES =
            Map.of(LEGAL, "Legal"::equals, LEGAL_OR_FINANCE, d -> "Legal".equals(d) || "Finance".equals(d));

    /** Seats a subscription may have during the race; it ends at the highest. */
    public static final int FEWEST_SEATS = 6;

    public static final int MOST_SEATS = 30;

    private static final List<Product> PRODUCTS = List.of(E3, EMS, POWER_BI_PRO);
    /** The days EMS holds a removed license. */
    static final int GRACE_DAYS = 30;

    private static final List<String> DEPARTMENTS = List.of("Legal", "Finance", "Sales", "Support");

    /** The tenant's users, groups and subscriptions, as ids both processes read. */
    public record Layout(
            TenantId tenant,
            List<UserId> users,
            GroupId sales,
            GroupId staff,
            GroupId mobile,
            GroupId analysts,
            GroupId legal,
            List<SubscriptionId> subscriptions,
            List<UnitId> units) {

        List<GroupId> staticGroups() {
            return List.of(sales, staff, mobile, analysts);
        }

        /** Whether products are split into allotments ({@link RacePools}): units North and South exist. */
        public boolean pooled() {
            return !units.isEmpty();
        }

        public void write(Path file) throws java.io.IOException {
            List<String> lines = new ArrayList<>();
            lines.add(tenant.value().toString());
            lines.add(String.join(
                    ",",
                    List.of(sales, staff, mobile, analysts, legal).stream()
                            .map(GroupId::toString)
                            .toList()));
            lines.add(String.join(
                    ",", subscriptions.stream().map(s -> s.value().toString()).toList()));
            lines.add(String.join(
                    ",", units.stream().map(u -> u.value().toString()).toList()));
            users.forEach(u -> lines.add(u.toString()));
            Files.write(file, lines);
        }

        public static Layout read(Path file) throws java.io.IOException {
            List<String> lines = Files.readAllLines(file);
            String[] groups = lines.get(1).split(",");
            return new Layout(
                    TenantId.of(lines.get(0)),
                    lines.subList(4, lines.size()).stream().map(UserId::of).toList(),
                    GroupId.of(groups[0]),
                    GroupId.of(groups[1]),
                    GroupId.of(groups[2]),
                    GroupId.of(groups[3]),
                    GroupId.of(groups[4]),
                    List.of(lines.get(2).split(",")).stream()
                            .map(s -> new SubscriptionId(java.util.UUID.fromString(s)))
                            .toList(),
                    lines.get(3).isEmpty()
                            ? List.of()
                            : List.of(lines.get(3).split(",")).stream()
                                    .map(s -> new UnitId(java.util.UUID.fromString(s)))
                                    .toList());
        }
    }

    /** How a race went: operations run, refused (an expected outcome), and failures (exceptions: bugs). */
    public record Tally(int operations, int refused, List<String> failures) {}

    private final PostgresInstallation allot;
    private final Layout layout;
    private final Caller caller;
    private final RacePools pools;

    public LicenseRace(PostgresInstallation allot, Layout layout, String actor) {
        this.allot = allot;
        this.layout = layout;
        this.caller = Caller.of(layout.tenant(), Actor.app(actor, actor));
        this.pools = new RacePools(allot, layout, caller);
    }

    /** The race's allotments, for settling them at the end ({@link RacePools#settle}). */
    public RacePools pools() {
        return pools;
    }

    /**
     * {@link #setUp} with products split into allotments ({@link RacePools}): the race also moves users in and out of
     * administrative units and changes the pools.
     */
    public static Layout setUpWithPools(PostgresInstallation allot, Caller admin, int userCount) {
        Layout layout = setUp(allot, admin, userCount, RacePools.units(allot, admin));
        RacePools.setUp(allot, admin, layout);
        return layout;
    }

    /**
     * Creates the tenant's directory: Sales (E3) containing Analysts (Power BI), Staff (E3 without Sway, EMS,
     * priority 5 in waiting lists) containing Mobile (EMS), the dynamic group Legal (Power BI), and users — some
     * without usage location, two guests — already spread over the groups.
     */
    public static Layout setUp(PostgresInstallation allot, Caller admin, int userCount) {
        return setUp(allot, admin, userCount, List.of());
    }

    private static Layout setUp(PostgresInstallation allot, Caller admin, int userCount, List<UnitId> units) {
        List<SubscriptionId> subscriptions = new ArrayList<>();
        for (Product p : PRODUCTS) {
            subscriptions.add(allot.work()
                    .run(() -> allot.subscriptionBook()
                            .add(admin, p.skuId(), MOST_SEATS / 2, SubscriptionStatus.Enabled, false, null))
                    .value()
                    .id());
        }
        GroupId sales = group(allot, admin, "Sales", Map.of());
        GroupId staff = group(allot, admin, "Staff", Map.of());
        GroupId mobile = group(allot, admin, "Mobile", Map.of());
        GroupId analysts = group(allot, admin, "Analysts", Map.of());
        GroupId legal = group(allot, admin, "Legal", Map.of(GroupAttribute.MEMBERSHIP_RULE, LEGAL));
        run(allot, () -> allot.groupDirectory().addMember(admin, sales, Member.group(analysts)));
        run(allot, () -> allot.groupDirectory().addMember(admin, staff, Member.group(mobile)));
        license(allot, admin, sales, List.of(AssignedLicense.of(E3.skuId())));
        license(
                allot,
                admin,
                staff,
                List.of(new AssignedLicense(E3.skuId(), Set.of(SWAY.id())), AssignedLicense.of(EMS.skuId())));
        license(allot, admin, mobile, List.of(AssignedLicense.of(EMS.skuId())));
        license(allot, admin, analysts, List.of(AssignedLicense.of(POWER_BI_PRO.skuId())));
        license(allot, admin, legal, List.of(AssignedLicense.of(POWER_BI_PRO.skuId())));
        run(allot, () -> allot.licensing().groups().setPriority(admin, staff, 5));

        Random random = new Random(userCount);
        List<GroupId> groups = List.of(sales, staff, mobile, analysts);
        List<UserId> users = new ArrayList<>();
        for (int i = 0; i < userCount; i++) {
            Map<UserAttribute, Object> values = new HashMap<>();
            values.put(UserAttribute.USER_PRINCIPAL_NAME, "racer" + i + "@contoso.com");
            values.put(UserAttribute.DISPLAY_NAME, "Racer " + i);
            values.put(UserAttribute.DEPARTMENT, DEPARTMENTS.get(i % DEPARTMENTS.size()));
            if (i % 20 != 7) {
                values.put(UserAttribute.USAGE_LOCATION, i % 3 == 0 ? "GB" : "US");
            }
            if (i % 30 == 11) {
                values.put(UserAttribute.USER_TYPE, "Guest");
            }
            UserId user = allot.work()
                    .run(() -> allot.userDirectory().create(admin, values))
                    .value()
                    .id();
            users.add(user);
            GroupId group = groups.get(random.nextInt(groups.size()));
            run(allot, () -> allot.groupDirectory().addMember(admin, group, Member.user(user)));
        }
        // removals of EMS are held (PendingRemoval): leaving, unassigning and rules hold the seat; rejoining and
        // re-adding cancel; "freeDue" ends some graces
        run(allot, () -> allot.licensing().pendingRemovals().setDays(admin, EMS.skuPartNumber(), GRACE_DAYS));
        return new Layout(admin.tenant(), users, sales, staff, mobile, analysts, legal, subscriptions, units);
    }

    /** Runs {@code operations} random changes on each of {@code threads} threads; stops early when told. */
    public Tally race(long seed, int threads, int operations, AtomicBoolean stop) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Random random = new Random(seed * 1000 + t);
            futures.add(pool.submit(() -> {
                for (int i = 0; i < operations && !stop.get(); i++) {
                    String name = "?";
                    try {
                        Step step = next(random);
                        name = step.name();
                        // ending a grace is the step's own unit of work per user, after the clock (the date) moved
                        Outcome<?> outcome = step.name().equals("freeDue")
                                ? step.action().get()
                                : allot.work().run(step.action());
                        if (!outcome.isDone()) {
                            refused.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        failures.add(name + ": " + e);
                    }
                    done.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();
        return new Tally(done.get(), refused.get(), List.copyOf(failures));
    }

    record Step(String name, Supplier<Outcome<Object>> action) {}

    @SuppressWarnings("unchecked")
    static Supplier<Outcome<Object>> of(Supplier<? extends Outcome<?>> action) {
        return () -> (Outcome<Object>) action.get();
    }

    private Step next(Random random) {
        UserId user = layout.users().get(random.nextInt(layout.users().size()));
        GroupId group =
                layout.staticGroups().get(random.nextInt(layout.staticGroups().size()));
        Product product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
        int dice = random.nextInt(layout.pooled() ? 1000 + RacePools.SIDES : 1000);
        if (dice >= 1000) {
            return pools.next(random, user, dice - 1000);
        }
        if (dice < 250) {
            return new Step("join", of(() -> allot.groupDirectory().addMember(caller, group, Member.user(user))));
        }
        if (dice < 450) {
            return new Step("leave", of(() -> allot.groupDirectory().removeMember(caller, group, Member.user(user))));
        }
        if (dice < 550) {
            return new Step("assign", of(() -> allot.licensing()
                    .users()
                    .assign(caller, user, List.of(AssignedLicense.of(product.skuId())), List.of(), false)));
        }
        if (dice < 630) {
            return new Step("unassign", of(() -> allot.licensing()
                    .users()
                    .assign(caller, user, List.of(), List.of(product.skuId()), false)));
        }
        if (dice < 710) {
            String location = List.of("US", "GB", "").get(random.nextInt(3));
            return new Step("usageLocation", of(() -> allot.userDirectory()
                    .update(
                            caller,
                            user,
                            Collections.singletonMap(
                                    UserAttribute.USAGE_LOCATION, location.isEmpty() ? null : location))));
        }
        if (dice < 780) {
            String department = DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size()));
            return new Step("department", of(() -> allot.userDirectory()
                    .update(caller, user, Map.of(UserAttribute.DEPARTMENT, department))));
        }
        if (dice < 830) {
            return new Step("delete", of(() -> allot.userDirectory().delete(caller, user)));
        }
        if (dice < 880) {
            return new Step("restore", of(() -> allot.userDirectory().restore(caller, user)));
        }
        if (dice < 884) {
            return new Step("purge", of(() -> allot.userDirectory().purge(caller, user)));
        }
        if (dice < 930) {
            SubscriptionId subscription = layout.subscriptions()
                    .get(random.nextInt(layout.subscriptions().size()));
            int seats = FEWEST_SEATS + random.nextInt(MOST_SEATS - FEWEST_SEATS + 1);
            return new Step("seats", of(() -> allot.subscriptionBook().setSeats(caller, subscription, seats)));
        }
        if (dice < 950) {
            String rule = random.nextBoolean() ? LEGAL : LEGAL_OR_FINANCE;
            return new Step("rule", of(() -> allot.groupDirectory()
                    .update(caller, layout.legal(), Map.of(GroupAttribute.MEMBERSHIP_RULE, rule))));
        }
        if (dice < 965) {
            return new Step("freeDue", of(() -> {
                java.time.Instant ended = allot.clock().instant().minusSeconds(1); // the installation's clock
                // as if the grace of one held EMS had ended: its date moves back (one row, none that another unit of
                // work holds), then the step runs
                allot.jdbc()
                        .sql("""
                                update license_assignment set pending_removal_at = ?
                                where (tenant_id, user_id, sku_id, source_group_id) = (
                                    select tenant_id, user_id, sku_id, source_group_id from license_assignment
                                    where tenant_id = ? and sku_id = ? and pending_removal_at > ?
                                    order by random() limit 1 for update skip locked)""")
                        .params(
                                java.sql.Timestamp.from(ended),
                                layout.tenant().value(),
                                EMS.skuId().value(),
                                java.sql.Timestamp.from(ended))
                        .update();
                return Outcome.done(allot.licensing().pendingRemovals().freeDue());
            }));
        }
        if (dice < 975) {
            boolean withoutSway = random.nextBoolean();
            return new Step("groupLicense", of(() -> allot.licensing()
                    .groups()
                    .assign(
                            caller,
                            layout.staff(),
                            List.of(new AssignedLicense(E3.skuId(), withoutSway ? Set.of(SWAY.id()) : Set.of())),
                            List.of())));
        }
        boolean nest = random.nextBoolean();
        GroupId child = random.nextBoolean() ? layout.mobile() : layout.analysts();
        GroupId parent = child.equals(layout.mobile()) ? layout.staff() : layout.sales();
        return new Step(
                "nesting",
                of(() -> nest
                        ? allot.groupDirectory().addMember(caller, parent, Member.group(child))
                        : allot.groupDirectory().removeMember(caller, parent, Member.group(child))));
    }

    /** Background jobs run while the race goes on, as a server's workers run them. */
    public Thread runJobsUntil(AtomicBoolean stop) {
        Thread worker = new Thread(
                () -> {
                    while (!stop.get()) {
                        if (allot.runJobs() == 0) {
                            try {
                                Thread.sleep(20);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }
                },
                "race-jobs");
        worker.start();
        return worker;
    }

    private static GroupId group(
            PostgresInstallation allot, Caller admin, String name, Map<GroupAttribute, Object> more) {
        Map<GroupAttribute, Object> values = new HashMap<>(more);
        values.put(GroupAttribute.DISPLAY_NAME, name);
        Set<String> types = more.containsKey(GroupAttribute.MEMBERSHIP_RULE) ? Set.of("DynamicMembership") : Set.of();
        return allot.work()
                .run(() -> allot.groupDirectory().create(admin, values, types))
                .value()
                .id();
    }

    private static void license(PostgresInstallation allot, Caller admin, GroupId group, List<AssignedLicense> add) {
        run(allot, () -> allot.licensing().groups().assign(admin, group, add, List.of()));
    }

    private static void run(PostgresInstallation allot, Supplier<? extends Outcome<?>> action) {
        Outcome<?> outcome = allot.work().run(of(action));
        if (!outcome.isDone()) {
            throw new IllegalStateException(outcome.rejection().message());
        }
    }

    public static void main(String[] args) throws Exception {
        var dataSource = TestDatabase.pool(args[0], 12);
        Layout layout = Layout.read(Path.of(args[1]));
        PostgresInstallation allot = new PostgresInstallation(
                dataSource,
                TestCatalog.catalog(),
                new LicensingSettings(3, 2, 2),
                MutableClock.startingAt("2026-01-05T09:00:00Z"));
        LicenseRace race = new LicenseRace(allot, layout, "second process");
        System.out.println("READY");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        AtomicBoolean stop = new AtomicBoolean();
        Thread jobs = race.runJobsUntil(stop);
        Tally tally = race.race(Long.parseLong(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]), stop);
        stop.set(true);
        jobs.join();
        tally.failures().forEach(f -> System.out.println("FAILURE " + f));
        System.out.println("DONE " + tally.operations() + " " + tally.refused() + " "
                + tally.failures().size());
        System.out.flush();
        dataSource.close();
    }
}
