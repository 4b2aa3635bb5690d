package org.allot.server.testing;

import static org.allot.core.testing.TestCatalog.E3;
import static org.allot.core.testing.TestCatalog.EMS;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.allot.core.Caller;
import org.allot.core.Outcome;
import org.allot.core.Rejection;
import org.allot.core.assignment.Allotment;
import org.allot.core.assignment.AllotmentChange;
import org.allot.core.assignment.AllotmentId;
import org.allot.core.assignment.PoolFigures;
import org.allot.core.catalog.Product;
import org.allot.core.directory.UserId;
import org.allot.core.unit.UnitChange;
import org.allot.core.unit.UnitId;

/**
 * The allotments of a {@link LicenseRace} (docs/delegation.md#allotments): E3 split into the pools of two static
 * administrative units, North and South (Sales's E3 assignment names one of them, or none, at random), and EMS's pool
 * of the group Mobile (nested in Staff, which assigns EMS too, and whose removals are held: PendingRemoval), each with
 * a cap small enough to fill while the product has seats free; Power BI stays unpooled. The race's own changes to
 * them: users joining and leaving the units, caps raised and lowered, the pool Sales names, a pool deleted and created
 * again, E3's pools swapping places.
 */
public final class RacePools {
    /** The highest cap the race gives a pool. */
    public static final int MOST_CAP = 5;

    /** A pool of the race, found by its product and owner (deleting and creating it again gives it a new id). */
    record Definition(String name, Product product, Allotment.Kind kind, Function<LicenseRace.Layout, UUID> owner) {
        Allotment.Owner ownerIn(LicenseRace.Layout layout) {
            return new Allotment.Owner(kind, owner.apply(layout));
        }
    }

    private static final Definition NORTH_E3 = new Definition(
            "North E3", E3, Allotment.Kind.UNIT, l -> l.units().get(0).value());
    private static final Definition SOUTH_E3 = new Definition(
            "South E3", E3, Allotment.Kind.UNIT, l -> l.units().get(1).value());
    private static final List<Definition> POOLS =
            List.of(NORTH_E3, SOUTH_E3, new Definition("Mobile EMS", EMS, Allotment.Kind.GROUP, l -> l.mobile()
                    .value()));
    private static final List<Integer> FIRST_CAPS = List.of(4, 3, 3);

    /** The products the race splits into pools. */
    public static final List<Product> PRODUCTS = List.of(E3, EMS);

    private final PostgresInstallation allot;
    private final LicenseRace.Layout layout;
    private final Caller caller;

    RacePools(PostgresInstallation allot, LicenseRace.Layout layout, Caller caller) {
        this.allot = allot;
        this.layout = layout;
        this.caller = caller;
    }

    /** The two static units North and South. */
    static List<UnitId> units(PostgresInstallation allot, Caller admin) {
        List<UnitId> units = new ArrayList<>();
        for (String name : List.of("North", "South")) {
            units.add(allot.work()
                    .run(() -> allot.unitDirectory()
                            .create(admin, UnitChange.none().withDisplayName(name)))
                    .value()
                    .id());
        }
        return units;
    }

    /** Puts a third of the users in North and a third in South (some in both), then creates the pools. */
    static void setUp(PostgresInstallation allot, Caller admin, LicenseRace.Layout layout) {
        List<UserId> users = layout.users();
        for (int i = 0; i < users.size(); i++) {
            UserId user = users.get(i);
            if (i % 3 == 0 || i % 7 == 0) {
                done(allot.work()
                        .run(() -> allot.unitMembers().add(admin, layout.units().get(0), user.value())));
            }
            if (i % 3 == 1) {
                done(allot.work()
                        .run(() -> allot.unitMembers().add(admin, layout.units().get(1), user.value())));
            }
        }
        RacePools pools = new RacePools(allot, layout, admin);
        for (int i = 0; i < POOLS.size(); i++) {
            done(allot.work().run(pools.create(POOLS.get(i), FIRST_CAPS.get(i))));
        }
        done(allot.work().run(pools.name(SOUTH_E3)));
    }

    private static void done(Outcome<?> outcome) {
        if (!outcome.isDone()) {
            throw new IllegalStateException(outcome.rejection().message());
        }
    }

