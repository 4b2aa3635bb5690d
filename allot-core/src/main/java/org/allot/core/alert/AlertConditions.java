package org.allot.core.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.allot.core.catalog.SkuId;
import org.allot.core.subscription.SeatCount;
import org.allot.core.subscription.SubscribedSku;
import org.allot.core.subscription.Subscription;
import org.allot.core.subscription.SubscriptionStatus;

/**
 * The one place that says which conditions the rules find true: per product, available seats ({@link
 * SeatCount#available()}) below {@link AlertRules#freeSeatsBelow()} and waiting users at least {@link
 * AlertRules#waitingAtLeast()}; per subscription with an end date, ending within {@link
 * AlertRules#expiringWithinDays()} while {@code Enabled} and not renewing by itself; any subscription {@code Warning}
 * or {@code Suspended} (by its calendar or by hand) when {@link AlertRules#lapsed()}.
 */
final class AlertConditions {
    private AlertConditions() {}

    /** The conditions true now, in a stable order (products, then subscriptions, each by id). */
    static List<Condition> of(
            AlertRules rules, List<SubscribedSku> products, List<Subscription> subscriptions, Instant now) {
        List<Condition> found = new ArrayList<>();
        Map<SkuId, String> names = products.stream()
                .collect(Collectors.toMap(
                        p -> p.product().skuId(), p -> p.product().displayName(), (a, b) -> a));
        for (SubscribedSku p : sorted(products, s -> s.product().skuId().toString())) {
            SeatCount seats = p.seats();
            SkuId sku = p.product().skuId();
            String name = p.product().displayName();
            if (rules.freeSeatsBelow() > 0 && seats.available() < rules.freeSeatsBelow()) {
                found.add(new Condition(
                        AlertKind.FREE_SEATS_LOW,
                        sku.value(),
                        sku,
                        name,
                        seats.available(),
                        rules.freeSeatsBelow(),
                        null));
            }
            if (rules.waitingAtLeast() > 0 && seats.waiting() >= rules.waitingAtLeast()) {
                found.add(new Condition(
                        AlertKind.WAITING_LIST_LONG,
                        sku.value(),
                        sku,
                        name,
                        seats.waiting(),
                        rules.waitingAtLeast(),
                        null));
            }
        }
        for (Subscription s : sorted(subscriptions, s -> s.id().value().toString())) {
            kindOf(rules, s, now)
                    .ifPresent(kind -> found.add(new Condition(
                            kind,
                            s.id().value(),
                            s.skuId(),
                            names.getOrDefault(s.skuId(), s.skuId().toString()),
                            s.totalLicenses(),
                            kind == AlertKind.SUBSCRIPTION_EXPIRING ? rules.expiringWithinDays() : 0,
                            kind == AlertKind.SUBSCRIPTION_EXPIRING
                                    ? s.terms().endDateTime()
                                    : s.nextLifecycleDateTime())));
        }
        return found;
    }

    private static java.util.Optional<AlertKind> kindOf(AlertRules rules, Subscription s, Instant now) {
        Instant end = s.terms().endDateTime();
        if (s.status() == SubscriptionStatus.Enabled) {
            boolean soon = end != null
                    && rules.expiringWithinDays() > 0
                    && !s.terms().autoRenew()
                    && end.isAfter(now)
                    && !end.isAfter(now.plus(Duration.ofDays(rules.expiringWithinDays())));
            return soon ? java.util.Optional.of(AlertKind.SUBSCRIPTION_EXPIRING) : java.util.Optional.empty();
        }
        if (rules.lapsed() && s.status() == SubscriptionStatus.Warning) {
            return java.util.Optional.of(AlertKind.SUBSCRIPTION_EXPIRED);
        }
        if (rules.lapsed() && s.status() == SubscriptionStatus.Suspended) {
            return java.util.Optional.of(AlertKind.SUBSCRIPTION_SUSPENDED);
        }
        return java.util.Optional.empty();
    }

    private static <T> List<T> sorted(List<T> items, Function<T, String> by) {
        return items.stream().sorted(java.util.Comparator.comparing(by)).toList();
    }
}
