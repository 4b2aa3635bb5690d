package org.allot.server.config;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.allot.server.http.GraphErrorBodies;
import org.allot.server.http.PublicUrl;
import org.allot.server.persistence.JdbcAppRegistrations;
import org.allot.server.persistence.JdbcTenants;
import org.allot.server.persistence.UnitOfWork;
import org.allot.server.security.ApiAccess;
import org.allot.server.security.ApiTokens;
import org.allot.server.security.BearerTokens;
import org.allot.server.security.ClientAssertions;
import org.allot.server.security.ClientAuthenticationFailures;
import org.allot.server.security.ClientCredentialsRequests;
import org.allot.server.security.GraphAuthenticationFailures;
import org.allot.server.security.NoStoredAuthorizations;
import org.allot.server.security.OAuthErrors;
import org.allot.server.security.OAuthTenants;
import org.allot.server.security.RateLimits;
import org.allot.server.security.RegisteredApps;
import org.allot.server.security.SignInThrottle;
import org.allot.server.security.TokenClaims;
import org.allot.server.security.TokenEndpointGuard;
import org.allot.server.security.TokenEndpointTenant;
import org.allot.server.security.UnknownClients;
import org.allot.server.web.graph.Endpoints;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Security for apps: the OAuth 2.0 token endpoint ({@code POST /oauth2/v2.0/token}, client credentials, JWT), what
 * else lives at OAuth's URLs, and the API ({@code /v1.0/**} and {@code /allot/v1/**}, bearer tokens checked against
 * the app as it is now ({@link ApiTokens}), roles from {@link ApiAccess}, rate limits). Their filter chains come first
 * (orders 1 to 3); {@link SecurityConfig} has what all chains share and the admin center's, last.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfig {

    @Bean
    JdbcAppRegistrations appRegistrationStore(JdbcClient jdbc) {
        return new JdbcAppRegistrations(jdbc);
    }

    /** The app registrations as the authorization server's clients. */
    @Bean
    RegisteredApps registeredApps(JdbcAppRegistrations store, AllotProperties properties) {
        return new RegisteredApps(store, properties.api().tokenLifetime());
    }

    @Bean
    TokenClaims tokenClaims(JdbcAppRegistrations apps, PublicUrl publicUrl) {
        return new TokenClaims(apps, publicUrl);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder()
                .multipleIssuersAllowed(true)
                .tokenEndpoint("/oauth2/v2.0/token")
                .jwkSetEndpoint("/discovery/v2.0/keys")
                .build();
    }

    /** The tenant segment of OAuth URLs: a tenant id, a verified domain, or organizations / common. */
    @Bean
    OAuthTenants oauthTenants(JdbcTenants tenants, UnitOfWork work) {
        return new OAuthTenants(tenants, work);
    }

    @Bean
    GraphAuthenticationFailures graphAuthenticationFailures(GraphErrorBodies errors) {
        return new GraphAuthenticationFailures(errors);
    }

    /**
     * The token endpoint and the signing keys, and nothing else of the authorization server: Allot issues tokens to
     * apps with the client credentials grant only (authorization, introspection and revocation endpoints are not
     * offered, see {@link #notOffered}). The token endpoint is also at {@code /{tenant}/oauth2/v2.0/token} (a tenant
     * id, a verified domain, {@code organizations} or {@code common}), where MSAL and Azure Identity look for it: a
     * tenant that does not exist is refused before the client is authenticated, a client of another tenant after
     * ({@link TokenEndpointTenant}, {@link ClientCredentialsRequests}). Apps authenticate with their secret or with a
     * client assertion signed by a certificate registered on them ({@link ClientAssertions}, in place of the
     * authorization server's own, which reads keys from a JWK set URL). Links and issuers it builds name the public URL.
     */
    @Bean
    @Order(1)
    SecurityFilterChain tokenEndpoint(
            HttpSecurity http,
            RegisteredApps apps,
            JdbcAppRegistrations store,
            AuthorizationServerSettings settings,
            PublicUrl publicUrl,
            SignInThrottle throttle,
            PasswordEncoder passwords,
            OAuthTenants tenants,
            Clock clock)
            throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        UnknownClients unknown = new UnknownClients(apps, passwords);
        ClientAssertions assertions = new ClientAssertions(apps, store, publicUrl, clock);
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(
                        paths.matcher(HttpMethod.POST, settings.getTokenEndpoint()),
                        paths.matcher(HttpMethod.POST, "/{tenant}" + settings.getTokenEndpoint()),
                        paths.matcher(HttpMethod.GET, settings.getJwkSetEndpoint())))
                .with(server, s -> s.registeredClientRepository(apps)
                        .authorizationService(new NoStoredAuthorizations())
                        .authorizationServerSettings(settings)
                        .clientAuthentication(c -> c.authenticationProviders(p -> {
                                    p.add(0, unknown);
                                    p.replaceAll(
                                            provider -> provider instanceof JwtClientAssertionAuthenticationProvider
                                                    ? assertions
                                                    : provider);
                                })
                                .errorResponseHandler(new ClientAuthenticationFailures()))
                        .tokenEndpoint(t -> t.authenticationProviders(p -> p.replaceAll(
                                        provider -> provider instanceof OAuth2ClientCredentialsAuthenticationProvider
                                                ? new ClientCredentialsRequests(provider)
                                                : provider))
                                .errorResponseHandler(new OAuthErrors())))
                .addFilterBefore(
                        (request, response, chain) ->
                                chain.doFilter(publicUrl.asSentToIt((HttpServletRequest) request), response),
                        SecurityContextHolderFilter.class)
                .addFilterBefore(new TokenEndpointTenant(tenants), AbstractPreAuthenticatedProcessingFilter.class)
                .addFilterBefore(new TokenEndpointGuard(throttle), AbstractPreAuthenticatedProcessingFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /**
     * What else lives where an OAuth server's endpoints would: the metadata ({@code OAuthMetadata}, {@code
     * OpenIdConfiguration} at {@code /{tenant}/v2.0/.well-known/openid-configuration}), and 404 with Graph's error body
     * for everything Allot does not offer ({@code /oauth2/authorize}, introspection, revocation), also under a tenant
     * ({@code /{tenant}/oauth2/v2.0/authorize}): never the admin center's sign-in page.
     */
    @Bean
    @Order(2)
    SecurityFilterChain notOffered(HttpSecurity http) throws Exception {
        http.securityMatcher(
                        "/oauth2/**",
                        "/.well-known/**",
                        "/discovery/**",
                        "/{tenant}/oauth2/**",
                        "/{tenant}/v2.0/**",
                        "/{tenant}/discovery/**",
                        "/{tenant}/.well-known/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain api(
            HttpSecurity http,
            JwtDecoder decoder,
            ApiTokens tokens,
            GraphAuthenticationFailures failures,
            GraphErrorBodies errors,
            AllotProperties properties,
            ApplicationContext context)
            throws Exception {
        http.securityMatcher("/v1.0/**", "/allot/v1/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // stateless bearer-token requests: no saved request to replay after a sign-in, no sign-out URL, and
                // no servlet API wrapper around every request (controllers read the caller from the token)
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .servletApi(api -> api.disable())
                .oauth2ResourceServer(rs -> rs.bearerTokenResolver(new BearerTokens())
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(tokens))
                        .authenticationEntryPoint(failures)
                        .accessDeniedHandler(failures))
                .exceptionHandling(e -> e.authenticationEntryPoint(failures).accessDeniedHandler(failures))
                .addFilterAfter(
                        new RateLimits(
                                errors,
                                properties.api().rateLimit(),
                                properties.api().ratePeriod(),
                                properties.cluster().nodes()),
                        BearerTokenAuthenticationFilter.class);
        ApiAccess.apply(
                http,
                new Endpoints(
                        () -> context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)));
        return http.build();
    }
}
