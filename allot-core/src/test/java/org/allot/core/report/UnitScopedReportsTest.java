package org.allot.core.report;

import static org.allot.core.report.ReportFixtures.paged;
import static org.allot.core.report.ReportFixtures.priced;
import static org.allot.core.report.ReportFixtures.subscriptions;
import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.Scope;
import org.allot.core.Transactions;
import org.allot.core.assignment.AssignmentSource;
import org.allot.core.assignment.AssignmentState;
import org.allot.core.directory.GroupId;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Reports for an administrator whose role is held over administrative units (issue 19: "reports of their units
 * only"): the holders export lists its units' users only, and the costs are the tenant's charging of its units' seats
 * (each seat priced as in the tenant's report), without the seats nobody holds.
 */
class UnitScopedReportsTest {
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Instant Y2024 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant Y2025 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    private static final UUID NORTH = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID SOUTH = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final GroupId STAFF = new GroupId(UUID.fromString("00000000-0000-0000-0000-0000000000aa"));

    private final Scenario contoso = Scenario.contoso();
    private final UUID southOld = new UUID(0, 1);
    private final UUID northNew = new UUID(0, 2);
    private final UUID southNew = new UUID(0, 3);
    private final UUID northOld = new UUID(0, 4);
    private final Map<UUID, UUID> unitOf = Map.of(southOld, SOUTH, northNew, NORTH, southNew, SOUTH, northOld, NORTH);
    private final List<Holding> held = List.of(
            held(southOld, "South", AssignmentSource.DIRECT, Y2024),
            held(northNew, "North", AssignmentSource.group(STAFF), JAN),
            held(southNew, "South", AssignmentSource.group(STAFF), JAN.plusSeconds(60)),
            held(northOld, "North", AssignmentSource.DIRECT, Y2025),
            held(northOld, "North", AssignmentSource.group(STAFF), JAN));

    @Test
    void aUnitAdministratorsCostsAreItsUnitsShareOfTheTenantsCharging() {
        // the first-bought seats (10.00) go to the longest holders: South's 2024 holder, then North's 2025 one;
        // the later ones (30.00) to the newer holders
        Chargeback chargeback = new Chargeback(
                Transactions.NONE,
                contoso.allot.catalog(),
                subscriptions(priced(2, "10.00", "EUR", Y2024), priced(5, "30.00", "EUR", Y2025)),
                paged(held, unitOf),
                Clock.fixed(NOW, ZoneOffset.UTC),
                2);

        CostReport tenant = chargeback.report(Caller.of(contoso.tenant, Actor.app("global", "Global")));
        CostReport north = chargeback.report(northAdmin());

        assertThat(tenant.by(CostReport.Dimension.DEPARTMENT))
                .extracting(CostReport.Total::name, CostReport.Total::seats, t -> t.monthlyAmount()
                        .toPlainString())
                .containsExactly(
                        tuple("North", 2, "40.00"),
                        tuple("South", 2, "40.00"),
                        tuple(CostReport.UNASSIGNED, 3, "90.00"));
        assertThat(north.by(CostReport.Dimension.DEPARTMENT))
                .as("North's seats priced as in the tenant's report, and no seat of South nor seats nobody holds")
                .extracting(CostReport.Total::name, CostReport.Total::seats, t -> t.monthlyAmount()
                        .toPlainString())
                .containsExactly(tuple("North", 2, "40.00"));
        assertThat(north.by(CostReport.Dimension.GROUP))
                .extracting(CostReport.Total::name, CostReport.Total::seats)
                .containsExactly(tuple("Staff", 1), tuple(CostReport.DIRECT, 1));
        assertThat(north.totals()).singleElement().satisfies(t -> {
            assertThat(t.seats()).isEqualTo(2);
            assertThat(t.monthlyAmount()).isEqualByComparingTo("40.00");
        });
    }

    @Test
    void aUnitAdministratorExportsItsUnitsHoldersOnlyInFullPages() {
        HolderExport export = new HolderExport(Transactions.NONE, paged(held, unitOf));

        HolderExport.Page first = export.page(northAdmin(), null, 2);
        List<UUID> users = new ArrayList<>();
        export.export(northAdmin(), h -> users.add(h.userId()));

        assertThat(first.holdings()).extracting(Holding::userId).containsExactly(northNew, northOld);
        assertThat(first.next()).isNotNull();
        assertThat(export.page(northAdmin(), first.next(), 2).holdings())
                .extracting(Holding::userId)
                .containsExactly(northOld);
        assertThat(users).containsExactly(northNew, northOld, northOld);
        assertThat(export.page(Caller.of(contoso.tenant, Actor.app("global", "Global")), null, 10)
                        .holdings())
                .hasSize(5);
    }

    @Test
    void anAdministratorOfNoUnitSeesNoHoldersAndNoCosts() {
        Caller nobody = Caller.of(contoso.tenant, Actor.app("none", "None")).within(Scope.units(Set.of()));
        Chargeback chargeback = new Chargeback(
                Transactions.NONE,
                contoso.allot.catalog(),
                subscriptions(priced(2, "10.00", "EUR", Y2024)),
                paged(held, unitOf),
                Clock.fixed(NOW, ZoneOffset.UTC),
                2);

        assertThat(new HolderExport(Transactions.NONE, paged(held, unitOf))
                        .page(nobody, null, 10)
                        .holdings())
                .isEmpty();
        assertThat(chargeback.report(nobody).lines()).isEmpty();
    }

    private Caller northAdmin() {
        return Caller.of(contoso.tenant, Actor.app("north", "North desk")).within(Scope.units(Set.of(NORTH)));
    }

    private static Holding held(UUID user, String department, AssignmentSource source, Instant since) {
        return new Holding(
                user,
                user + "@contoso.com",
                department,
                E3.skuId(),
                source,
                source.isDirect() ? null : "Staff",
                AssignmentState.Active,
                null,
                since);
    }
}
