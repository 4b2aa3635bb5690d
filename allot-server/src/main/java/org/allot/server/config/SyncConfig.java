package org.allot.server.config;

import java.time.Clock;
import javax.sql.DataSource;
import org.allot.core.assembly.AssignedLicenses;
import org.allot.core.catalog.ProductCatalog;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.directory.UserDirectory;
import org.allot.core.sync.CloudDirectory;
import org.allot.core.sync.DirectorySync;
import org.allot.core.sync.OnPremisesDirectory;
import org.allot.core.sync.SyncOverview;
import org.allot.core.sync.SyncSettings;
import org.allot.core.sync.SyncStores;
import org.allot.server.ldap.AesGcmSecrets;
import org.allot.server.ldap.LdapDirectorySource;
import org.allot.server.ldap.SyncScheduler;
import org.allot.server.persistence.JdbcActivitySignals;
import org.allot.server.persistence.JdbcAssignments;
import org.allot.server.persistence.JdbcAuditLog;
import org.allot.server.persistence.JdbcConnectors;
import org.allot.server.persistence.JdbcGroupLicenses;
import org.allot.server.persistence.JdbcMemberships;
import org.allot.server.persistence.JdbcSyncLocks;
import org.allot.server.persistence.JdbcSyncRuns;
import org.allot.server.persistence.JdbcSyncedObjects;
import org.allot.server.persistence.JdbcTenants;
import org.allot.server.persistence.UnitOfWork;
import org.allot.server.security.MasterKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Directory sync: the connector store, the LDAP source, the sync service and its scheduler. */
@Configuration(proxyBeanMethods = false)
class SyncConfig {

    @Bean
    JdbcConnectors connectors(JdbcClient jdbc, JsonMapper json) {
        return new JdbcConnectors(jdbc, json);
    }

    @Bean
    JdbcSyncRuns syncRuns(JdbcClient jdbc) {
        return new JdbcSyncRuns(jdbc);
    }

    @Bean
    JdbcSyncedObjects syncedObjects(JdbcClient jdbc) {
        return new JdbcSyncedObjects(jdbc);
    }

    @Bean
    JdbcSyncLocks syncLocks(DataSource dataSource) {
        return new JdbcSyncLocks(dataSource);
    }

    @Bean
    AesGcmSecrets syncSecrets(MasterKey key) {
        return new AesGcmSecrets(key);
    }

    @Bean
    LdapDirectorySource directorySource(AllotProperties properties) {
        AllotProperties.Sync s = properties.sync();
        return new LdapDirectorySource(s.connectTimeout(), s.responseTimeout(), s.pageSize());
    }

    @Bean
    SyncStores syncStores(
            JdbcTenants tenants,
            JdbcConnectors connectors,
            JdbcSyncRuns runs,
            JdbcSyncedObjects synced,
            JdbcSyncLocks locks,
            UnitOfWork work) {
        return new SyncStores(tenants, connectors, runs, synced, locks, work::execute);
    }

    @Bean
    DirectorySync directorySync(
            SyncStores stores,
            LdapDirectorySource source,
            AesGcmSecrets secrets,
            UserDirectory users,
            GroupDirectory groups,
            JdbcMemberships memberships,
            JdbcAssignments assignments,
            JdbcGroupLicenses groupLicenses,
            ProductCatalog catalog,
            JdbcAuditLog auditLog,
            JdbcActivitySignals activity,
            org.allot.core.directory.UserManagers managers,
            Clock clock,
            AllotProperties properties) {
        AllotProperties.Sync s = properties.sync();
        SyncSettings defaults = SyncSettings.DEFAULT;
        return new DirectorySync(
                stores,
                new OnPremisesDirectory(source, secrets),
                new CloudDirectory(
                        users,
                        groups,
                        memberships,
                        new AssignedLicenses(assignments, groupLicenses, catalog),
                        activity,
                        managers),
                auditLog,
                clock,
                new SyncSettings(s.pageSize(), s.fullSyncEvery(), defaults.timestampOverlap(), defaults.errorsKept()));
    }

    @Bean
    SyncOverview syncOverview(SyncStores stores) {
        return new SyncOverview(stores);
    }

    @Bean
    SyncScheduler syncScheduler(DirectorySync sync, AllotProperties properties) {
        AllotProperties.Sync s = properties.sync();
        return new SyncScheduler(sync, s.interval(), s.pollInterval(), s.scheduled());
    }
}
