package org.allot.server.config;

import org.allot.core.assembly.CoreServices;
import org.allot.core.assignment.OverageGrace;
import org.allot.core.assignment.SeatTakeBack;
import org.allot.core.subscription.LifecyclePolicy;
import org.allot.core.subscription.SubscriptionBook;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The core's subscription use cases: the subscriptions, the tenants' lifecycle, seats taken back. */
@Configuration(proxyBeanMethods = false)
class SubscriptionsConfig {

    @Bean
    SubscriptionBook subscriptionBook(CoreServices services) {
        return services.subscriptionBook();
    }

    /** The tenants' lifecycle periods: Warning, Suspended, overage grace. */
    @Bean
    LifecyclePolicy lifecyclePolicy(CoreServices services) {
        return services.lifecyclePolicy();
    }

    /** Seats taken back when capacity falls below use: at once for a deleted subscription, after the grace period. */
    @Bean
    SeatTakeBack seatTakeBack(CoreServices services) {
        return services.seatTakeBack();
    }

    @Bean
    OverageGrace overageGrace(CoreServices services) {
        return services.overageGrace();
    }
}
