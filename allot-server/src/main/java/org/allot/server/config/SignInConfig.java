package org.allot.server.config;

import java.time.Clock;
import org.allot.server.persistence.JdbcSignInFailures;
import org.allot.server.security.SignInForm;
import org.allot.server.security.SignInThrottle;
import org.allot.server.security.TokenEndpointGuard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Throttling of failed sign-ins and token requests (docs/security.md): the failures in the database and the policy.
 * Its two doors stand in the filter chains: {@link SignInForm} at the admin center's sign-in ({@link SecurityConfig})
 * and {@link TokenEndpointGuard} with {@link org.allot.server.security.UnknownClients} at the token endpoint
 * ({@link ApiSecurityConfig}); they are not beans, so that they are not also registered as servlet filters.
 */
@Configuration(proxyBeanMethods = false)
class SignInConfig {

    @Bean
    SignInThrottle signInThrottle(JdbcClient jdbc, AllotProperties properties, Clock clock) {
        AllotProperties.SignIn settings = properties.signIn();
        return new SignInThrottle(
                new JdbcSignInFailures(jdbc),
                new SignInThrottle.Settings(
                        settings.perAccountAndAddress(),
                        settings.perAccount(),
                        settings.perAddress(),
                        settings.firstDelay(),
                        settings.maxDelay(),
                        settings.forgetAfter()),
                clock);
    }
}
