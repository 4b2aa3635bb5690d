package org.allot.core.alert;

import java.util.Optional;

/** What an alert is about; each has its wire name under {@code /allot/v1}. */
public enum AlertKind {
    /** A product's available seats fell below the tenant's threshold. */
    FREE_SEATS_LOW("freeSeatsLow"),
    /** A subscription that does not renew by itself ends within the tenant's number of days. */
    SUBSCRIPTION_EXPIRING("subscriptionExpiring"),
    /** A subscription expired: {@code Warning}, its seats take no new assignments. */
    SUBSCRIPTION_EXPIRED("subscriptionExpired"),
    /** A subscription is {@code Suspended}: its licenses stay assigned with their services off. */
    SUBSCRIPTION_SUSPENDED("subscriptionSuspended"),
    /** A product's waiting list reached the tenant's threshold. */
    WAITING_LIST_LONG("waitingListLong");

    private final String wireName;

    AlertKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<AlertKind> ofWireName(String name) {
        for (AlertKind kind : values()) {
            if (kind.wireName.equalsIgnoreCase(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Whether the alert is about one subscription (otherwise about one product). */
    public boolean aboutSubscription() {
        return this == SUBSCRIPTION_EXPIRING || this == SUBSCRIPTION_EXPIRED || this == SUBSCRIPTION_SUSPENDED;
    }
}
