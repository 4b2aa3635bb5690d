package org.allot.server.config;

import java.time.Clock;
import org.allot.core.Transactions;
import org.allot.core.assignment.GroupOnly;
import org.allot.core.assignment.LicenseCheck;
import org.allot.core.assignment.LicenseHolders;
import org.allot.core.assignment.LicenseQueries;
import org.allot.core.assignment.LicensedDirectory;
import org.allot.core.assignment.LicensingViews;
import org.allot.core.assignment.MembersInError;
import org.allot.core.assignment.OverageGrace;
import org.allot.core.assignment.PendingRemovals;
import org.allot.core.assignment.ProductDetails;
import org.allot.core.assignment.Relationships;
import org.allot.core.audit.AuditTrail;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.directory.DirectoryDelta;
import org.allot.core.directory.DirectoryObjects;
import org.allot.core.directory.DirectorySearch;
import org.allot.core.rules.GroupOverview;
import org.allot.core.rules.RuleProcessing;
import org.allot.core.subscription.SubscriptionBook;
import org.allot.server.persistence.JdbcAssignments;
import org.allot.server.persistence.JdbcAuditLog;
import org.allot.server.persistence.JdbcDirectoryChanges;
import org.allot.server.persistence.JdbcGroupLicenses;
import org.allot.server.persistence.JdbcGroups;
import org.allot.server.persistence.JdbcMemberships;
import org.allot.server.persistence.JdbcRuleRuns;
import org.allot.server.persistence.JdbcSeats;
import org.allot.server.persistence.JdbcSubscriptions;
import org.allot.server.persistence.JdbcTenants;
import org.allot.server.persistence.JdbcUsers;
import org.allot.server.persistence.JdbcWaitingLists;
import org.allot.server.persistence.query.JdbcAuditQueries;
import org.allot.server.persistence.query.JdbcDirectoryQueries;
import org.allot.server.persistence.query.JdbcLicenseQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The core's read use cases — the directory with licenses, who holds and waits, the audit trail — over SQL. */
@Configuration(proxyBeanMethods = false)
class QueriesConfig {

    @Bean
    JdbcDirectoryQueries directoryQueries(JdbcClient jdbc, JdbcMemberships memberships) {
        return new JdbcDirectoryQueries(jdbc, memberships);
    }

    @Bean
    JdbcLicenseQueries licenseQueries(JdbcClient jdbc) {
        return new JdbcLicenseQueries(jdbc, new JdbcWaitingLists(jdbc));
    }

    @Bean
    JdbcAuditQueries auditQueries(JdbcClient jdbc, JdbcAuditLog log) {
        return new JdbcAuditQueries(jdbc, log);
    }

    @Bean
    LicensedDirectory licensedDirectory(
            Transactions transactions,
            JdbcDirectoryQueries queries,
            JdbcUsers users,
            JdbcGroups groups,
            JdbcAssignments assignments,
            JdbcGroupLicenses groupLicenses,
            ProductCatalog catalog,
            JdbcSeats seats,
            JdbcLicenseQueries licenses,
            JdbcMemberships memberships) {
        return new LicensedDirectory(
                transactions,
                queries,
                users,
                groups,
                assignments,
                groupLicenses,
                catalog,
                seats,
                licenses,
                memberships);
    }

    /** The directory's reads narrowed to a caller's scope (administrative units, docs/delegation.md). */
    @Bean
    org.allot.core.assignment.ScopedDirectory scopedDirectory(
            Transactions transactions,
            LicensedDirectory reads,
            Relationships relationships,
            org.allot.core.directory.ScopeGuard guard) {
        return new org.allot.core.assignment.ScopedDirectory(transactions, reads, relationships, guard);
    }

    @Bean
    Relationships relationships(
            Transactions transactions, JdbcUsers users, JdbcGroups groups, LicensedDirectory licensedDirectory) {
        return new Relationships(transactions, users, groups, licensedDirectory);
    }

    @Bean
    LicenseHolders licenseHolders(
            Transactions transactions,
            ProductCatalog catalog,
            SubscriptionBook book,
            JdbcSubscriptions subscriptions,
            JdbcSeats seats,
            JdbcLicenseQueries licenses) {
        return new LicenseHolders(transactions, catalog, book, subscriptions, seats, licenses);
    }

    /** A product's page in the admin center, in one unit of work. */
    @Bean
    ProductDetails productDetails(
            Transactions transactions,
            LicenseHolders holders,
            PendingRemovals removals,
            OverageGrace grace,
            GroupOnly groupOnly,
            org.allot.core.assignment.AllotmentFigures allotments) {
        return new ProductDetails(transactions, holders, removals, grace, groupOnly, allotments);
    }

    @Bean
    DirectorySearch directorySearch(
            Transactions transactions,
            JdbcDirectoryQueries queries,
            JdbcGroups groups,
            org.allot.core.directory.ScopeGuard guard) {
        return new DirectorySearch(transactions, queries, groups, guard);
    }

    @Bean
    DirectoryObjects directoryObjects(
            Transactions transactions,
            JdbcDirectoryQueries queries,
            JdbcUsers users,
            JdbcGroups groups,
            org.allot.core.directory.ScopeGuard guard) {
        return new DirectoryObjects(transactions, queries, users, groups, guard);
    }

    /** The directory's change log, which delta queries and change notifications both read. */
    @Bean
    JdbcDirectoryChanges directoryChanges(JdbcClient jdbc) {
        return new JdbcDirectoryChanges(jdbc);
    }

    @Bean
    DirectoryDelta directoryDelta(
            Transactions transactions,
            JdbcTenants tenants,
            JdbcDirectoryChanges changes,
            Clock clock,
            AllotProperties properties) {
        return new DirectoryDelta(
                transactions, tenants, changes, clock, properties.processing().deltaRetention());
    }

    @Bean
    AuditTrail auditTrail(Transactions transactions, JdbcAuditQueries queries) {
        return new AuditTrail(transactions, queries);
    }

    @Bean
    RuleProcessing ruleProcessing(Transactions transactions, JdbcGroups groups, JdbcClient jdbc) {
        return new RuleProcessing(transactions, groups, new JdbcRuleRuns(jdbc));
    }

    @Bean
    LicensingViews licensingViews(
            Transactions transactions,
            SubscriptionBook subscriptions,
            LicenseCheck check,
            ProductCatalog catalog,
            LicensedDirectory reads,
            AuditTrail audits) {
        return new LicensingViews(transactions, subscriptions, check, catalog, reads, audits);
    }

    @Bean
    MembersInError membersInError(
            Transactions transactions, LicensedDirectory reads, LicenseQueries licenses, ProductCatalog catalog) {
        return new MembersInError(transactions, reads, licenses, catalog);
    }

    @Bean
    GroupOverview groupOverview(
            Transactions transactions,
            LicensedDirectory reads,
            MembersInError errors,
            RuleProcessing rules,
            SubscriptionBook subscriptions) {
        return new GroupOverview(transactions, reads, errors, rules, subscriptions);
    }
}
