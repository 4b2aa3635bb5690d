package org.allot.server.config;

import java.util.Collection;
import java.util.stream.Collectors;
import org.allot.server.security.AdminPrincipal;
import org.allot.server.security.ApiAccess;
import org.allot.server.security.ApiCaller;
import org.allot.server.security.GraphAuthenticationFailures;
import org.allot.server.security.JdbcAdminAccounts;
import org.allot.server.security.JdbcAppRegistrations;
import org.allot.server.security.NoStoredAuthorizations;
import org.allot.server.security.PrehashedBcrypt;
import org.allot.server.security.RateLimits;
import org.allot.server.security.SignInForm;
import org.allot.server.security.SignInThrottle;
import org.allot.server.security.SigningKeys;
import org.allot.server.security.TokenClaims;
import org.allot.server.security.TokenEndpointGuard;
import org.allot.server.security.UnknownClients;
import org.allot.server.web.GraphErrorBodies;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;

/**
 * Security: the OAuth 2.0 token endpoint ({@code POST /oauth2/v2.0/token}, client credentials, JWT), the API
 * ({@code /v1.0/**} and {@code /allot/v1/**}, bearer tokens, roles from {@link ApiAccess}, rate limits), and the
 * rest (health and the OpenAPI document are public).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /** Passwords and client secrets of any length (docs/security.md); older bcrypt hashes upgraded on use. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PrehashedBcrypt.delegating();
    }

    /** Replaces an administrator's older password hash after a successful sign-in. */
    @Bean
    UserDetailsPasswordService adminPasswordUpgrades(JdbcAdminAccounts accounts) {
        return (user, hash) -> {
            accounts.replacePasswordHash(user.getUsername(), hash);
            return user instanceof AdminPrincipal a
                    ? new AdminPrincipal(a.tenant(), a.getUsername(), a.displayName(), hash, a.role())
                    : user;
        };
    }

    @Bean
    SigningKeys signingKeys(JdbcClient jdbc) {
        return new SigningKeys(jdbc);
    }

    @Bean
    JdbcAppRegistrations appRegistrationStore(JdbcClient jdbc, AllotProperties properties) {
        return new JdbcAppRegistrations(jdbc, properties.api().tokenLifetime());
    }

    @Bean
    JdbcAdminAccounts adminAccounts(JdbcClient jdbc) {
        return new JdbcAdminAccounts(jdbc);
    }

    @Bean
    TokenClaims tokenClaims(JdbcAppRegistrations apps) {
        return new TokenClaims(apps);
    }

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys) {
        return NimbusJwtDecoder.withJwkSource(keys).build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder()
                .tokenEndpoint("/oauth2/v2.0/token")
                .jwkSetEndpoint("/discovery/v2.0/keys")
                .build();
    }

    @Bean
    GraphAuthenticationFailures graphAuthenticationFailures(GraphErrorBodies errors) {
        return new GraphAuthenticationFailures(errors);
    }

    /** Admin center accounts. */
    @Bean
    UserDetailsService adminDetails(JdbcAdminAccounts accounts) {
        return username -> accounts.find(username)
                .map(a -> new AdminPrincipal(a.tenant(), a.username(), a.displayName(), a.passwordHash(), a.role()))
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    @Bean
    @Order(1)
    SecurityFilterChain tokenEndpoint(
            HttpSecurity http,
            JdbcAppRegistrations apps,
            AuthorizationServerSettings settings,
            SignInThrottle throttle,
            PasswordEncoder passwords)
            throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        UnknownClients unknown = new UnknownClients(apps, passwords);
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, s -> s.registeredClientRepository(apps)
                        .authorizationService(new NoStoredAuthorizations())
                        .authorizationServerSettings(settings)
                        .clientAuthentication(c -> c.authenticationProviders(p -> p.add(0, unknown))))
                .addFilterBefore(new TokenEndpointGuard(throttle), AbstractPreAuthenticatedProcessingFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(
            HttpSecurity http,
            JwtDecoder decoder,
            GraphAuthenticationFailures failures,
            GraphErrorBodies errors,
            AllotProperties properties)
            throws Exception {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> roles(ApiCaller.roles(jwt).stream()
                .map(r -> new SimpleGrantedAuthority(r.authority()))
                .collect(Collectors.toList())));
        http.securityMatcher("/v1.0/**", "/allot/v1/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(failures)
                        .accessDeniedHandler(failures))
                .exceptionHandling(e -> e.authenticationEntryPoint(failures).accessDeniedHandler(failures))
                .addFilterAfter(
                        new RateLimits(
                                errors,
                                properties.api().rateLimit(),
                                properties.api().ratePeriod()),
                        BearerTokenAuthenticationFilter.class);
        ApiAccess.apply(http);
        return http.build();
    }

    /** The admin center: sign-in with an admin account, a session, CSRF protection on every form. */
    @Bean
    @Order(3)
    SecurityFilterChain adminCenter(HttpSecurity http, SignInThrottle throttle) throws Exception {
        SignInForm form = new SignInForm(throttle);
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
                .formLogin(login -> login.loginPage("/login")
                        .successHandler(form)
                        .failureHandler(form)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .exceptionHandling(e -> e.accessDeniedPage("/denied"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
                                + " script-src 'self'; frame-ancestors 'none'")));
        return http.build();
    }

    private static Collection<GrantedAuthority> roles(Collection<SimpleGrantedAuthority> authorities) {
        return authorities.stream().map(a -> (GrantedAuthority) a).toList();
    }
}
