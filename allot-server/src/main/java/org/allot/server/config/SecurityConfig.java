package org.allot.server.config;

import org.allot.core.Actor;
import org.allot.core.unit.UnitDelegation;
import org.allot.server.persistence.JdbcAdminAccounts;
import org.allot.server.security.AdminPrincipal;
import org.allot.server.security.AdminSessions;
import org.allot.server.security.PrehashedBcrypt;
import org.allot.server.security.RequestFirewall;
import org.allot.server.security.SignInForm;
import org.allot.server.security.SignInThrottle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Security: what every filter chain shares (the password encoder, the request firewall, no observations), the admin
 * center (sessions that end when their administrator is removed or demoted), and the rest (health and the OpenAPI
 * document are public). The token endpoint and the API, the chains before it, are {@link ApiSecurityConfig}'s.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /** Passwords and client secrets of any length (docs/security.md); older bcrypt hashes upgraded on use. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PrehashedBcrypt.delegating();
    }

    /**
     * The strict firewall with its rules checked in plain code ({@link RequestFirewall}), for every filter chain.
     */
    @Bean
    WebSecurityCustomizer requestFirewall() {
        return web -> web.httpFirewall(RequestFirewall.strict());
    }

    /**
     * No observation (timer and span) around each of the security filters, every authentication and every
     * authorization: a dozen per API request, where the request's own timer ({@code http.server.requests}) is the
     * one the metrics report.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Replaces an administrator's older password hash after a successful sign-in. */
    @Bean
    UserDetailsPasswordService adminPasswordUpgrades(JdbcAdminAccounts accounts) {
        return (user, hash) -> {
            accounts.replacePasswordHash(user.getUsername(), hash);
            return user instanceof AdminPrincipal a ? a.withPasswordHash(hash) : user;
        };
    }

    @Bean
    JdbcAdminAccounts adminAccounts(JdbcClient jdbc) {
        return new JdbcAdminAccounts(jdbc);
    }

    /** Admin center accounts. */
    @Bean
    UserDetailsService adminDetails(JdbcAdminAccounts accounts, UnitDelegation delegation) {
        return username -> accounts.find(username)
                .map(a -> new AdminPrincipal(
                        a.tenant(),
                        a.username(),
                        a.displayName(),
                        a.passwordHash(),
                        a.role(),
                        delegation.rolesOf(a.tenant(), Actor.user(a.username(), a.displayName()))))
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    /** The admin center: sign-in with an admin account, a session, CSRF protection on every form. */
    @Bean
    @Order(4)
    SecurityFilterChain adminCenter(
            HttpSecurity http, SignInThrottle throttle, JdbcAdminAccounts accounts, UnitDelegation delegation)
            throws Exception {
        SignInForm form = new SignInForm(throttle);
        LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/login");
        signIn.setFavorRelativeUris(true);
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login",
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/images/**",
                                "/favicon.ico",
                                "/actuator/health/**",
                                "/actuator/health",
                                "/v3/api-docs/**",
                                "/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .addFilterBefore(form, UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new AdminSessions(accounts, delegation), SecurityContextHolderFilter.class)
                .formLogin(login -> login.loginPage("/login")
                        .successHandler(form)
                        .failureHandler(form)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .exceptionHandling(e -> e.accessDeniedPage("/denied").authenticationEntryPoint(signIn))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
                                + " script-src 'self'; frame-ancestors 'none'")));
        return http.build();
    }
}
