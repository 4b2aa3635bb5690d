package org.allot.server.config;

import javax.sql.DataSource;
import org.allot.core.assembly.CoreServices;
import org.allot.core.directory.GroupDirectory;
import org.allot.core.directory.GroupMembers;
import org.allot.core.directory.ScopeGuard;
import org.allot.core.directory.TenantDirectory;
import org.allot.core.directory.TenantDomains;
import org.allot.core.directory.UserDirectory;
import org.allot.core.unit.UnitDelegation;
import org.allot.core.unit.UnitDirectory;
import org.allot.core.unit.UnitMembers;
import org.allot.core.unit.UnitOverview;
import org.allot.server.persistence.JdbcTenantLocks;
import org.allot.server.persistence.TenantStamps;
import org.allot.server.persistence.UnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The core's directory use cases: tenants, users, groups and administrative units. */
@Configuration(proxyBeanMethods = false)
class DirectoryConfig {

    @Bean
    TenantDirectory tenantDirectory(CoreServices services) {
        return services.tenantDirectory();
    }

    @Bean
    TenantDomains tenantDomains(CoreServices services) {
        return services.tenantDomains();
    }

    /** Licensing and dynamic membership both follow the users and groups of the directory. */
    @Bean
    UserDirectory userDirectory(CoreServices services) {
        return services.userDirectory();
    }

    @Bean
    GroupDirectory groupDirectory(CoreServices services) {
        return services.groupDirectory();
    }

    /** Groups created or changed with the members they are given (members@odata.bind), all or nothing. */
    @Bean
    GroupMembers groupMembers(
            UnitOfWork work, DataSource dataSource, JdbcClient jdbc, TenantStamps stamps, GroupDirectory directory) {
        return new GroupMembers(work, new JdbcTenantLocks(dataSource, jdbc, stamps), directory);
    }

    /** What a caller scoped to administrative units may see and change (docs/delegation.md). */
    @Bean
    ScopeGuard scopeGuard(CoreServices services) {
        return services.scopeGuard();
    }

    @Bean
    UnitDirectory unitDirectory(CoreServices services) {
        return services.unitDirectory();
    }

    @Bean
    UnitMembers unitMembers(CoreServices services) {
        return services.unitMembers();
    }

    @Bean
    UnitOverview unitOverview(CoreServices services) {
        return services.unitOverview();
    }

    @Bean
    UnitDelegation unitDelegation(CoreServices services) {
        return services.unitDelegation();
    }
}
