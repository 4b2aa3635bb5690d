package org.allot.server.config;

import org.allot.core.assembly.CoreServices;
import org.allot.core.rules.DynamicMembership;
import org.allot.core.rules.MembershipPreview;
import org.allot.core.rules.RuleMemberships;
import org.allot.server.persistence.JdbcDynamicGroups;
import org.allot.server.persistence.TenantStamps;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Dynamic groups: their storage, and the services {@link CoreServices} wires with licensing — rule-based membership
 * (told by licensing whose plans changed), the directory listener that applies rules, and the preview.
 */
@Configuration(proxyBeanMethods = false)
class DynamicGroupsConfig {

    @Bean
    JdbcDynamicGroups dynamicGroups(JdbcClient jdbc, TenantStamps stamps) {
        return new JdbcDynamicGroups(jdbc, stamps);
    }

    @Bean
    RuleMemberships ruleMemberships(CoreServices services) {
        return services.ruleMemberships();
    }

    @Bean
    DynamicMembership dynamicMembership(CoreServices services) {
        return services.dynamicMembership();
    }

    @Bean
    MembershipPreview membershipPreview(CoreServices services) {
        return services.membershipPreview();
    }
}
