package org.allot.core.report;

import static org.allot.core.report.ReportFixtures.paged;
import static org.allot.core.report.ReportFixtures.priced;
import static org.allot.core.report.ReportFixtures.subscriptions;
import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.allot.core.Actor;
import org.allot.core.Caller;
import org.allot.core.Transactions;
import org.allot.core.assignment.AssignmentSource;
import org.allot.core.assignment.AssignmentState;
import org.allot.core.directory.GroupId;
import org.allot.core.testing.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The cost report reads holdings a page at a time: a user whose sources of a product fall on both sides of a page's
 * end is still charged one seat, and a product nobody holds shows its seats as unassigned.
 */
class ChargebackPagesTest {
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    private static final GroupId STAFF = new GroupId(UUID.fromString("00000000-0000-0000-0000-0000000000aa"));

    private final Scenario contoso = Scenario.contoso();

    @Test
    void aUserWhoseSourcesStraddleAPageIsChargedOneSeat() {
        UUID xia = new UUID(0, 1);
        UUID ada = new UUID(0, 2);
        UUID bob = new UUID(0, 3);
        List<Holding> held = List.of(
                held(xia, AssignmentSource.DIRECT, JAN),
                held(ada, AssignmentSource.DIRECT, JAN),
                held(ada, AssignmentSource.group(STAFF), JAN.plusSeconds(60)),
                held(bob, AssignmentSource.group(STAFF), JAN));
        Chargeback chargeback = new Chargeback(
                Transactions.NONE,
                contoso.allot.catalog(),
                subscriptions(priced(5, "10.00", "EUR", JAN)),
                paged(held, Map.of()),
                Clock.fixed(NOW, ZoneOffset.UTC),
                2);

        CostReport report = chargeback.report(Caller.of(contoso.tenant, Actor.app("global", "Global")));

        assertThat(report.by(CostReport.Dimension.GROUP))
                .extracting(CostReport.Total::name, CostReport.Total::seats, t -> t.monthlyAmount()
                        .toPlainString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Staff", 1, "10.00"),
                        org.assertj.core.groups.Tuple.tuple(CostReport.DIRECT, 2, "20.00"),
                        org.assertj.core.groups.Tuple.tuple(CostReport.UNASSIGNED, 2, "20.00"));
        assertThat(report.totals()).singleElement().satisfies(t -> assertThat(t.monthlyAmount())
                .isEqualByComparingTo("50.00"));
    }

    @Test
    void aProductNobodyHoldsShowsItsSeatsAsUnassigned() {
        Chargeback chargeback = new Chargeback(
                Transactions.NONE,
                contoso.allot.catalog(),
                subscriptions(priced(3, "7.5", "USD", JAN)),
                paged(List.of(), Map.of()),
                Clock.fixed(NOW, ZoneOffset.UTC),
                2);

        assertThat(chargeback
                        .report(Caller.of(contoso.tenant, Actor.app("global", "Global")))
                        .lines())
                .singleElement()
                .satisfies(l -> {
                    assertThat(l.unassigned()).isTrue();
                    assertThat(l.seats()).isEqualTo(3);
                    assertThat(l.monthlyAmount()).isEqualByComparingTo("22.5");
                });
    }

    private static Holding held(UUID user, AssignmentSource source, Instant since) {
        return new Holding(
                user,
                user + "@contoso.com",
                "Sales",
                E3.skuId(),
                source,
                source.isDirect() ? null : "Staff",
                AssignmentState.Active,
                null,
                since);
    }
}
