package org.allot.server.config;

import org.allot.core.assembly.CoreServices;
import org.allot.core.assignment.AllotmentFigures;
import org.allot.core.assignment.DirectToGroup;
import org.allot.core.assignment.DirectToGroupJob;
import org.allot.core.assignment.GroupOnly;
import org.allot.core.assignment.LicenseCheck;
import org.allot.core.assignment.LicensesAndLocation;
import org.allot.core.assignment.Licensing;
import org.allot.core.assignment.SeatAllotments;
import org.allot.core.assignment.UserLicensing;
import org.allot.core.directory.ScopeGuard;
import org.allot.core.directory.UserDirectory;
import org.allot.server.persistence.JdbcUsers;
import org.allot.server.persistence.UnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The core's licensing use cases: licenses of users and groups, allotments, group-only, migrations, checks. */
@Configuration(proxyBeanMethods = false)
class LicensingConfig {

    @Bean
    Licensing licensing(CoreServices services) {
        return services.licensing();
    }

    @Bean
    LicenseCheck licenseCheck(CoreServices services) {
        return services.licenseCheck();
    }

    /** Allotments: capped pools of a product's seats (docs/delegation.md#allotments). */
    @Bean
    SeatAllotments seatAllotments(Licensing licensing) {
        return licensing.allotments();
    }

    /** Allotments as readers see them: the pools with their figures (docs/delegation.md#allotments). */
    @Bean
    AllotmentFigures allotmentFigures(Licensing licensing) {
        return licensing.allotmentFigures();
    }

    /** The group-only policy (docs/delegation.md). */
    @Bean
    GroupOnly groupOnly(Licensing licensing) {
        return licensing.groupOnly();
    }

    /** The direct → group migration assistant (docs/delegation.md). */
    @Bean
    DirectToGroup directToGroup(CoreServices services) {
        return services.directToGroup();
    }

    @Bean
    DirectToGroupJob directToGroupJob(CoreServices services) {
        return services.directToGroupJob();
    }

    /** A user's usage location and licenses in one step; a product for many users, every refusal named. */
    @Bean
    LicensesAndLocation licensesAndLocation(
            UnitOfWork work, UserLicensing licensing, UserDirectory directory, JdbcUsers users, ScopeGuard guard) {
        return new LicensesAndLocation(work, licensing, directory, users, guard);
    }
}
