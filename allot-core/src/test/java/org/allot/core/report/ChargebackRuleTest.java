package org.allot.core.report;

import static org.allot.core.testing.TestCatalog.E3;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.allot.core.assignment.AssignmentError;
import org.allot.core.assignment.AssignmentSource;
import org.allot.core.assignment.AssignmentState;
import org.allot.core.directory.GroupId;
import org.allot.core.subscription.Subscription;
import org.allot.core.subscription.SubscriptionId;
import org.allot.core.subscription.SubscriptionStatus;
import org.allot.core.subscription.SubscriptionTerms;
import org.junit.jupiter.api.Test;

/**
 * The charging rule: each seat is charged once, to the source that has held it longest (direct counts as a source);
 * seats are priced by the product's subscriptions in the order they were bought, the longest holders first; amounts
 * stay per currency.
 */
class ChargebackRuleTest {
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant MAR = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant JUN = Instant.parse("2026-06-01T00:00:00Z");
    private static final GroupId SALES = new GroupId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    private static final GroupId STAFF = new GroupId(UUID.fromString("00000000-0000-0000-0000-00000000000b"));

    @Test
    void aSeatIsChargedToTheSourceThatHasHeldItLongest() {
        UUID ada = UUID.randomUUID();
        Holding viaSales = held(ada, "Sales", group(SALES), "Sales", MAR);
        Holding direct = held(ada, "Sales", AssignmentSource.DIRECT, null, JAN);
        Holding viaStaff = held(ada, "Sales", group(STAFF), "Staff", JUN);

        assertThat(ChargedSeats.chargedSource(List.of(viaSales, direct, viaStaff)))
                .contains(direct);
        assertThat(ChargedSeats.chargedSource(List.of(viaSales, viaStaff))).contains(viaSales);
    }

    @Test
    void aSourceThatHoldsNoSeatIsNeverCharged() {
        UUID ada = UUID.randomUUID();
        Holding waitingSince2025 = new Holding(
                ada,
                "ada@contoso.com",
                "Sales",
                E3.skuId(),
                group(SALES),
                "Sales",
                AssignmentState.Error,
                AssignmentError.CountViolation,
                Instant.parse("2025-01-01T00:00:00Z"));
        Holding direct = held(ada, "Sales", AssignmentSource.DIRECT, null, JUN);

        assertThat(ChargedSeats.chargedSource(List.of(waitingSince2025, direct)))
                .contains(direct);
        assertThat(ChargedSeats.chargedSource(List.of(waitingSince2025))).isEmpty();
    }

    @Test
    void onATieTheDirectSourceIsChargedThenGroupsInIdOrder() {
        UUID ada = UUID.randomUUID();
        Holding viaStaff = held(ada, null, group(STAFF), "Staff", JAN);
        Holding viaSales = held(ada, null, group(SALES), "Sales", JAN);
        Holding direct = held(ada, null, AssignmentSource.DIRECT, null, JAN);

        assertThat(ChargedSeats.chargedSource(List.of(viaStaff, viaSales, direct)))
                .contains(direct);
        assertThat(ChargedSeats.chargedSource(List.of(viaStaff, viaSales))).contains(viaSales);
    }

    @Test
    void aUserWithSeveralSourcesIsChargedOneSeatOnce() {
        ChargedSeats seats = new ChargedSeats(E3, List.of(priced(10, "32.00", "EUR", JAN)), NOW);
        UUID ada = UUID.randomUUID();
        seats.addLicense(List.of(
                held(ada, "Sales", group(SALES), "Sales", MAR),
                held(ada, "Sales", group(STAFF), "Staff", JAN),
                held(ada, "Sales", AssignmentSource.DIRECT, null, JUN)));

        List<CostLine> lines = seats.lines();

        CostLine staff = only(lines, l -> !l.unassigned());
        assertThat(staff.source()).isEqualTo(group(STAFF));
        assertThat(staff.groupName()).isEqualTo("Staff");
        assertThat(staff.seats()).isEqualTo(1);
        assertThat(staff.monthlyAmount()).isEqualByComparingTo("32.00");
        CostLine idle = only(lines, CostLine::unassigned);
        assertThat(idle.seats()).isEqualTo(9);
        assertThat(idle.monthlyAmount()).isEqualByComparingTo("288.00");
    }

