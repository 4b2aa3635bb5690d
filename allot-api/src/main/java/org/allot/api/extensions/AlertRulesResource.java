package org.allot.api.extensions;

/**
 * A tenant's alert rules ({@code /allot/v1/settings/alerts}, docs/alerts.md); a threshold of 0 turns its alert off,
 * and a PATCH changes only what it sends.
 *
 * @param expiringWithinDays alert when a subscription that does not renew by itself ends within this many days, 0 to
 *     3650 (default 30)
 * @param lapsed alert when a subscription expires (Warning) and when it is Suspended (default true)
 * @param freeSeatsBelow alert when a product's available seats are fewer than this, 0 to 10000000 (default 0: off)
 * @param waitingAtLeast alert when at least this many users wait for a product, 0 to 10000000 (default 0: off)
 */
public record AlertRulesResource(
        Integer expiringWithinDays, Boolean lapsed, Integer freeSeatsBelow, Integer waitingAtLeast) {}
