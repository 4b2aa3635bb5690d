package org.allot.core.testing;

import java.util.List;
import org.allot.core.TenantId;
import org.allot.core.assignment.Assignments;
import org.allot.core.assignment.GroupLicenses;
import org.allot.core.assignment.LicenseAssignment;
import org.allot.core.assignment.LicenseCheck;
import org.allot.core.assignment.Licensing;
import org.allot.core.assignment.LicensingSettings;
import org.allot.core.audit.AuditEvent;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.directory.Groups;
import org.allot.core.directory.Memberships;
import org.allot.core.directory.TenantDirectory;
import org.allot.core.directory.UserDirectory;
import org.allot.core.directory.Users;
import org.allot.core.rules.DynamicMembership;
import org.allot.core.rules.MembershipPreview;
import org.allot.core.subscription.Seats;
import org.allot.core.subscription.SubscriptionBook;

/**
 * An Allot installation the rule tests drive: in memory by default, or on real storage when a module provides an
 * {@link InstallationFactory} and the system property {@code allot.test.installation} names it.
 */
public interface Installation {
    MutableClock clock();

    LicensingSettings settings();

    TenantDirectory tenantDirectory();

    org.allot.core.directory.TenantDomains tenantDomains();

    UserDirectory userDirectory();

    GroupDirectory groupDirectory();

    SubscriptionBook subscriptionBook();

    /** The step that moves subscriptions along their calendar, as the server schedules it. */
    org.allot.core.subscription.SubscriptionCalendar subscriptionCalendar();

    /** Taking seats back when capacity falls below use. */
    org.allot.core.assignment.SeatTakeBack seatTakeBack();

    /** The overage grace period's step, as the server schedules it, and its preview. */
    org.allot.core.assignment.OverageGrace overageGrace();

    /** The tenants' lifecycle periods. */
    org.allot.core.subscription.LifecycleSettings lifecycleSettings();

    /** The products' overage clocks and deleted-subscription marks, as the storage keeps them. */
    org.allot.core.subscription.OverageClocks overageClocks();

    ProductCatalog catalog();

    Licensing licensing();

    /** The direct → group migration assistant (its runs are carried out by {@link #runJobs()}). */
    org.allot.core.assignment.DirectToGroup directToGroup();

    /** The steps of a migration run, as the background job carries them out. */
    org.allot.core.assignment.DirectToGroupJob directToGroupJob();
    /** Administrative units (issue 19). */
    org.allot.core.unit.UnitDirectory unitDirectory();

    org.allot.core.unit.UnitMembers unitMembers();

    org.allot.core.unit.UnitDelegation unitDelegation();

    /** Which administrative units hold a user or group. */
    org.allot.core.directory.UnitMemberships unitMemberships();

    DynamicMembership dynamicMembership();

    MembershipPreview membershipPreview();

    LicenseCheck licenseCheck();

    Users users();

    Groups groups();

    Memberships memberships();

    Assignments assignments();

    GroupLicenses groupLicenses();

    Seats seats();

    /** The allotments' port: pools, and their figures as stored. */
    org.allot.core.assignment.Allotments allotments();

    /** Every assignment of the tenant. */
    List<LicenseAssignment> allAssignments(TenantId tenant);

    /** The tenant's audit records, oldest first. */
    List<AuditEvent> auditEvents(TenantId tenant);

    /** Runs every queued background job until none is left; returns how many ran. */
    int runJobs();
}
