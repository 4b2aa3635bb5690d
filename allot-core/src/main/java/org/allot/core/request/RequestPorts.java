package org.allot.core.request;

import java.util.Objects;
import org.allot.core.assignment.Assignments;
import org.allot.core.assignment.GroupLicenses;
import org.allot.core.assignment.UserLicensing;
import org.allot.core.audit.AuditLog;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.directory.Managers;
import org.allot.core.directory.Tenants;
import org.allot.core.directory.UnitMemberships;
import org.allot.core.directory.Users;
import org.allot.core.notification.ChangeSubscriptions;
import org.allot.core.notification.NotificationOutbox;
import org.allot.core.subscription.SubscriptionBook;
import org.allot.core.timebound.TimeBoundGrants;

/**
 * What license requests read and write: their own store, the directory (users, their managers, groups), the catalog
 * and subscriptions, licensing's use cases (to grant), the change subscriptions and outbox (to notify), the audit log,
 * which administrative units hold a user (who may see and decide its requests), and time-bound grants (an approved
 * period).
 */
public record RequestPorts(
        FiledRequests requests,
        Tenants tenants,
        Users users,
        Managers managers,
        ProductCatalog catalog,
        SubscriptionBook book,
        UserLicensing licensing,
        GroupDirectory groups,
        GroupLicenses groupLicenses,
        Assignments assignments,
        ChangeSubscriptions changeSubscriptions,
        NotificationOutbox outbox,
        AuditLog audit,
        UnitMemberships units,
        TimeBoundGrants timeBound) {

    public RequestPorts {
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(tenants, "tenants");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(managers, "managers");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(licensing, "licensing");
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(groupLicenses, "groupLicenses");
        Objects.requireNonNull(assignments, "assignments");
        Objects.requireNonNull(changeSubscriptions, "changeSubscriptions");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(timeBound, "timeBound");
    }

    RequestNotices notices() {
        return new RequestNotices(changeSubscriptions, outbox);
    }

    RequestGrants grants() {
        return new RequestGrants(licensing, groups, groupLicenses, assignments, timeBound);
    }
}