    /** A random change to the pools or the units' members, for a {@code dice} in [0, {@link #SIDES}). */
    LicenseRace.Step next(Random random, UserId user, int dice) {
        UnitId unit = layout.units().get(random.nextInt(layout.units().size()));
        Definition pool = POOLS.get(random.nextInt(POOLS.size()));
        if (dice < 40) {
            return step("unitJoin", () -> allot.unitMembers().add(caller, unit, user.value()));
        }
        if (dice < 70) {
            return step("unitLeave", () -> allot.unitMembers().remove(caller, unit, user.value()));
        }
        if (dice < 90) {
            int cap = random.nextInt(MOST_CAP + 1);
            return step("poolCap", () -> find(pool)
                    .map(id -> allot.licensing().allotments().update(caller, id, change(Optional.of(cap), null)))
                    .orElseGet(() -> notFound(pool)));
        }
        if (dice < 104) {
            Definition named = List.of(NORTH_E3, SOUTH_E3).get(random.nextInt(2));
            return step("poolNamed", random.nextInt(3) == 0 ? name(null) : name(named));
        }
        if (dice < 111) {
            int cap = random.nextInt(MOST_CAP + 1);
            return step("poolDeletedOrCreated", () -> find(pool)
                    .<Outcome<?>>map(id -> allot.licensing().allotments().delete(caller, id))
                    .orElseGet(() -> create(pool, cap).get()));
        }
        Definition first = random.nextBoolean() ? NORTH_E3 : SOUTH_E3;
        return step("poolFirst", () -> find(first)
                .map(id -> allot.licensing().allotments().update(caller, id, change(Optional.empty(), 1)))
                .orElseGet(() -> notFound(first)));
    }

    /** How many faces {@link #next}'s dice has. */
    static final int SIDES = 120;

    private static LicenseRace.Step step(String name, Supplier<? extends Outcome<?>> action) {
        return new LicenseRace.Step(name, LicenseRace.of(action));
    }

    private Supplier<Outcome<?>> create(Definition pool, int cap) {
        return () -> allot.licensing()
                .allotments()
                .create(
                        caller,
                        pool.product().skuId().toString(),
                        new AllotmentChange(
                                Optional.of(pool.name()),
                                Optional.of(pool.ownerIn(layout)),
                                Optional.of(cap),
                                Optional.empty()));
    }

    /** Names {@code pool} on Sales's E3 assignment (null: names none; a pool deleted meanwhile: none either). */
    private Supplier<Outcome<?>> name(Definition pool) {
        return () -> allot.licensing()
                .allotments()
                .nameForGroup(
                        caller, layout.sales(), E3.skuId().toString(), pool == null ? Optional.empty() : find(pool));
    }

    private static AllotmentChange change(Optional<Integer> cap, Integer position) {
        return new AllotmentChange(Optional.empty(), Optional.empty(), cap, Optional.ofNullable(position));
    }

    private static <T> Outcome<T> notFound(Definition pool) {
        return Outcome.refused(Rejection.notFound(pool.name()));
    }

    /** The pool's id now, if it exists. */
    Optional<AllotmentId> find(Definition pool) {
        Allotment.Owner owner = pool.ownerIn(layout);
        return allot.licensing()
                .allotmentFigures()
                .figures(layout.tenant(), pool.product().skuId().toString())
                .flatMap(figures -> figures.pools().stream()
                        .map(PoolFigures.Pool::allotment)
                        .filter(a -> Objects.equals(a.owner(), owner))
                        .map(Allotment::id)
                        .findFirst());
    }

    /**
     * Creates again, with their first caps, the pools the race left deleted; then recomputes every holder and waiting
     * user of each pooled product (by setting the cap of its first pool to what it is), until a pass moves nobody: a
     * holder whose pool had no room when they moved to it keeps their seat where it was, and a later pass moves them
     * once it has room.
     *
     * @return the passes it took
     */
    public int settle(Caller admin) {
        RacePools asAdmin = new RacePools(allot, layout, admin);
        for (int i = 0; i < POOLS.size(); i++) {
            if (find(POOLS.get(i)).isEmpty()) {
                done(allot.work().run(asAdmin.create(POOLS.get(i), FIRST_CAPS.get(i))));
            }
        }
        for (int pass = 1; pass <= 5; pass++) {
            List<String> before = placements();
            for (Product product : PRODUCTS) {
                allot.licensing()
                        .allotmentFigures()
                        .figures(layout.tenant(), product.skuId().toString())
                        .flatMap(f -> f.pools().stream().findFirst())
                        .ifPresent(p -> done(allot.work().run(() -> allot.licensing()
                                .allotments()
                                .update(
                                        admin,
                                        p.allotment().id(),
                                        change(Optional.of(p.allotment().cap()), null)))));
            }
            while (allot.runJobs() > 0) {
                // until no job is left
            }
            if (placements().equals(before)) {
                return pass;
            }
        }
        throw new AssertionError("the pools did not settle in 5 passes");
    }

    private List<String> placements() {
        return allot.jdbc()
                .sql("""
                        select user_id || ' ' || sku_id || ' ' || coalesce(allotment_id::text, '-') || ' ' || state
                        from license_assignment where tenant_id = ? order by 1""")
                .param(layout.tenant().value())
                .query(String.class)
                .list();
    }
}