    @Test
    void amountsStayPerCurrencyAndTheLongestHoldersTakeTheFirstBoughtSeats() {
        ChargedSeats seats =
                new ChargedSeats(E3, List.of(priced(1, "40.00", "USD", MAR), priced(2, "30.00", "EUR", JAN)), NOW);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        UUID fourth = UUID.randomUUID();
        seats.addLicense(List.of(held(third, "IT", AssignmentSource.DIRECT, null, JUN)));
        seats.addLicense(List.of(held(first, "IT", AssignmentSource.DIRECT, null, JAN)));
        seats.addLicense(List.of(held(second, "IT", AssignmentSource.DIRECT, null, MAR)));
        seats.addLicense(List.of(held(fourth, "IT", AssignmentSource.DIRECT, null, NOW)));

        List<CostLine> lines = seats.lines();

        // the two held longest take the two EUR seats bought in January, the third the USD seat of March, and the
        // fourth is beyond every subscription's seats: counted, without a price
        CostLine eur = only(lines, l -> "EUR".equals(l.currency()));
        assertThat(eur.seats()).isEqualTo(2);
        assertThat(eur.monthlyAmount()).isEqualByComparingTo("60.00");
        CostLine usd = only(lines, l -> "USD".equals(l.currency()));
        assertThat(usd.seats()).isEqualTo(1);
        assertThat(usd.monthlyAmount()).isEqualByComparingTo("40.00");
        CostLine unpriced = only(lines, l -> l.currency() == null);
        assertThat(unpriced.seats()).isEqualTo(1);
        assertThat(unpriced.monthlyAmount()).isNull();
        assertThat(lines).noneMatch(CostLine::unassigned);
    }

    @Test
    void sumsByDepartmentAndGroupKeepCurrenciesApart() {
        ChargedSeats seats =
                new ChargedSeats(E3, List.of(priced(1, "30.00", "EUR", JAN), priced(2, "40.00", "USD", MAR)), NOW);
        seats.addLicense(List.of(held(UUID.randomUUID(), "Sales", group(SALES), "Sales", JAN)));
        seats.addLicense(List.of(held(UUID.randomUUID(), "Sales", group(SALES), "Sales", MAR)));
        CostReport report = new CostReport(NOW, seats.lines());

        List<CostReport.Total> byDepartment = report.by(CostReport.Dimension.DEPARTMENT);
        assertThat(byDepartment)
                .extracting(CostReport.Total::name, CostReport.Total::currency, CostReport.Total::seats)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Sales", "EUR", 1),
                        org.assertj.core.groups.Tuple.tuple("Sales", "USD", 1),
                        org.assertj.core.groups.Tuple.tuple(CostReport.UNASSIGNED, "USD", 1));
        assertThat(report.by(CostReport.Dimension.GROUP))
                .filteredOn(t -> t.id().equals(SALES.value().toString()))
                .extracting(CostReport.Total::currency, t -> t.monthlyAmount().toPlainString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("EUR", "30.00"),
                        org.assertj.core.groups.Tuple.tuple("USD", "40.00"));
        assertThat(report.totals())
                .extracting(CostReport.Total::currency, t -> t.monthlyAmount().toPlainString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("EUR", "30.00"),
                        org.assertj.core.groups.Tuple.tuple("USD", "80.00"));
    }

    @Test
    void deletedSubscriptionsAndOnesNotStartedAreNotCharged() {
        Subscription deleted = priced(5, "10.00", "EUR", JAN).withStatus(SubscriptionStatus.Deleted);
        Subscription later = new Subscription(
                new SubscriptionId(UUID.randomUUID()),
                E3.skuId(),
                5,
                SubscriptionStatus.Enabled,
                false,
                JAN,
                null,
                new SubscriptionTerms(Instant.parse("2027-01-01T00:00:00Z"), null, false, new BigDecimal("10"), "EUR"));
        Subscription expired = priced(1, "12.00", "EUR", JAN).withStatus(SubscriptionStatus.Warning);
        ChargedSeats seats = new ChargedSeats(E3, List.of(deleted, later, expired), NOW);

        assertThat(seats.lines()).singleElement().satisfies(l -> {
            assertThat(l.unassigned()).isTrue();
            assertThat(l.seats()).isEqualTo(1);
            assertThat(l.monthlyAmount()).isEqualByComparingTo("12.00");
        });
    }

    private static CostLine only(List<CostLine> lines, java.util.function.Predicate<CostLine> which) {
        return lines.stream()
                .filter(which)
                .reduce((a, b) -> {
                    throw new AssertionError("more than one line: " + lines);
                })
                .orElseThrow(() -> new AssertionError("no such line: " + lines));
    }

    private static AssignmentSource group(GroupId group) {
        return AssignmentSource.group(group);
    }

    private static Holding held(UUID user, String department, AssignmentSource source, String group, Instant since) {
        return new Holding(
                user,
                user + "@contoso.com",
                department,
                E3.skuId(),
                source,
                group,
                AssignmentState.Active,
                null,
                since);
    }

    private static Subscription priced(int seats, String price, String currency, Instant bought) {
        return new Subscription(
                new SubscriptionId(UUID.randomUUID()),
                E3.skuId(),
                seats,
                SubscriptionStatus.Enabled,
                false,
                bought,
                null,
                new SubscriptionTerms(bought, null, false, new BigDecimal(price), currency));
    }
}
