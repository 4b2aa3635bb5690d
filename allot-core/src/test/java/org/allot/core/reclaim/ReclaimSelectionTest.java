package org.allot.core.reclaim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.allot.core.catalog.SkuId;
import org.allot.core.directory.GroupId;
import org.allot.core.directory.UserId;
import org.allot.core.subscription.Subscription;
import org.allot.core.subscription.SubscriptionId;
import org.allot.core.subscription.SubscriptionStatus;
import org.allot.core.subscription.SubscriptionTerms;
import org.junit.jupiter.api.Test;

/** Who a reclaim policy lists, why and since when, who is exempt, and what freeing the seats saves per month. */
class ReclaimSelectionTest {
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final SkuId E3 = new SkuId(UUID.fromString("6fd2c87f-b296-42f0-b197-1e91e994b900"));
    private static final GroupId SALES = new GroupId(UUID.fromString("00000000-0000-0000-0000-00000000aaaa"));
    private static final Optional<MonthlyPrice> EUR_32 = Optional.of(new MonthlyPrice(new BigDecimal("32.00"), "EUR"));

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    private static ReclaimPolicy inactive(int days) {
        return new ReclaimPolicy(E3, days, null, 0, Set.of(), Set.of(), ReclaimMode.ReportOnly);
    }

    private static Holder.HeldSource direct(int grantedDaysAgo) {
        return new Holder.HeldSource(null, null, daysAgo(grantedDaysAgo));
    }

    private static Holder holder(String name, UserActivity activity, Holder.HeldSource... sources) {
        return holder(name, true, null, activity, sources);
    }

