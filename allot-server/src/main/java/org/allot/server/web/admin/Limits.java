package org.allot.server.web.admin;

import org.allot.core.assignment.Allotment;
import org.allot.core.assignment.GroupLicensing;
import org.allot.core.assignment.RemovalGrace;
import org.allot.core.directory.GroupAttribute;
import org.allot.core.reclaim.ReclaimPolicy;
import org.allot.core.request.RequestBook;
import org.allot.core.rules.MembershipRule;
import org.allot.core.subscription.LifecyclePeriods;
import org.allot.core.subscription.SubscriptionBook;
import org.allot.core.sync.ConnectorRequest;
import org.allot.core.unit.AdministrativeUnit;
import org.allot.server.security.AdminAccounts;
import org.allot.server.security.AppCertificates;

/**
 * The limits the forms show and check, read from where core (or, for apps and administrators, security; for the
 * searches, the page) defines them: seats of a subscription, a group's priority in waiting lists, the days a product
 * holds a removed license, the length of a group's name, description and membership rule, the days of lifecycle
 * periods and reclaim policies, the length of a unit's name and description, of a pool's name, of a license
 * request's justification or answer, of a directory connector's DNs, password and filters and its longest wait between
 * deletion checks, of an app's certificate, and of an administrator's display name and password. {@code TemplateLimitsTest} keeps the templates from writing them again.
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
        int reclaimDays,
        int auditSearch,
        int unitName,
        int unitDescription,
        int poolName,
        int requestText,
        int connectorDn,
        int connectorPassword,
        int connectorFilter,
        int deletionCheckMinutes,
        int certificate,
        int adminDisplayName,
        int adminPassword) {

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
            ReclaimPolicy.MAX_DAYS,
            AuditFilters.MAX_TEXT,
            AdministrativeUnit.MAX_DISPLAY_NAME,
            AdministrativeUnit.MAX_DESCRIPTION,
            Allotment.MAX_NAME,
            RequestBook.MAX_TEXT,
            ConnectorRequest.MAX_DN,
            ConnectorRequest.MAX_PASSWORD,
            ConnectorRequest.MAX_FILTER,
            ConnectorRequest.MAX_DELETION_CHECK_MINUTES,
            AppCertificates.MAX_LENGTH,
            AdminAccounts.MAX_DISPLAY_NAME,
            AdminAccounts.MAX_PASSWORD);

    /** "from … to …" for a group's priority, as forms and messages say it. */
    public String priorityRange() {
        return minPriority + " to " + maxPriority;
    }
}
