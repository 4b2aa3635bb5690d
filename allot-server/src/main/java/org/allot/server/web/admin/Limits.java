package org.allot.server.web.admin;

import org.allot.core.assignment.GroupLicensing;
import org.allot.core.assignment.RemovalGrace;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.reclaim.ReclaimPolicy;
import org.allot.core.rules.MembershipRule;
import org.allot.core.subscription.LifecyclePeriods;
import org.allot.core.subscription.SubscriptionBook;

/**
 * The limits the forms show and check, read from where core defines them: seats of a subscription, a group's
 * priority in waiting lists, the days a product holds a removed license, the length of a group's name, description and
 * membership rule, the days of lifecycle periods and reclaim policies.
 */
public record Limits(
        int maxSeats,
        int minPriority,
        int maxPriority,
        int removalGraceDays,
        int groupName,
        int groupDescription,
        int membershipRule,
        int search,
        int lifecycleDays,
        int reclaimDays) {

    static final Limits CORE = new Limits(
            SubscriptionBook.MAX_SEATS,
            GroupLicensing.MIN_PRIORITY,
            GroupLicensing.MAX_PRIORITY,
            RemovalGrace.MAX_DAYS,
            GroupAttribute.DISPLAY_NAME.maxLength(),
            GroupAttribute.DESCRIPTION.maxLength(),
            MembershipRule.MAX_LENGTH,
            UserFilters.MAX_SEARCH,
            LifecyclePeriods.MAX_DAYS,
            ReclaimPolicy.MAX_DAYS);

    /** "from … to …" for a group's priority, as forms and messages say it. */
    public String priorityRange() {
        return minPriority + " to " + maxPriority;
    }
}