    private static Holder holder(
            String name, boolean enabled, Instant deleted, UserActivity activity, Holder.HeldSource... sources) {
        UserId id = new UserId(UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return new Holder(id, name + "@contoso.com", name, enabled, daysAgo(400), deleted, activity, List.of(sources));
    }

    private static UserActivity signedIn(int daysAgo) {
        return new UserActivity(daysAgo(daysAgo), null, null);
    }

    private static List<ReclaimItem> select(ReclaimPolicy policy, Set<UserId> exemptByGroup, Holder... holders) {
        return ReclaimSelection.select(policy, List.of(holders), exemptByGroup, NOW, EUR_32);
    }

    @Test
    void listsHoldersInactiveForTheDaysSinceTheirLatestSignInOrLogon() {
        Holder ada = holder("ada", signedIn(91), direct(300));
        Holder bob = holder("bob", signedIn(89), direct(300));
        Holder cy = holder("cy", new UserActivity(daysAgo(120), daysAgo(10), null), direct(300));
        Holder dee = holder("dee", UserActivity.NONE, direct(300));

        List<ReclaimItem> items = select(inactive(90), Set.of(), ada, bob, cy, dee);

        assertThat(items)
                .extracting(ReclaimItem::userPrincipalName)
                .containsExactly("dee@contoso.com", "ada@contoso.com");
        assertThat(items.get(0).reason()).as("no sign-in since created").isEqualTo(ReclaimReason.NeverSignedIn);
        assertThat(items.get(0).since()).isEqualTo(daysAgo(400));
        assertThat(items.get(1).reason()).isEqualTo(ReclaimReason.Inactive);
        assertThat(items.get(1).since()).isEqualTo(daysAgo(91));
        assertThat(items).allSatisfy(i -> assertThat(i.action()).isEqualTo(ReclaimAction.RemoveDirect));
    }

    @Test
    void listsAccountsDisabledOrDeletedForTheDays() {
        ReclaimPolicy policy = new ReclaimPolicy(E3, null, 30, 0, Set.of(), Set.of(), ReclaimMode.Act);
        Holder off = holder("off", false, null, new UserActivity(daysAgo(1), null, daysAgo(31)), direct(300));
        Holder justOff = holder("justoff", false, null, new UserActivity(null, null, daysAgo(29)), direct(300));
        Holder gone = holder("gone", true, daysAgo(40), signedIn(41), direct(300));
        Holder active = holder("active", signedIn(400), direct(300));

        List<ReclaimItem> items = select(policy, Set.of(), off, justOff, gone, active);

        assertThat(items)
                .extracting(ReclaimItem::userPrincipalName)
                .containsExactly("gone@contoso.com", "off@contoso.com");
        assertThat(items.get(0).reason()).isEqualTo(ReclaimReason.Deleted);
        assertThat(items.get(0).action()).isEqualTo(ReclaimAction.FreedAtPermanentDeletion);
        assertThat(items.get(1).reason()).isEqualTo(ReclaimReason.Disabled);
        assertThat(items.get(1).since()).isEqualTo(daysAgo(31));
    }

    @Test
    void exemptUsersExemptGroupsMembersAndRecentGrantsAreNeverListed() {
        Holder ada = holder("ada", signedIn(200), direct(300));
        Holder bob = holder("bob", signedIn(200), direct(300));
        Holder cy = holder("cy", signedIn(200), direct(5));
        Holder dee = holder("dee", signedIn(200), direct(300));
        ReclaimPolicy policy = new ReclaimPolicy(E3, 90, null, 7, Set.of(ada.id()), Set.of(SALES), ReclaimMode.Act);

        List<ReclaimItem> items = select(policy, Set.of(bob.id()), ada, bob, cy, dee);

        assertThat(items).extracting(ReclaimItem::userPrincipalName).containsExactly("dee@contoso.com");
    }

    @Test
    void aGroupDerivedSeatNamesItsGroupsAndIsNotRemovedDirectly() {
        Holder ada = holder("ada", signedIn(200), direct(300), new Holder.HeldSource(SALES, "Sales", daysAgo(300)));

        List<ReclaimItem> items = select(inactive(90), Set.of(), ada);

        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.action()).isEqualTo(ReclaimAction.RemoveFromGroups);
            assertThat(i.groups()).containsExactly("Sales");
        });
    }

    @Test
    void theSavingIsThePriceOfTheLastBoughtSubscriptionPerCurrencyNeverConverted() {
        Subscription old = subscription(1, new BigDecimal("20.00"), "EUR", SubscriptionStatus.Enabled);
        Subscription last = subscription(2, new BigDecimal("32.50"), "EUR", SubscriptionStatus.Enabled);
        Subscription unpriced = subscription(3, null, null, SubscriptionStatus.Enabled);
        Subscription deleted = subscription(4, new BigDecimal("99.00"), "USD", SubscriptionStatus.Deleted);
        Optional<MonthlyPrice> price = MonthlyPrice.of(List.of(old, last, unpriced, deleted), NOW);
        assertThat(price).contains(new MonthlyPrice(new BigDecimal("32.50"), "EUR"));
        assertThat(MonthlyPrice.of(List.of(unpriced), NOW)).isEmpty();

        List<ReclaimItem> items = ReclaimSelection.select(
                inactive(90),
                List.of(holder("ada", signedIn(100), direct(300)), holder("bob", signedIn(100), direct(300))),
                Set.of(),
                NOW,
                price);
        ReclaimItem usd = new ReclaimItem(
                new UserId(UUID.randomUUID()),
                "cy@contoso.com",
                "cy",
                E3,
                ReclaimReason.Inactive,
                NOW,
                ReclaimAction.RemoveDirect,
                List.of(),
                new MonthlyPrice(new BigDecimal("10"), "USD"),
                ReclaimItem.Outcome.Reported,
                null);
        ReclaimReport report = new ReclaimReport(null, NOW, null, false, concat(items, usd));

        assertThat(report.monthlySavings())
                .containsExactly(Map.entry("EUR", new BigDecimal("65.00")), Map.entry("USD", new BigDecimal("10")));
    }

    private static List<ReclaimItem> concat(List<ReclaimItem> items, ReclaimItem one) {
        List<ReclaimItem> all = new java.util.ArrayList<>(items);
        all.add(one);
        return all;
    }

    @Test
    void theSavingFollowsTheChargingRuleNotStartedSubscriptionsDoNotCountAndStartDecidesTheOrder() {
        // created last, but starts next month: not charged yet, so it prices no seat reclaim frees
        Subscription future = subscription(5, new BigDecimal("50.00"), "EUR", SubscriptionStatus.Enabled)
                .withTerms(new SubscriptionTerms(
                        NOW.plus(Duration.ofDays(30)), null, false, new BigDecimal("50.00"), "EUR"));
        // created before the other, but started after it: bought last
        Subscription startedLast = subscription(1, new BigDecimal("28.00"), "EUR", SubscriptionStatus.Enabled)
                .withTerms(new SubscriptionTerms(daysAgo(10), null, false, new BigDecimal("28.00"), "EUR"));
        Subscription startedFirst = subscription(2, new BigDecimal("20.00"), "EUR", SubscriptionStatus.Enabled)
                .withTerms(new SubscriptionTerms(daysAgo(300), null, false, new BigDecimal("20.00"), "EUR"));

        assertThat(MonthlyPrice.of(List.of(startedFirst, future, startedLast), NOW))
                .contains(new MonthlyPrice(new BigDecimal("28.00"), "EUR"));
        assertThat(MonthlyPrice.of(List.of(future), NOW)).isEmpty();
    }

    private static Subscription subscription(int n, BigDecimal price, String currency, SubscriptionStatus status) {
        return new Subscription(
                new SubscriptionId(new UUID(0, n)),
                E3,
                10,
                status,
                false,
                daysAgo(100 - n),
                null,
                new SubscriptionTerms(null, null, false, price, currency));
    }

    @Test
    void aPolicyNeedsARuleAndDaysInRange() {
        assertThat(new ReclaimPolicy(E3, null, null, 0, Set.of(), Set.of(), ReclaimMode.Act).problem())
                .isPresent();
        assertThat(new ReclaimPolicy(E3, 0, null, 0, Set.of(), Set.of(), ReclaimMode.Act).problem())
                .isPresent();
        assertThat(new ReclaimPolicy(E3, 90, null, -1, Set.of(), Set.of(), ReclaimMode.Act).problem())
                .isPresent();
        assertThat(new ReclaimPolicy(E3, 90, 30, 14, Set.of(), Set.of(), ReclaimMode.Act).problem())
                .isEmpty();
    }
}
